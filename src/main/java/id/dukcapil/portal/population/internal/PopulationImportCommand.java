package id.dukcapil.portal.population.internal;

import id.dukcapil.portal.audit.Actor;
import id.dukcapil.portal.population.ImportProgress;
import id.dukcapil.portal.population.ImportState;
import id.dukcapil.portal.shared.i18n.PortalMessages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.NumberFormat;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The import as a start argument, for the first load of a whole regency on a new server (docs/population-extract.md):
 * {@code --portal.population.import.file=ekstrak.csv --portal.population.import.scope=32.04}, and with
 * {@code --portal.population.import.exit=true} the portal stops when the import ends (exit code 0 when it
 * finished, 1 otherwise). The file is copied first, so the import can go on after a crash and the original stays.
 * An extract without a row, or one that would mark more than the set share of the region gone, stops before anyone
 * is marked gone and says how many it would mark; {@code --portal.population.import.confirm-gone=N} lets it mark at
 * most N, given with the first start or with the same command started again (decision 128).
 */
@Component
class PopulationImportCommand implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PopulationImportCommand.class);
    private static final Actor ACTOR = Actor.system("population-import-command");

    private final ImportRunner runner;
    private final ImportStore store;
    private final ApplicationContext context;
    private final MessageSource messages;
    private final String file;
    private final String scope;
    private final boolean exit;
    private final long confirmGone;
    private final Path directory;

    PopulationImportCommand(ImportRunner runner, ImportStore store, ApplicationContext context, MessageSource messages,
                            @Value("${portal.population.import.file:}") String file,
                            @Value("${portal.population.import.scope:}") String scope,
                            @Value("${portal.population.import.exit:false}") boolean exit,
                            @Value("${portal.population.import.confirm-gone:-1}") long confirmGone,
                            @Value("${portal.population.import.dir:data/population-imports}") Path directory) {
        this.runner = runner;
        this.store = store;
        this.context = context;
        this.messages = messages;
        this.file = file;
        this.scope = scope;
        this.exit = exit;
        this.confirmGone = confirmGone;
        this.directory = directory;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (file.isBlank()) {
            return;
        }
        ImportState state = importFile();
        if (exit) {
            int code = state == ImportState.FINISHED ? 0 : 1;
            System.exit(SpringApplication.exit(context, () -> code));
        }
    }

    /** The interrupted import run on, the one waiting for confirmation confirmed, or a new one. */
    ImportState importFile() {
        var running = store.running().stream().findFirst();
        if (running.isPresent()) {
            ImportState state = awaitInterrupted(running.get());
            return state == ImportState.AWAITING_CONFIRMATION ? confirmOrTell(running.get()) : state;
        }
        var awaiting = store.awaiting();
        if (awaiting.isPresent()) {
            return confirmOrTell(awaiting.get());
        }
        long id = load();
        ImportState state = runner.run(id, ACTOR);
        return state == ImportState.AWAITING_CONFIRMATION ? confirmOrTell(id) : state;
    }

    private long load() {
        try {
            Path source = Path.of(file);
            Files.createDirectories(directory);
            Path stored = directory.resolve(UUID.randomUUID() + "-" + source.getFileName());
            Files.copy(source, stored, StandardCopyOption.REPLACE_EXISTING);
            log.info("Importing the population from {} for region {}", source, scope);
            return runner.register(stored, source.getFileName().toString(), scope, ACTOR);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The import waits for a second confirmation: given on the command line for at least as many residents, it runs
     * on; otherwise the operator reads how many would be marked gone and how to confirm, and nobody is marked gone.
     * An import waiting for another file (started in the browser) is not this command's to confirm.
     */
    private ImportState confirmOrTell(long id) {
        ImportProgress waiting = store.progress(id).orElseThrow();
        boolean sameFile = waiting.fileName().equals(Path.of(file).getFileName().toString())
                && waiting.scope().equals(scope);
        if (sameFile && confirmGone >= 0 && waiting.goneToConfirm() <= confirmGone) {
            log.info("Import {}: {} residents not in the extract confirmed as gone on the command line", id,
                    waiting.goneToConfirm());
            runner.confirmGone(id, waiting.goneToConfirm(), ACTOR);
            return runner.run(id, ACTOR);
        }
        NumberFormat number = NumberFormat.getIntegerInstance(PortalMessages.INDONESIAN);
        log.warn(messages.getMessage(sameFile ? "population.import.awaiting.command" : "population.import.awaiting.other",
                new Object[] {waiting.fileName(), number.format(waiting.goneToConfirm()), waiting.scope(),
                        number.format(waiting.regionResidents()), String.valueOf(waiting.goneToConfirm()),
                        number.format(waiting.rowsRead())},
                PortalMessages.INDONESIAN));
        return ImportState.AWAITING_CONFIRMATION;
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
