package id.dukcapil.portal.schoolvisit;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.Benchmark;
import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.SignedInAs;
import id.dukcapil.portal.TurnAbout;
import id.dukcapil.portal.schoolvisit.internal.StudentSql;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Issue 15's figures: the birthday print queue's first page over the whole regency's students (system property
 * {@code schoolvisit.students}, the regency's 3.7 million by default), as the lazy grid asks for it, beside a plain
 * indexed SELECT of the same number of rows by primary key in the same run, and the plan showing the queue's index
 * answers it without a sort. And a school's roster of 10,000 rows, 5 % of them bad, through {@link RosterImport}
 * beside a plain batched insert of its good rows into the same table.
 */
@Benchmark
@PortalTest
class SchoolVisitBenchmark {

    private static final int STUDENTS = Integer.getInteger("schoolvisit.students", 3_700_000);
    private static final int SCHOOLS = 400;
    private static final int BATCH = 2_000;
    /** The Vaadin grid's default page size. */
    private static final int PAGE = 50;
    private static final int WARM_UP = 200;
    private static final int RUNS = 500;
    /** Each round imports the roster for a new school, so that every round adds its 9,500 students. */
    private static final int ROSTER_ROUNDS = 3;

    @Autowired JdbcTemplate jdbc;
    @Autowired BirthdayPrintQueue printQueue;
    @Autowired UserDetailsService users;
    @Autowired RosterImport rosterImport;

    @Test
    void a_roster_of_ten_thousand_rows_with_five_percent_bad() {
        LocalDate visitDay = LocalDate.now().plusDays(30);
        List<SchoolVisitTestSupport.Line> lines = BenchmarkRoster.lines(jdbc, visitDay);
        List<SchoolVisitTestSupport.Line> good = BenchmarkRoster.good(lines);
        byte[] file = SchoolVisitTestSupport.roster(lines);
        long[] baselineMillis = new long[ROSTER_ROUNDS];
        long[] importMillis = new long[ROSTER_ROUNDS];
        for (int round = 0; round < ROSTER_ROUNDS; round++) {
            long baselineSchool = school("8910%04d".formatted(round), "SMA Baseline " + round);
            long started = System.nanoTime();
            BenchmarkRoster.plainInsert(jdbc, baselineSchool, good);
            baselineMillis[round] = (System.nanoTime() - started) / 1_000_000;

            long importSchool = school("8920%04d".formatted(round), "SMA Impor " + round);
            started = System.nanoTime();
            RosterReport report = SignedInAs.call(users, "perencana",
                    () -> rosterImport.importRoster(importSchool, visitDay, new ByteArrayInputStream(file)));
            importMillis[round] = (System.nanoTime() - started) / 1_000_000;

            assertThat(report.rows()).isEqualTo(lines.size());
            assertThat(report.added()).isEqualTo(good.size());
            assertThat(report.badRows()).hasSize(lines.size() - good.size())
                    .extracting(RosterReport.BadRow::reasonKey).containsOnly(BenchmarkRoster.REFUSALS)
                    .contains(BenchmarkRoster.REFUSALS);
        }
        Arrays.sort(baselineMillis);
        Arrays.sort(importMillis);
        long median = importMillis[ROSTER_ROUNDS / 2];
        System.out.printf("BENCHMARK schoolvisit-roster rows=%d good=%d bad=%d file=%d bytes rounds=%d | import "
                        + "median=%d ms max=%d ms | plain batched insert of the good rows median=%d ms max=%d ms%n",
                lines.size(), good.size(), lines.size() - good.size(), file.length, ROSTER_ROUNDS, median,
                importMillis[ROSTER_ROUNDS - 1], baselineMillis[ROSTER_ROUNDS / 2],
                baselineMillis[ROSTER_ROUNDS - 1]);
        assertThat(median).as("roster import of 10,000 rows, ms").isLessThanOrEqualTo(5_000);
    }

    /** A school of the roster benchmark's own (NPSN 891… and 892…), with no students left from an earlier run. */
    private long school(String npsn, String name) {
        jdbc.update("""
                INSERT IGNORE INTO schoolvisit_school (npsn, name, level, address, village_code, contact_name,
                  contact_phone, service_point) VALUES (?, ?, 'SMA', 'Jl. Uji', '3204010001', 'Kepala Sekolah',
                  '0221234567', 'MPP-SOREANG')""", npsn, name);
        long id = jdbc.queryForObject("SELECT id FROM schoolvisit_school WHERE npsn = ?", Long.class, npsn);
        jdbc.update("DELETE FROM schoolvisit_student WHERE school_id = ?", id);
        return id;
    }

