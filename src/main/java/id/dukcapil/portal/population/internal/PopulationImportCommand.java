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
    private final ImportStore store;
    private final ApplicationContext context;
    private final String file;
    private final String scope;
    private final boolean exit;
    private final Path directory;

    PopulationImportCommand(ImportRunner runner, ImportStore store, ApplicationContext context,
                            @Value("${portal.population.import.file:}") String file,
                            @Value("${portal.population.import.scope:}") String scope,
                            @Value("${portal.population.import.exit:false}") boolean exit,
                            @Value("${portal.population.import.dir:data/population-imports}") Path directory) {
        this.runner = runner;
        this.store = store;
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
        ImportState state = store.running().stream().findFirst().map(this::awaitInterrupted).orElseGet(this::load);
        if (exit) {
            int code = state == ImportState.FINISHED ? 0 : 1;
            System.exit(SpringApplication.exit(context, () -> code));
        }
    }

    private ImportState load() {
        try {
            Path source = Path.of(file);
            Files.createDirectories(directory);
            Path stored = directory.resolve(UUID.randomUUID() + "-" + source.getFileName());
            Files.copy(source, stored, StandardCopyOption.REPLACE_EXISTING);
            Actor actor = Actor.system("population-import-command");
            log.info("Importing the population from {} for region {}", source, scope);
            long id = runner.register(stored, source.getFileName().toString(), scope, actor);
            return runner.run(id, actor);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The same command started again after a crash finds the interrupted import still running in the database: it
     * waits while this node takes it over (once its old node has been silent long enough) and runs it to its end.
     */
    private ImportState awaitInterrupted(long id) {
        log.info("Import {} is under way or was interrupted by a crash: waiting for it to go on to its end", id);
        while (true) {
            var progress = store.progress(id).orElseThrow();
            if (!progress.running()) {
                return progress.state();
            }
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ImportState.FAILED;
            }
        }
    }
}
