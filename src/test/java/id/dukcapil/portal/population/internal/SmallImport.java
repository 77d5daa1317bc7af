package id.dukcapil.portal.population.internal;

import id.dukcapil.portal.population.ImportProgress;
import id.dukcapil.portal.population.ImportState;
import id.dukcapil.portal.population.extract.ExtractColumn;
import id.dukcapil.portal.shared.region.Region;
import id.dukcapil.portal.shared.region.Regions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A small SIAK extract of a district no other import touches, registered by the ADMIN and run on the test's thread:
 * two families of three that load, and one whose bad row has it refused (its three rows). What the import reports
 * and what the register holds can be read side by side.
 */
public final class SmallImport {

    /** Residents the extract adds, and rows it refuses. */
    public static final int RESIDENTS = 6;
    public static final int REFUSED_ROWS = 3;

    /** Regencies nobody else imports into (the demo population is 32.04's, the import tests' 32.17's). */
    private static final List<String> REGENCIES = List.of("32.01", "32.02", "32.03", "32.05", "32.06", "32.07");
    private static Deque<String> freshDistricts;

    private final ImportRunner runner;
    private final ImportStore store;
    private final JdbcTemplate jdbc;
    private final String district;
    private final long id;

    private SmallImport(ImportRunner runner, ImportStore store, JdbcTemplate jdbc, String district, long id) {
        this.runner = runner;
        this.store = store;
        this.jdbc = jdbc;
        this.district = district;
        this.id = id;
    }

    /** Registered (the ADMIN's start, its own unit of work), not yet run. */
    public static SmallImport registered(ImportRunner runner, ImportStore store, Regions regions, JdbcTemplate jdbc) {
        String district = freshDistrict(regions);
        ExtractRows extract = new ExtractRows(district, regions.villagesOf(district).getFirst().code(), 100);
        extract.family();
        extract.family().get(1).put(ExtractColumn.RELIGION, "JEDI");
        extract.family();
        long id = new ImportTestSupport(runner, store).register(ImportTestSupport.write(extract.csv(','), ".csv"),
                "ekstrak.csv", district);
        return new SmallImport(runner, store, jdbc, district, id);
    }

    /** Runs it to its end on this thread, as the command line does. */
    public ImportState run() {
        return runner.run(id, ImportTestSupport.ACTOR);
    }

    /** The ADMIN's "go on" with a failed import, run to its end. */
    public ImportState resume() {
        runner.reopen(id, ImportTestSupport.ACTOR);
        return run();
    }

    public ImportProgress report() {
        return store.progress(id).orElseThrow();
    }

    /** Residents of the district in the register. */
    public int residents() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM population_resident r JOIN population_family f "
                + "ON f.id = r.family_id WHERE f.village_code LIKE ?", Integer.class, district + ".%");
    }

    /** Refused rows the import keeps for the ADMIN's download. */
    public int refusedRows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM population_import_rejection WHERE import_id = ?",
                Integer.class, id);
    }

    /** Audit entries of the import's end (finished, failed, ...). */
    public int endings(String action) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = ? AND subject_id = ?",
                Integer.class, action, String.valueOf(id));
    }

    @Override
    public String toString() {
        return "import " + id + " of " + district;
    }

    private static synchronized String freshDistrict(Regions regions) {
        if (freshDistricts == null) {
            freshDistricts = new ArrayDeque<>();
            REGENCIES.forEach(regency -> regions.districtsOf(regency).stream().map(Region::code)
                    .forEach(freshDistricts::add));
        }
        if (freshDistricts.isEmpty()) {
            throw new IllegalStateException("Every district of " + REGENCIES + " has had its import");
        }
        return freshDistricts.pop();
    }
}
