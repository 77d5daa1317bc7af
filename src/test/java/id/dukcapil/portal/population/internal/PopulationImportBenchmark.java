package id.dukcapil.portal.population.internal;

import id.dukcapil.portal.Benchmark;
import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.population.ImportProgress;
import id.dukcapil.portal.population.demo.DemoExtract;
import id.dukcapil.portal.population.demo.DemoPopulationGenerator;
import id.dukcapil.portal.shared.region.Region;
import id.dukcapil.portal.shared.region.Regions;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The first load of a regency from a SIAK extract (CSV) beside the generator's bulk load of the same families in the
 * same run, both into empty tables (issue 19: 1.2 million families ≤ 5 minutes). The extract is written first and
 * not timed. Size: {@code -Dbenchmark.import.families=1200000} (default), seed 2026. The portal's database account
 * may not resize the buffer pool (decision 060): a full regency wants
 * {@code -Dbenchmark.db-args=--innodb-buffer-pool-size=4G} on the Maven command line.
 */
@Benchmark
@PortalTest
class PopulationImportBenchmark {

    private static final int FAMILIES = Integer.getInteger("benchmark.import.families", 1_200_000);
    private static final long SEED = 2026;
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    private static final ZoneId OFFICE = ZoneId.of("Asia/Jakarta");

    @Autowired DataSource dataSource;
    @Autowired PopulationBulkLoader loader;
    @Autowired ImportRunner runner;
    @Autowired ImportStore store;
    @Autowired Regions regions;

    @Test
    void the_first_load_from_an_extract_beside_the_generators_bulk_load() throws Exception {
        List<Region> villages = regions.villagesOfRegency("32.04");
        Path extract = Files.createTempFile("benchmark-extract-", ".csv");
        try (Writer out = Files.newBufferedWriter(extract, StandardCharsets.UTF_8)) {
            DemoExtract.stream(new DemoPopulationGenerator(villages, SEED, TODAY), FAMILIES, out, OFFICE);
        }
        report(String.format(Locale.ROOT, "extract: %,d bytes", Files.size(extract)));

        PopulationTables.truncate(dataSource);
        long started = System.nanoTime();
        PopulationBulkLoader.Loaded loaded = loader.load(new DemoPopulationGenerator(villages, SEED, TODAY)::next, FAMILIES);
        double baseline = seconds(started);
        report(String.format(Locale.ROOT, "baseline, the generator's bulk load (LOAD DATA LOCAL, no checks): %.1f s, "
                + "%,.0f residents/s; %s", baseline, loaded.residents() / baseline, loaded));

        PopulationTables.truncate(dataSource);
        started = System.nanoTime();
        ImportProgress imported = new ImportTestSupport(runner, store).importFile(extract, "ekstrak.csv", "32.04");
        double portal = seconds(started);
        report(String.format(Locale.ROOT, "the import of the extract (read and every rule on "
                        + "their own thread, LOAD DATA LOCAL per chunk of 500 families): %.1f s, %,.0f rows/s; %,d rows, %,d added, %,d refused, %s", portal,
                imported.rowsRead() / portal, imported.rowsRead(), imported.residentsAdded(), imported.rowsRejected(),
                imported.state()));
        Files.delete(extract);
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static void report(String line) {
        System.out.println("[population import benchmark, " + FAMILIES + " families] " + line);
    }
}