    @Test
    void the_birthday_print_queue_of_the_whole_regency() {
        long loadMillis = fill();
        long total = jdbc.queryForObject("SELECT COUNT(*) FROM schoolvisit_student", Long.class);
        assertThat(total).isGreaterThanOrEqualTo(STUDENTS);
        long firstId = jdbc.queryForObject("SELECT MIN(id) FROM schoolvisit_student", Long.class);

        TurnAbout figures = SignedInAs.call(users, "cetak", () -> TurnAbout.measure(WARM_UP, RUNS,
                () -> jdbc.queryForList("SELECT * FROM schoolvisit_student WHERE id >= ? ORDER BY id LIMIT ?",
                        firstId, PAGE + 1),
                () -> printQueue.today(PageRequest.of(0, PAGE)).getContent()));
        System.out.printf("BENCHMARK schoolvisit-queue students=%d page=%d runs=%d (load %d ms)%n", total, PAGE, RUNS,
                loadMillis);
        System.out.printf("BENCHMARK schoolvisit-queue first page p50=%.2f ms p95=%.2f ms | plain indexed SELECT by "
                + "primary key p50=%.2f ms p95=%.2f ms%n", figures.subject().p50(), figures.subject().p95(),
                figures.baseline().p50(), figures.baseline().p95());
        List<Map<String, Object>> plan = jdbc.queryForList("EXPLAIN " + StudentSql.QUEUE_SQL
                .formatted(StudentSql.QUEUE_ORDER.of(org.springframework.data.domain.Sort.unsorted()))
                .replace("turns_17_on <= ?", "turns_17_on <= CURDATE()")
                .replace("LIMIT ? OFFSET ?", "LIMIT " + (PAGE + 1) + " OFFSET 0"));
        System.out.println("BENCHMARK schoolvisit-queue plan " + plan);
        assertThat(plan).anySatisfy(row -> {
            assertThat(row.get("key")).isEqualTo("ix_schoolvisit_student_queue");
            assertThat(String.valueOf(row.get("Extra"))).doesNotContain("filesort");
        });
        assertThat(figures.subject().p95()).as("birthday queue first page p95, ms").isLessThanOrEqualTo(50);
    }

    /**
     * Students up to the wanted number in multi-row inserts: most on a roster or printed long ago, a fiftieth waiting,
     * their 17th birthdays spread over three years around today (so about a third of the waiting are due).
     */
    private long fill() {
        long started = System.nanoTime();
        long existing = jdbc.queryForObject("SELECT COUNT(*) FROM schoolvisit_student", Long.class);
        if (existing >= STUDENTS) {
            return 0;
        }
        List<Long> schools = schools();
        Random random = new Random(2026);
        LocalDate today = LocalDate.now();
        for (long next = existing; next < STUDENTS; next += BATCH) {
            StringBuilder sql = new StringBuilder("""
                    INSERT INTO schoolvisit_student (school_id, nik, full_name, birth_date, turns_17_on, class_name,
                      state, imported_at) VALUES """);
            List<Object> args = new ArrayList<>(BATCH * 7);
            for (int i = 0; i < BATCH; i++) {
                long n = next + i;
                LocalDate seventeenth = today.plusDays(random.nextInt(3 * 365) - 365);
                int kind = random.nextInt(50);
                String state = kind == 0 ? "WAITING" : kind < 25 ? "ON_ROSTER" : "HANDED_OVER";
                sql.append(i == 0 ? "" : ",").append("(?,?,?,?,?,?,?,NOW(3))");
                args.addAll(Arrays.asList(schools.get((int) (n % schools.size())), "%016d".formatted(
                        3_204_000_000_000_000L + n), "Siswa " + n, seventeenth.minusYears(17), seventeenth, "XII",
                        state));
            }
            jdbc.update(sql.toString(), args.toArray());
        }
        jdbc.execute("ANALYZE TABLE schoolvisit_student");
        return (System.nanoTime() - started) / 1_000_000;
    }

    private List<Long> schools() {
        for (int i = 0; i < SCHOOLS; i++) {
            jdbc.update("""
                    INSERT IGNORE INTO schoolvisit_school (npsn, name, level, address, village_code, contact_name,
                      contact_phone, service_point) VALUES (?, ?, 'SMA', 'Jl. Uji', '3204010001', 'Kepala Sekolah',
                      '0221234567', 'MPP-SOREANG')""", "%08d".formatted(90_000_000 + i), "SMA Benchmark " + i);
        }
        return jdbc.queryForList("SELECT id FROM schoolvisit_school WHERE npsn >= '90000000'", Long.class);
    }
}
