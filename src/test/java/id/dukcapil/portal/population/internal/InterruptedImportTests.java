package id.dukcapil.portal.population.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.population.ImportProgress;
import id.dukcapil.portal.population.ImportState;
import id.dukcapil.portal.population.demo.DemoExtract;
import id.dukcapil.portal.population.demo.DemoPopulationGenerator;
import id.dukcapil.portal.population.extract.ExtractColumn;
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
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An import broken in the middle (its database connection killed while it writes a chunk, as a crash of the portal
 * leaves it) keeps every family it wrote whole and none of the chunk in flight, and goes on from there to the same
 * end as an import never broken: each change counted once, nobody marked gone.
 */
@PortalTest
class InterruptedImportTests {

    private static final int FAMILIES = 1_200;

    @Autowired ImportRunner runner;
    @Autowired ImportStore store;
    @Autowired Regions regions;
    @Autowired Clock clock;
    @Autowired DataSource dataSource;
    @Autowired JdbcTemplate jdbc;
    /** A unit of work's tries (decision 117): a connection lost on each of them stops the import. */
    @Value("${portal.tx.tries}") int tries;

    @Test
    void a_broken_import_keeps_whole_families_only_and_resumes_where_it_stood() throws Exception {
        String district = regions.districtsOf("32.17").get(8).code();
        StringWriter written = new StringWriter();
        List<GeneratedFamily> families = DemoExtract.write(new DemoPopulationGenerator(regions.villagesOf(district), 11,
                LocalDate.now(clock)), FAMILIES, written, clock.getZone());
        ImportTestSupport imports = new ImportTestSupport(runner, store);
        ImportProgress first = imports.importText(written.toString(), district);
        assertThat(first.state()).isEqualTo(ImportState.FINISHED);
        // The newer extract: everyone has a new occupation.
        String newer = written.toString().lines().map(line -> line.startsWith("NIK,") ? line
                : withOccupation(line, "Guru Honorer")).collect(Collectors.joining("\r\n", "", "\r\n"));
        String lockedNik = families.get(700).family().members().getFirst().nik().value();

        long id;
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement(
                    "SELECT id FROM population_resident WHERE nik = ? FOR UPDATE")) {
                lock.setString(1, lockedNik);
                lock.executeQuery().close();
            }
            id = imports.register(ImportTestSupport.write(newer, ".csv"), "ekstrak-baru.csv", district);
            runner.runInBackground(id, ImportTestSupport.ACTOR);
            // The read of the residents of the transaction holding family 700 waits on the lock once the ones before it
            // are committed: transactions of a refresh hold a few dozen changed families each (decision 107).
            long registered = id;
            // A lost connection is tried again on a new one within the unit of work's tries (decisions 117 and 186):
            // lost on each of them, the import stops.
            long previous = 0;
            for (int kill = 0; kill < tries; kill++) {
                long killed = previous;
                long waiting = await(() -> store.progress(registered).orElseThrow().rowsRead() == 0 ? null
                        : jdbc.queryForList("""
                        SELECT ID FROM information_schema.PROCESSLIST WHERE ID <> CONNECTION_ID() AND ID <> ? AND TIME_MS > 500
                          AND INFO LIKE '%FROM population_resident r JOIN population_family f%FOR UPDATE%'""", Long.class,
                                killed).stream().findFirst().orElse(null));
                jdbc.execute("KILL CONNECTION " + waiting);
                previous = waiting;
            }
            long failedId = id;
            await(() -> store.progress(failedId).filter(p -> p.state() == ImportState.FAILED).orElse(null));
            holder.rollback();
        }

        ImportProgress broken = store.progress(id).orElseThrow();
        int familiesWritten = 700 / ImportRunner.COMPARED_PER_TRANSACTION * ImportRunner.COMPARED_PER_TRANSACTION;
        int residentsWritten = families.subList(0, familiesWritten).stream().mapToInt(f -> f.family().members().size()).sum();
        assertThat(broken.residentsChanged()).isEqualTo(residentsWritten);
        assertThat(changedFamilies(families)).isEqualTo(familiesWritten);

        runner.reopen(id, ImportTestSupport.ACTOR);
        assertThat(runner.run(id, ImportTestSupport.ACTOR)).isEqualTo(ImportState.FINISHED);

        ImportProgress resumed = store.progress(id).orElseThrow();
        long residents = families.stream().mapToLong(f -> f.family().members().size()).sum();
        assertThat(resumed.rowsRead()).isEqualTo(residents);
        assertThat(resumed.residentsChanged()).isEqualTo(residents);
        assertThat(resumed.residentsAdded() + resumed.residentsGone() + resumed.rowsRejected()).isZero();
        assertThat(changedFamilies(families)).isEqualTo(FAMILIES);
    }

    /** Families whose every member has the new occupation; a family with only some of them fails the test. */
    private int changedFamilies(List<GeneratedFamily> families) {
        Map<String, String> occupations = jdbc.query("""
                        SELECT r.nik, r.occupation FROM population_resident r JOIN population_family f ON f.id = r.family_id
                        WHERE f.village_code LIKE ?""", (rs, row) -> Map.entry(rs.getString(1), rs.getString(2)),
                        families.getFirst().family().address().districtCode() + ".%")
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        int changed = 0;
        for (GeneratedFamily family : families) {
            List<Boolean> members = family.family().members().stream()
                    .map(member -> "Guru Honorer".equals(occupations.get(member.nik().value()))).distinct().toList();
            assertThat(members).as("family %s whole", family.family().kkNumber()).hasSize(1);
            changed += members.getFirst() ? 1 : 0;
        }
        return changed;
    }

    private static String withOccupation(String line, String occupation) {
        List<String> cells = ImportTestSupport.splitCsv(line);
        cells.set(ExtractColumn.OCCUPATION.ordinal(), occupation);
        return cells.stream().map(cell -> cell.contains(",") || cell.contains("\"")
                ? '"' + cell.replace("\"", "\"\"") + '"' : cell).collect(Collectors.joining(","));
    }

    /** Waits for a condition the import reaches by itself (a lock wait, its end), at most half a minute. */
    private static <T> T await(Supplier<T> condition) throws InterruptedException {
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
