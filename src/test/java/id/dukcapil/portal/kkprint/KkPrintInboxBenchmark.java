package id.dukcapil.portal.kkprint;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.Benchmark;
import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.TurnAbout;
import id.dukcapil.portal.kkprint.internal.KkRequestSql;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 6's figure: with 1,000,000 requests in the table, the first page of each inbox as the lazy grid asks for
 * it (service query and mapping, server side), next to the same SQL run directly in the same run, and the plan
 * showing that no page counts or sorts the table.
 */
@Benchmark
@PortalTest
class KkPrintInboxBenchmark {

    private static final int REQUESTS = 1_000_000;
    private static final int BATCH = 1_000;
    /** The Vaadin grid's default page size. */
    private static final int PAGE = 50;
    private static final int WARM_UP = 300;
    private static final int RUNS = 500;

    @Autowired JdbcTemplate jdbc;
    @Autowired KkRequests requests;
    @Autowired KkPrintTestSupport kk;

    @Test
    void the_first_page_of_each_inbox_with_a_million_requests() {
        long loadMillis = fill();
        long total = jdbc.queryForObject("SELECT COUNT(*) FROM kkprint_request", Long.class);
        assertThat(total).isGreaterThanOrEqualTo(REQUESTS);

        String plain = KkRequestSql.INBOX_SQL.formatted("", "ORDER BY step_due_at, id");
        String overdue = KkRequestSql.INBOX_SQL.formatted("AND step_due_at < ?", "ORDER BY step_due_at, id");
        Timestamp now = Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC));
        // Interleaved, so that the other tenants of the machine slow both sides alike; the user is signed in once,
        // as in a grid's session.
        TurnAbout operator = kk.asStaff("operator", () -> TurnAbout.measure(WARM_UP, RUNS,
                () -> jdbc.queryForList(plain, "OPERATOR", PAGE + 1, 0),
                () -> requests.operatorInbox(InboxFilter.empty(), PageRequest.of(0, PAGE)).getContent()));
        TurnAbout overdueOnly = kk.asStaff("operator", () -> TurnAbout.measure(WARM_UP, RUNS,
                () -> jdbc.queryForList(overdue, "OPERATOR", now, PAGE + 1, 0),
                () -> requests.operatorInbox(new InboxFilter(true), PageRequest.of(0, PAGE)).getContent()));
        TurnAbout verifier = kk.asStaff("verifikator", () -> TurnAbout.measure(WARM_UP, RUNS,
                () -> jdbc.queryForList(plain, "VERIFIER", PAGE + 1, 0),
                () -> requests.verifierInbox(InboxFilter.empty(), PageRequest.of(0, PAGE)).getContent()));

        System.out.printf("BENCHMARK kkprint-inbox rows=%d page=%d runs=%d (load %d ms)%n", total, PAGE, RUNS, loadMillis);
        report("operator inbox", operator);
        report("operator inbox, overdue only", overdueOnly);
        report("verifier inbox", verifier);
        for (String sql : List.of(plain, overdue)) {
            List<Map<String, Object>> plan = jdbc.queryForList("EXPLAIN " + sql
                    .replace("inbox = ?", "inbox = 'OPERATOR'").replace("step_due_at < ?", "step_due_at < NOW(3)")
                    .replace("LIMIT ? OFFSET ?", "LIMIT " + (PAGE + 1) + " OFFSET 0"));
            System.out.println("BENCHMARK kkprint-inbox plan " + plan);
            assertThat(plan).singleElement().satisfies(row -> {
                assertThat(row.get("key")).isEqualTo("ix_kkprint_request_inbox");
                assertThat(String.valueOf(row.get("Extra"))).doesNotContain("filesort");
            });
        }
        assertThat(operator.subject().p95()).as("operator inbox first page p95, ms").isLessThanOrEqualTo(20);
        assertThat(overdueOnly.subject().p95()).as("overdue filter first page p95, ms").isLessThanOrEqualTo(20);
        assertThat(verifier.subject().p95()).as("verifier inbox first page p95, ms").isLessThanOrEqualTo(20);
    }

    /** Requests up to a million: most closed, a tenth waiting for the operator, a twentieth for the verifier. */
    private long fill() {
        long loadStarted = System.nanoTime();
        long existing = jdbc.queryForObject("SELECT COUNT(*) FROM kkprint_request", Long.class);
        Random random = new Random(2026);
        LocalDateTime base = LocalDateTime.now(ZoneOffset.UTC).minusDays(1);
        for (long next = existing; next < REQUESTS; next += BATCH) {
            StringBuilder sql = new StringBuilder("""
                    INSERT INTO kkprint_request (tracking_number, requester_nik, requester_name, requester_email,
                      kk_number, open_kk, reason, description, state, inbox, step, step_started_at, step_due_at,
                      submitted_at, family_snapshot) VALUES """);
            List<Object> args = new ArrayList<>();
            for (int i = 0; i < BATCH; i++) {
                long n = next + i;
                int kind = random.nextInt(20);
                String inbox = kind < 2 ? "OPERATOR" : kind == 2 ? "VERIFIER" : null;
                String state = kind == 0 ? "SUBMITTED" : kind == 1 ? "IN_CHECK" : kind == 2 ? "FORWARDED" : "PRINTED";
                LocalDateTime started = base.plusSeconds(random.nextInt(2 * 86_400));
                String kkNumber = "%016d".formatted(9_000_000_000_000_000L + n);
                sql.append(i == 0 ? "" : ",").append("(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
                args.addAll(Arrays.asList("B%013d".formatted(n), "3204374101900001", "Pemohon " + n,
                        "p" + n + "@example.id", kkNumber, inbox == null ? null : kkNumber, "BIRTH", "benchmark",
                        state, inbox, inbox == null ? null : "B6_OPERATOR_CHECK", started, started.plusMinutes(5),
                        started, ""));
            }
            jdbc.update(sql.toString(), args.toArray());
        }
        jdbc.execute("ANALYZE TABLE kkprint_request");
        return (System.nanoTime() - loadStarted) / 1_000_000;
    }

    private static void report(String what, TurnAbout figures) {
        System.out.printf("BENCHMARK kkprint-inbox %-30s page p50=%.2f ms p95=%.2f ms | same SQL direct p50=%.2f ms "
                + "p95=%.2f ms%n", what, figures.subject().p50(), figures.subject().p95(), figures.baseline().p50(),
                figures.baseline().p95());
    }
}
