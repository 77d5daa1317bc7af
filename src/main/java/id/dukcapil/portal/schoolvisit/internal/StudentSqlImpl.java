package id.dukcapil.portal.schoolvisit.internal;

import static id.dukcapil.portal.shared.jdbc.UtcColumns.instantOrNull;
import static id.dukcapil.portal.shared.jdbc.UtcColumns.utc;

import id.dukcapil.portal.population.Eligibility;
import id.dukcapil.portal.schoolvisit.EndReason;
import id.dukcapil.portal.schoolvisit.FieldStep;
import id.dukcapil.portal.schoolvisit.QueuedCard;
import id.dukcapil.portal.schoolvisit.SchoolFigures;
import id.dukcapil.portal.schoolvisit.Student;
import id.dukcapil.portal.schoolvisit.StudentState;
import id.dukcapil.portal.shared.jdbc.Slices;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link StudentSql} with {@code JdbcClient}: a roster's rows inserted 500 to a statement (one entity a row would be
 * a statement a row, and a school's repeated file must update its rows by the school and NIK key), the queue's page
 * and the figures as one statement each. The entity's persistence context does not see these writes: a caller reads
 * the students again after an import.
 */
class StudentSqlImpl implements StudentSql {

    private final JdbcClient jdbc;

    StudentSqlImpl(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int upsert(long schoolId, List<RosterLine> lines, Instant at) {
        if (lines.isEmpty()) {
            return 0;
        }
        // The school's row locked: two imports of one roster at once count their new rows each in turn.
        jdbc.sql("SELECT id FROM schoolvisit_school WHERE id = ? FOR UPDATE").param(schoolId).query(Long.class)
                .single();
        int before = count(schoolId);
        for (int from = 0; from < lines.size(); from += 500) {
            List<RosterLine> batch = lines.subList(from, Math.min(lines.size(), from + 500));
            StringBuilder sql = new StringBuilder("""
                    INSERT INTO schoolvisit_student
                        (school_id, nik, full_name, birth_date, turns_17_on, class_name, state, imported_at)
                    VALUES """);
            Object[] params = new Object[batch.size() * 7];
            for (int i = 0; i < batch.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, 'ON_ROSTER', ?)");
                RosterLine line = batch.get(i);
                params[i * 7] = schoolId;
                params[i * 7 + 1] = line.nik();
                params[i * 7 + 2] = line.fullName();
                params[i * 7 + 3] = line.birthDate();
                params[i * 7 + 4] = seventeenth(line.birthDate());
                params[i * 7 + 5] = line.className();
                params[i * 7 + 6] = utc(at);
            }
            sql.append(" ON DUPLICATE KEY UPDATE full_name = VALUES(full_name), class_name = VALUES(class_name)");
            jdbc.sql(sql.toString()).params(params).update();
        }
        return count(schoolId) - before;
    }

    @Override
    public int count(long schoolId) {
        return jdbc.sql("SELECT COUNT(*) FROM schoolvisit_student WHERE school_id = ?").param(schoolId)
                .query(Integer.class).single();
    }

    @Override
    public Slice<QueuedCard> dueForPrinting(LocalDate day, Pageable page) {
        List<QueuedCard> rows = jdbc.sql(QUEUE_SQL.formatted(QUEUE_ORDER.of(page.getSort()))).params(day, (long) page.getPageSize() + 1, page.getOffset())
                .query((rs, n) -> new QueuedCard(student(rs, n), rs.getString("school_name"))).list();
        return Slices.of(rows, page);
    }

    @Override
    public long[] day(String servicePoint, Instant from, Instant to) {
        return jdbc.sql("""
                SELECT COALESCE(SUM(st.recorded_at >= :from AND st.recorded_at < :to AND st.checked_status = 'NOT_RECORDED'), 0),
                       COALESCE(SUM(st.recorded_at >= :from AND st.recorded_at < :to AND st.checked_status = 'ALREADY_RECORDED'), 0),
                       COALESCE(SUM(st.recorded_at >= :from AND st.recorded_at < :to AND st.corrected), 0),
                       COALESCE(SUM(st.printed_at >= :from AND st.printed_at < :to), 0)
                FROM schoolvisit_student st JOIN schoolvisit_school s ON s.id = st.school_id
                WHERE s.service_point = :point AND (st.recorded_at >= :from OR st.printed_at >= :from)""")
                .param("point", servicePoint).param("from", utc(from)).param("to", utc(to))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}).single();
    }

    @Override
    public SchoolFigures figures(long schoolId) {
        return jdbc.sql("""
                SELECT COUNT(*), COALESCE(SUM(checked_status = 'NOT_RECORDED'), 0),
                       COALESCE(SUM(checked_status = 'ALREADY_RECORDED'), 0), COALESCE(SUM(state = 'WAITING'), 0),
                       COALESCE(SUM(state IN ('PRINTED', 'HANDED_OVER')), 0), COALESCE(SUM(state = 'HANDED_OVER'), 0),
                       COALESCE(SUM(corrected), 0), COALESCE(SUM(state = 'ENDED'), 0)
                FROM schoolvisit_student WHERE school_id = ?""").param(schoolId)
                .query((rs, n) -> new SchoolFigures(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8))).single();
    }

    @Override
    public SchoolFigures visitFigures(long schoolId, long visitId) {
        return jdbc.sql("""
                SELECT (SELECT COUNT(*) FROM schoolvisit_student WHERE school_id = :school),
                       COALESCE(SUM(checked_status = 'NOT_RECORDED'), 0),
                       COALESCE(SUM(checked_status = 'ALREADY_RECORDED'), 0), COALESCE(SUM(state = 'WAITING'), 0),
                       COALESCE(SUM(state IN ('PRINTED', 'HANDED_OVER')), 0), COALESCE(SUM(state = 'HANDED_OVER'), 0),
                       COALESCE(SUM(corrected), 0), COALESCE(SUM(state = 'ENDED'), 0)
                FROM schoolvisit_student WHERE visit_id = :visit""").param("school", schoolId).param("visit", visitId)
                .query((rs, n) -> new SchoolFigures(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8))).single();
    }

    private static LocalDate seventeenth(LocalDate birthDate) {
        return Eligibility.birthday(birthDate, Eligibility.KTP_AGE);
    }

    private static Student student(ResultSet rs, int n) throws SQLException {
        String checked = rs.getString("checked_status");
        String step = rs.getString("field_step");
        long visit = rs.getLong("visit_id");
        Long visitId = rs.wasNull() ? null : visit;
        long handover = rs.getLong("handover_id");
        Long handoverId = rs.wasNull() ? null : handover;
        String ended = rs.getString("end_reason");
        return new Student(rs.getLong("id"), rs.getLong("school_id"), rs.getString("nik"), rs.getString("full_name"),
                rs.getObject("birth_date", LocalDate.class), rs.getString("class_name"),
                StudentState.valueOf(rs.getString("state")), step == null ? null : FieldStep.valueOf(step),
                checked == null ? null : "ALREADY_RECORDED".equals(checked), rs.getBoolean("corrected"), visitId,
                instantOrNull(rs, "recorded_at"), instantOrNull(rs, "printed_at"), handoverId,
                ended == null ? null : EndReason.valueOf(ended));
    }
}
