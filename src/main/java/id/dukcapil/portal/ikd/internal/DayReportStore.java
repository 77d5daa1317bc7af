package id.dukcapil.portal.ikd.internal;

import static id.dukcapil.portal.shared.jdbc.UtcColumns.instant;
import static id.dukcapil.portal.shared.jdbc.UtcColumns.instantOrNull;
import static id.dukcapil.portal.shared.jdbc.UtcColumns.utc;

import id.dukcapil.portal.ikd.IkdFailure;
import id.dukcapil.portal.ikd.RegistrationState;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The figures of a point's IKD day, and the reports the officers submitted. A day is [from, to) in the office's time. */
@Repository
public class DayReportStore {

    /** The day's activations at the point, counted where they happened. */
    public record Counts(long registered, long activated, long archived) {
    }

    /** One officer's day: the activations that followed their QR code, their archive, the failures after it. */
    public record OfficerDay(String officer, long activated, long archived, long failures,
                             List<Duration> registrationToActivation) {
    }

    /**
     * A line of the day's IKD register: who (the NIK unmasked here, masked by the report), when, the officer (who
     * showed the QR code, archived, or decided after the face checks), and where the activation ended.
     */
    public record RegisterLine(String nik, String fullName, Instant registeredAt, RegistrationState state,
                               @Nullable Instant activatedAt, @Nullable Instant archivedAt, @Nullable String officer) {
    }

    public record Submitted(long id, String servicePoint, LocalDate day, String officer, String figures,
                            Instant submittedAt, String state, @Nullable Long documentId,
                            @Nullable String returnedReason) {
    }

    private final JdbcClient jdbc;

    DayReportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Counts counts(String point, Instant from, Instant to) {
        return jdbc.sql("""
                SELECT SUM(registered_at >= :from AND registered_at < :to),
                       SUM(activated_at >= :from AND activated_at < :to),
                       SUM(archived_at >= :from AND archived_at < :to)
                FROM ikd_registration WHERE service_point = :point
                AND (registered_at >= :from AND registered_at < :to OR activated_at >= :from AND activated_at < :to
                     OR archived_at >= :from AND archived_at < :to)""")
                .param("point", point).param("from", utc(from)).param("to", utc(to))
                .query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
    }

    /**
     * The day's register of the point: every activation registered, activated or archived that day, in order of
     * registration. The officer is the one who archived it, else who showed the QR code, else who decided after the
     * face checks (read from the day's failures, through their point-and-day index).
     */
    public List<RegisterLine> register(String point, Instant from, Instant to) {
        return jdbc.sql("""
                SELECT r.nik, r.full_name, r.registered_at, r.state, r.activated_at, r.archived_at,
                       COALESCE(r.archived_by, r.officer, d.officer) AS officer
                FROM ikd_registration r
                LEFT JOIN (SELECT registration_code, MAX(officer) AS officer FROM ikd_failure
                           WHERE service_point = :point AND occurred_at >= :from AND occurred_at < :to
                           AND registration_code IS NOT NULL AND officer IS NOT NULL
                           GROUP BY registration_code) d ON d.registration_code = r.code
                WHERE r.service_point = :point
                AND (r.registered_at >= :from AND r.registered_at < :to OR r.activated_at >= :from AND r.activated_at < :to
                     OR r.archived_at >= :from AND r.archived_at < :to)
                ORDER BY r.registered_at, r.id""")
                .param("point", point).param("from", utc(from)).param("to", utc(to))
                .query((rs, n) -> new RegisterLine(rs.getString("nik"), rs.getString("full_name"),
                        instant(rs, "registered_at"), RegistrationState.valueOf(rs.getString("state")),
                        instantOrNull(rs, "activated_at"), instantOrNull(rs, "archived_at"), rs.getString("officer")))
                .list();
    }

