package id.dukcapil.portal.crash;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.packaged.PortalProcess;
import id.dukcapil.portal.population.demo.DemoExtract;
import id.dukcapil.portal.population.demo.DemoPopulationGenerator;
import id.dukcapil.portal.population.internal.GeneratedFamily;
import id.dukcapil.portal.shared.region.Region;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * Issue 19: the first load of a population from the command line, with the packaged portal killed ({@code kill -9}
 * of its JVM) in the middle. What it wrote before stays, in whole families only; started again with the same
 * command, the portal takes the interrupted import over and finishes it: every family of the extract loaded whole,
 * each row counted once (decision 098).
 */
class PopulationImportCrashIT {

    private static final ZoneId OFFICE = ZoneId.of("Asia/Jakarta");
    private static final int FAMILIES = 40_000;
    private static Path folder;
    private static PortalProcess portal;

    @AfterAll
    static void stopThePortal() throws Exception {
        if (portal != null) {
            portal.stop();
        }
        if (folder != null) {
            FileSystemUtils.deleteRecursively(folder);
        }
    }

    @Test
    void the_portal_killed_in_a_first_load_keeps_whole_families_and_finishes_the_load_when_started_again() throws Exception {
        folder = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "crash-population-");
        Path extract = folder.resolve("ekstrak-3217.csv");
        List<GeneratedFamily> families;
        try (Writer out = Files.newBufferedWriter(extract, StandardCharsets.UTF_8)) {
            families = DemoExtract.write(new DemoPopulationGenerator(villagesOf("32.17."), 5, LocalDate.now(OFFICE)),
                    FAMILIES, out, OFFICE);
        }
        Map<String, Long> members = families.stream().collect(Collectors.toMap(f -> f.family().kkNumber().value(),
                f -> (long) f.family().members().size()));
        long rows = members.values().stream().mapToLong(Long::longValue).sum();
        // Another node (here: the next start) takes an import over once its node has been silent for 10 s.
        portal = new PortalProcess(folder, Map.of(), "--portal.population.import.file=" + extract,
                "--portal.population.import.scope=32.17", "--portal.population.import.stale-after=PT10S",
                "--portal.population.import.resume-check=PT2S");

        Thread firstStart = Thread.ofPlatform().start(() -> {
            try {
                portal.start(); // ready only after the import: the kill ends it first
            } catch (Throwable killedOnPurpose) {
                // the portal was killed while starting
            }
        });
        long doneAtKill = awaitFamiliesDone(1);
        portal.killJvm();
        firstStart.join();

        Map<String, Long> loadedAtKill = loaded();
        System.out.printf("CRASH population import: killed with %d of %d families written%n", loadedAtKill.size(),
                FAMILIES);
        assertThat(loadedAtKill.size()).isGreaterThanOrEqualTo((int) doneAtKill).isLessThan(FAMILIES);
        loadedAtKill.forEach((kk, count) -> assertThat(count).as("family %s whole", kk).isEqualTo(members.get(kk)));

        long ready = portal.start();

        Map<String, Long> loaded = loaded();
        System.out.printf("CRASH population import: finished after the restart (ready in %d ms)%n", ready);
        assertThat(loaded).isEqualTo(members);
        try (Connection db = portal.database(); Statement statement = db.createStatement();
             ResultSet job = statement.executeQuery("SELECT state, rows_read, residents_added, rows_rejected FROM population_import")) {
            assertThat(job.next()).isTrue();
            assertThat(job.getString(1)).isEqualTo("FINISHED");
            assertThat(job.getLong(2)).isEqualTo(rows);
            assertThat(job.getLong(3)).isEqualTo(rows);
            assertThat(job.getLong(4)).isZero();
            assertThat(job.next()).as("one import: the restart went on with it").isFalse();
        }
    }

    /** Waits until the import has committed at least that many families; the database may still be starting. */
    private static long awaitFamiliesDone(long atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + PortalProcess.READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection db = portal.database(); Statement statement = db.createStatement();
                 ResultSet done = statement.executeQuery("SELECT families_done FROM population_import")) {
                if (done.next() && done.getLong(1) >= atLeast) {
                    return done.getLong(1);
                }
            } catch (Exception notYet) {
                // the database or its tables are not there yet
            }
            Thread.sleep(Duration.ofMillis(20));
        }
        throw new AssertionError("The import wrote no family within " + PortalProcess.READY_WITHIN);
    }

    /** Members per KK number of the families in Kabupaten Bandung Barat. */
    private static Map<String, Long> loaded() throws Exception {
        Map<String, Long> loaded = new HashMap<>();
        try (Connection db = portal.database(); Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT f.kk_number, COUNT(*) FROM population_family f JOIN population_resident r ON r.family_id = f.id
                     WHERE f.village_code LIKE '32.17.%' GROUP BY f.kk_number""")) {
            while (rows.next()) {
                loaded.put(rows.getString(1), rows.getLong(2));
            }
        }
        return loaded;
    }

    private static List<Region> villagesOf(String prefix) throws Exception {
        try (InputStream in = PopulationImportCrashIT.class.getClassLoader()
                .getResourceAsStream("db/data/shared/villages.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1)
                    .map(line -> line.split(",", 3)).filter(cells -> cells[0].startsWith(prefix))
                    .map(cells -> new Region(cells[0], cells[2], cells[1])).toList();
        }
    }
}
