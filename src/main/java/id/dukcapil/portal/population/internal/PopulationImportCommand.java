package id.dukcapil.portal.population.internal;

import id.dukcapil.portal.audit.Actor;
import id.dukcapil.portal.population.ImportState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The import as a start argument, for the first load of a whole regency on a new server (README, Production):
 * {@code --portal.population.import.file=ekstrak.csv --portal.population.import.scope=32.04}, and with
 * {@code --portal.population.import.exit=true} the portal stops when the import ends (exit code 0 when it
 * finished, 1 otherwise). The file is copied first, so the import can go on after a crash and the original stays.
 */
@Component
class PopulationImportCommand implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PopulationImportCommand.class);

    private final ImportRunner runner;
    private final ApplicationContext context;
    private final String file;
    private final String scope;
    private final boolean exit;
    private final Path directory;

    PopulationImportCommand(ImportRunner runner, ApplicationContext context,
                            @Value("${portal.population.import.file:}") String file,
                            @Value("${portal.population.import.scope:}") String scope,
                            @Value("${portal.population.import.exit:false}") boolean exit,
                            @Value("${portal.population.import.dir:data/population-imports}") Path directory) {
        this.runner = runner;
        this.context = context;
        this.file = file;
        this.scope = scope;
        this.exit = exit;
        this.directory = directory;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (file.isBlank()) {
            return;
        }
        Path source = Path.of(file);
        Files.createDirectories(directory);
        Path stored = directory.resolve(UUID.randomUUID() + "-" + source.getFileName());
        Files.copy(source, stored, StandardCopyOption.REPLACE_EXISTING);
        Actor actor = Actor.system("population-import-command");
        log.info("Importing the population from {} for region {}", source, scope);
        long id = runner.register(stored, source.getFileName().toString(), scope, actor);
        ImportState state = runner.run(id, actor);
        if (exit) {
            int code = state == ImportState.FINISHED ? 0 : 1;
            System.exit(SpringApplication.exit(context, () -> code));
        }
    }
}