    /**
     * Every officer who activated, archived or saw a failure after their QR code that day, by username. A failure
     * counts against an officer only where their QR code was shown: the decisions after the face checks (retry
     * later, referred) come before any QR code.
     */
    public List<OfficerDay> officers(String point, Instant from, Instant to) {
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, List<Duration>> durations = new TreeMap<>();
        jdbc.sql("""
                SELECT officer, registered_at, activated_at FROM ikd_registration
                WHERE service_point = ? AND activated_at >= ? AND activated_at < ? AND officer IS NOT NULL""")
                .params(point, utc(from), utc(to)).query(rs -> {
                    String officer = rs.getString("officer");
                    counts.computeIfAbsent(officer, o -> new long[3])[0]++;
                    durations.computeIfAbsent(officer, o -> new ArrayList<>())
                            .add(Duration.between(instant(rs, "registered_at"), instant(rs, "activated_at")));
                });
        jdbc.sql("""
                SELECT archived_by, COUNT(*) FROM ikd_registration
                WHERE service_point = ? AND archived_at >= ? AND archived_at < ? GROUP BY archived_by""")
                .params(point, utc(from), utc(to))
                .query(rs -> { counts.computeIfAbsent(rs.getString(1), o -> new long[3])[1] += rs.getLong(2); });
        jdbc.sql("""
                SELECT officer, COUNT(*) FROM ikd_failure
                WHERE service_point = ? AND occurred_at >= ? AND occurred_at < ? AND officer IS NOT NULL
                AND reason NOT IN (?, ?)
                GROUP BY officer""")
                .params(point, utc(from), utc(to), IkdFailure.RETRY_LATER.name(), IkdFailure.REFERRED.name())
                .query(rs -> { counts.computeIfAbsent(rs.getString(1), o -> new long[3])[2] += rs.getLong(2); });
        return counts.entrySet().stream().map(entry -> new OfficerDay(entry.getKey(), entry.getValue()[0],
                entry.getValue()[1], entry.getValue()[2], durations.getOrDefault(entry.getKey(), List.of()))).toList();
    }

    public Map<IkdFailure, Long> failures(String point, Instant from, Instant to) {
        Map<IkdFailure, Long> byReason = new EnumMap<>(IkdFailure.class);
        jdbc.sql("""
                SELECT reason, COUNT(*) FROM ikd_failure
                WHERE service_point = ? AND occurred_at >= ? AND occurred_at < ? GROUP BY reason""")
                .params(point, utc(from), utc(to))
                .query(rs -> { byReason.put(IkdFailure.valueOf(rs.getString(1)), rs.getLong(2)); });
        return byReason;
    }

    /**
     * The officer's submission of the point's day: a new one, or the figures of one not yet signed replaced.
     *
     * @return false if that day's report is signed or being signed already
     */
    public boolean submit(String point, LocalDate day, String officer, String figures, Instant at) {
        jdbc.sql("""
                INSERT INTO ikd_day_report (service_point, day, officer, figures, submitted_at, state)
                VALUES (?, ?, ?, ?, ?, 'SUBMITTED')
                ON DUPLICATE KEY UPDATE
                    officer = IF(state IN ('SUBMITTED', 'RETURNED'), VALUES(officer), officer),
                    figures = IF(state IN ('SUBMITTED', 'RETURNED'), VALUES(figures), figures),
                    submitted_at = IF(state IN ('SUBMITTED', 'RETURNED'), VALUES(submitted_at), submitted_at),
                    returned_reason = IF(state IN ('SUBMITTED', 'RETURNED'), NULL, returned_reason),
                    state = IF(state IN ('SUBMITTED', 'RETURNED'), 'SUBMITTED', state)""")
                .params(point, day, officer, figures, utc(at)).update();
        return find(point, day).map(row -> row.state().equals("SUBMITTED") && row.officer().equals(officer)
                        && row.figures().equals(figures)).orElse(false);
    }

    public Optional<Submitted> find(String point, LocalDate day) {
        return jdbc.sql("SELECT * FROM ikd_day_report WHERE service_point = ? AND day = ?").params(point, day)
                .query(DayReportStore::submitted).optional();
    }

    public Optional<Submitted> find(long id) {
        return jdbc.sql("SELECT * FROM ikd_day_report WHERE id = ?").param(id).query(DayReportStore::submitted)
                .optional();
    }

    public void signing(long id, long documentId) {
        jdbc.sql("UPDATE ikd_day_report SET state = 'SIGNING', document_id = ? WHERE id = ? AND state = 'SUBMITTED'")
                .params(documentId, id).update();
    }

    public void signed(long id) {
        jdbc.sql("UPDATE ikd_day_report SET state = 'SIGNED' WHERE id = ? AND state = 'SIGNING'").param(id).update();
    }

    public void returned(long id, String reason) {
        jdbc.sql("""
                UPDATE ikd_day_report SET state = 'RETURNED', returned_reason = ?, document_id = NULL
                WHERE id = ? AND state = 'SIGNING'""").params(reason, id).update();
    }

    private static Submitted submitted(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        long documentId = rs.getLong("document_id");
        return new Submitted(rs.getLong("id"), rs.getString("service_point"), rs.getObject("day", LocalDate.class),
                rs.getString("officer"), rs.getString("figures"), instant(rs, "submitted_at"), rs.getString("state"),
                rs.wasNull() ? null : documentId, rs.getString("returned_reason"));
    }
}
