package id.dukcapil.portal.population.internal;

import id.dukcapil.portal.population.demo.DemoPopulationGenerator;
import id.dukcapil.portal.Benchmark;
import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.population.PopulationRegistry;
import id.dukcapil.portal.population.Resident;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.region.Region;
import id.dukcapil.portal.shared.region.Regions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Loading a whole regency and looking residents up in it. The same generated rows (same seed and date) are
 * written twice in one run: by the portal's loader, then by a plain batched JDBC insert (one row per statement,
 * executeBatch every 1,000 rows, in the generating thread); then NIK lookups and first pages of name searches are timed on the loaded
 * population. Size: {@code -Dbenchmark.population.families=1200000} (default), seed 2026. The portal's database
 * account may not resize the buffer pool (decision 060): a full regency wants
 * {@code -Dportal.embedded-db.server-args=--innodb-buffer-pool-size=2G} given to the test JVM; the pool in use is
 * reported with the figures.
 */
@Benchmark
@PortalTest
class PopulationBenchmark {

    private static final int FAMILIES = Integer.getInteger("benchmark.population.families", 1_200_000);
    private static final long SEED = 2026;
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    private static final int BATCH = 1_000;
    private static final int FAMILIES_PER_COMMIT = 5_000;

    @Autowired DataSource dataSource;
    @Autowired JdbcTemplate jdbc;
    @Autowired PopulationBulkLoader loader;
    @Autowired PopulationRegistry registry;
    @Autowired Regions regions;

    @Test
    void load_a_regency_then_look_residents_up() throws SQLException {
        report("innodb_buffer_pool_size = " + jdbc.queryForObject("SELECT @@innodb_buffer_pool_size", Long.class));
        List<Region> villages = regions.villagesOfRegency("32.04");

        long started = System.nanoTime();
        long[] generated = new long[3];
        new DemoPopulationGenerator(villages, SEED, TODAY).generate(FAMILIES, family -> {
            generated[0]++;
            generated[1] += family.family().members().size();
            generated[2] += family.cards().size();
        });
        report(String.format(Locale.ROOT, "generation only: %,d families, %,d residents, %,d cards in %.1f s",
                generated[0], generated[1], generated[2], seconds(started)));

        PopulationTables.truncate(dataSource);
        started = System.nanoTime();
        PopulationBulkLoader.Loaded loaded = loader.load(new DemoPopulationGenerator(villages, SEED, TODAY)::next, FAMILIES);
        double portal = seconds(started);
        report(String.format(Locale.ROOT, "portal loader, run first (generation in its own thread, LOAD DATA "
                + "LOCAL per chunk, no FK checks): %.1f s, %,.0f residents/s; %s", portal, loaded.residents() / portal, loaded));

        PopulationTables.truncate(dataSource);
        started = System.nanoTime();
        plainBatchedInsert(new DemoPopulationGenerator(villages, SEED, TODAY));
        double baseline = seconds(started);
        report(String.format(Locale.ROOT, "baseline, run second: plain batched JDBC insert (generation in line): "
                + "%.1f s, %,.0f residents/s", baseline, generated[1] / baseline));

        lookups();
    }

    private void lookups() {
        long maxId = jdbc.queryForObject("SELECT MAX(id) FROM population_resident", Long.class);
        SplittableRandom random = new SplittableRandom(SEED);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            ids.add(1 + random.nextLong(maxId));
        }
        List<Nik> niks = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        for (Long id : ids) {
            jdbc.query("SELECT nik, full_name FROM population_resident WHERE id = ?", rs -> {
                niks.add(Nik.of(rs.getString(1)));
                String name = rs.getString(2);
                // What a desk officer types: the first name, or its first letters.
                String first = name.split(" ")[0];
                prefixes.add(random.nextBoolean() ? first : first.substring(0, Math.min(first.length(), 3)));
            }, id);
        }
        timed("lookup by NIK (registry.findByNik)", niks, nik -> registry.findByNik(nik).orElseThrow());
        timed("first page (50) of a name search (registry.findByName)", prefixes,
                prefix -> registry.findByName(prefix, PageRequest.of(0, 50)));
        timed("a family by NIK with its members (findByNik + findFamily)", niks,
                nik -> registry.findFamily(registry.findByNik(nik).map(Resident::familyId).orElseThrow()).orElseThrow());
    }

    private <T> void timed(String what, List<T> inputs, Consumer<T> call) {
        inputs.subList(0, 300).forEach(call); // warm-up
        List<T> measured = inputs.subList(300, inputs.size());
        long[] micros = new long[measured.size()];
        for (int i = 0; i < measured.size(); i++) {
            long started = System.nanoTime();
            call.accept(measured.get(i));
            micros[i] = (System.nanoTime() - started) / 1_000;
        }
        Arrays.sort(micros);
        report(String.format(Locale.ROOT, "%s, %d calls: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms", what, micros.length,
                micros[micros.length / 2] / 1000.0, micros[micros.length * 95 / 100] / 1000.0,
                micros[micros.length * 99 / 100] / 1000.0, micros[micros.length - 1] / 1000.0));
    }

    /** The baseline: one row per INSERT statement, addBatch, executeBatch every 1,000 rows. */
    private void plainBatchedInsert(DemoPopulationGenerator generator) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement families = connection.prepareStatement(insert("population_family",
                    PopulationBulkLoader.FAMILY_COLUMNS));
                 PreparedStatement residents = connection.prepareStatement(insert("population_resident",
                         PopulationBulkLoader.RESIDENT_COLUMNS));
                 PreparedStatement cards = connection.prepareStatement(insert("population_card_print",
                         PopulationBulkLoader.CARD_COLUMNS))) {
                int[] pending = new int[3];
                for (int i = 1; i <= FAMILIES; i++) {
                    GeneratedFamily family = generator.next();
                    add(families, PopulationBulkLoader.familyRow(family.family()));
                    pending[0]++;
                    for (Resident resident : family.family().members()) {
                        add(residents, PopulationBulkLoader.residentRow(resident));
                        pending[1]++;
                    }
                    for (GeneratedFamily.Card card : family.cards()) {
                        add(cards, PopulationBulkLoader.cardRow(card));
                        pending[2]++;
                    }
                    if (pending[1] >= BATCH || pending[2] >= BATCH || i % FAMILIES_PER_COMMIT == 0) {
                        families.executeBatch();
                        residents.executeBatch();
                        cards.executeBatch();
                        Arrays.fill(pending, 0);
                    }
                    if (i % FAMILIES_PER_COMMIT == 0) {
                        connection.commit();
                    }
                }
                families.executeBatch();
                residents.executeBatch();
                cards.executeBatch();
                connection.commit();
            }
        }
    }

    private static void add(PreparedStatement statement, Object[] row) throws SQLException {
        for (int i = 0; i < row.length; i++) {
            statement.setObject(i + 1, row[i]);
        }
        statement.addBatch();
    }

    private static String insert(String table, List<String> columns) {
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static void report(String line) {
        // Figures for docs/benchmarks.md: the same number format whatever the JVM's locale.
        System.out.println("[population benchmark, " + FAMILIES + " families] " + line);
    }
}
