package id.dukcapil.portal.population.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.population.ImportProgress;
import id.dukcapil.portal.population.ImportState;
import id.dukcapil.portal.population.PipedExtract;
import id.dukcapil.portal.population.PopulationImports;
import id.dukcapil.portal.population.PopulationRegistry;
import id.dukcapil.portal.population.demo.DemoExtract;
import id.dukcapil.portal.population.demo.DemoPopulationGenerator;
import id.dukcapil.portal.population.extract.ExtractColumn;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.region.Regions;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * An ADMIN stops an import: it stops after the chunk in hand, the families written stay whole, and nobody is marked
 * gone, since the extract was not read to its end.
 */
@PortalTest
class CancelledImportTests {

    @Autowired ImportRunner runner;
    @Autowired ImportStore store;
    @Autowired Regions regions;
    @Autowired PopulationRegistry registry;
    @Autowired Clock clock;
    @Autowired DataSource dataSource;
    @Autowired JdbcTemplate jdbc;
    @Autowired PopulationImports imports;
    @Autowired UserDetailsService users;

    @Test
    void a_stopped_import_keeps_the_families_it_wrote_and_marks_nobody_gone() throws Exception {
        String district = regions.districtsOf("32.17").get(11).code();
        ExtractRows earlier = new ExtractRows(district, regions.villagesOf(district).getFirst().code(), 9_000);
        List<Map<ExtractColumn, String>> notInTheNewExtract = earlier.family();
        ImportTestSupport imports = new ImportTestSupport(runner, store);
        assertThat(imports.importText(earlier.csv(','), district).state()).isEqualTo(ImportState.FINISHED);
        StringWriter extract = new StringWriter();
        DemoExtract.write(new DemoPopulationGenerator(regions.villagesOf(district), 13, LocalDate.now(clock)), 1_200,
                extract, clock.getZone());
        long id = imports.register(ImportTestSupport.write(extract.toString(), ".csv"), "ekstrak.csv", district);

        try (Connection admin = dataSource.getConnection()) {
            // The import's first chunk waits to record its progress while the ADMIN's stop is being written.
            admin.setAutoCommit(false);
            try (PreparedStatement lock = admin.prepareStatement("SELECT id FROM population_import WHERE id = ? FOR UPDATE")) {
                lock.setLong(1, id);
                lock.executeQuery().close();
            }
            runner.runInBackground(id, ImportTestSupport.ACTOR);
            await(() -> jdbc.queryForList("""
                    SELECT ID FROM information_schema.PROCESSLIST WHERE ID <> CONNECTION_ID() AND TIME_MS > 300
                      AND INFO LIKE 'UPDATE population_import SET families_done%'""", Long.class).stream().findFirst()
                    .orElse(null));
            // What ImportRunner.cancel writes, here in the transaction that holds the import back.
            try (PreparedStatement stop = admin.prepareStatement(
                    "UPDATE population_import SET cancel_requested = TRUE WHERE id = ? AND state = 'RUNNING'")) {
                stop.setLong(1, id);
                assertThat(stop.executeUpdate()).isEqualTo(1);
            }
            admin.commit();
        }
        ImportProgress stopped = await(() -> store.progress(id).filter(p -> !p.running()).orElse(null));

        assertThat(stopped.state()).isEqualTo(ImportState.CANCELLED);
        assertThat(stopped.residentsGone()).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM population_family WHERE seen_import = ?", Long.class, id))
                .isEqualTo(500);
        assertThat(notInTheNewExtract).allSatisfy(row ->
                assertThat(registry.findByNik(Nik.of(row.get(ExtractColumn.NIK)))).isPresent());
    }

    /**
     * The ADMIN stops an import while the end of its file is still to come (no family after the last whole chunk):
     * it ends stopped, and neither marks the region's residents gone nor asks to.
     */
    @Test
    void a_stop_asked_before_the_files_end_stops_the_import_there() {
        PipedExtract extract = PipedExtract.started(imports, users, regions.districtsOf("32.04").getFirst().code());
        try {
            assertThat(extract.progress().running()).as("reading, the rest of its file to come").isTrue();

            ImportProgress ended = extract.stopAndEnd();

            assertThat(ended.state()).isEqualTo(ImportState.CANCELLED);
            assertThat(ended.residentsGone()).isZero();
        } finally { // never left holding the one-import lock for the tests after
            if (extract.progress().awaitingConfirmation()) {
                id.dukcapil.portal.SignedInAs.run(users, "admin", () -> imports.cancel(extract.id()));
            }
        }
    }

    private static <T> T await(java.util.function.Supplier<T> condition) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(until)) {
            T value = condition.get();
            if (value != null) {
                return value;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("The import did not get there within 30 s");
    }
}
