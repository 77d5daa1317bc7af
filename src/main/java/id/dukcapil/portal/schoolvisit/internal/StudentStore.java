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
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rosters' students; every change of state names the state it expects. */
@Repository
public class StudentStore {

    /** The birthday print queue's page (day, rows, offset); public for the benchmark's plan and baseline. */
    public static final String QUEUE_SQL = """
            SELECT st.*, s.name AS school_name
            FROM schoolvisit_student st JOIN schoolvisit_school s ON s.id = st.school_id
            WHERE st.state = 'WAITING' AND st.turns_17_on <= ?
            ORDER BY st.turns_17_on, st.school_id, st.id LIMIT ? OFFSET ?""";

    private final JdbcClient jdbc;

    StudentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A row of the school's list: new, or the same NIK again with the class updated (a repeated import). */
    public record RosterLine(String nik, String fullName, LocalDate birthDate, String className) {
    }

    /** @return how many rows were new (a repeated row only updates its name and class) */
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

    public int count(long schoolId) {
        return jdbc.sql("SELECT COUNT(*) FROM schoolvisit_student WHERE school_id = ?").param(schoolId)
                .query(Integer.class).single();
    }

    public Optional<Student> find(long id) {
        return jdbc.sql("SELECT * FROM schoolvisit_student WHERE id = ?").param(id).query(StudentStore::student)
                .optional();
    }

    /** The school's roster in class and name order. */
    public List<Student> roster(long schoolId, int limit) {
        return jdbc.sql("""
                SELECT * FROM schoolvisit_student WHERE school_id = ? ORDER BY class_name, full_name, id LIMIT ?""")
                .params(schoolId, limit).query(StudentStore::student).list();
    }

    /** The field screen moves a student of the visit on, from the step it expects (none: not yet begun). */
    public boolean fieldStep(long id, long visitId, @Nullable FieldStep from, FieldStep to) {
        return jdbc.sql("""
                UPDATE schoolvisit_student SET field_step = ?, visit_id = ?, version = version + 1
                WHERE id = ? AND state = 'ON_ROSTER' AND field_step <=> ?""")
                .params(to.name(), visitId, id, from == null ? null : from.name()).update() == 1;
    }

    /**
     * Step 3's finding and step 6's outcome, saved at once: the student waits for printing.
     *
     * @param from the field step the student is expected in
     */
    public boolean waiting(long id, FieldStep from, boolean alreadyRecorded, String by, Instant at) {
        return jdbc.sql("""
                UPDATE schoolvisit_student SET state = 'WAITING', field_step = NULL, checked_status = ?,
                    recorded_by = ?, recorded_at = ?, version = version + 1
                WHERE id = ? AND state = 'ON_ROSTER' AND field_step = ?""")
                .params(alreadyRecorded ? "ALREADY_RECORDED" : "NOT_RECORDED", by, utc(at), id, from.name())
                .update() == 1;
    }

    /**
     * SOP D ends for the student without a card from it, from the state expected (and, on the roster, the field step
     * expected). Found at step 3, the finding is saved as at {@link #waiting}: recorded before, seen at this visit.
     */
    public boolean ended(long id, StudentState from, @Nullable FieldStep fromStep, EndReason reason, String by,
                         Instant at) {
        if (from == StudentState.ON_ROSTER) {
            return jdbc.sql("""
                    UPDATE schoolvisit_student SET state = 'ENDED', end_reason = ?, field_step = NULL,
                        checked_status = 'ALREADY_RECORDED', recorded_by = ?, recorded_at = ?, version = version + 1
                    WHERE id = ? AND state = 'ON_ROSTER' AND field_step <=> ?""")
                    .params(reason.name(), by, utc(at), id, fromStep == null ? null : fromStep.name()).update() == 1;
        }
        return jdbc.sql("""
                UPDATE schoolvisit_student SET state = 'ENDED', end_reason = ?, version = version + 1
                WHERE id = ? AND state = ?""").params(reason.name(), id, from.name()).update() == 1;
    }

    public void corrected(long id, LocalDate birthDate, String fullName) {
        jdbc.sql("""
                UPDATE schoolvisit_student SET corrected = TRUE, birth_date = ?, turns_17_on = ?, full_name = ?,
                    version = version + 1
                WHERE id = ?""").params(birthDate, seventeenth(birthDate), fullName, id).update();
    }

    private static LocalDate seventeenth(LocalDate birthDate) {
        return Eligibility.birthday(birthDate, Eligibility.KTP_AGE);
    }

    public boolean printed(long id, String by, Instant at) {
        return jdbc.sql("""
                UPDATE schoolvisit_student SET state = 'PRINTED', printed_by = ?, printed_at = ?, version = version + 1
                WHERE id = ? AND state = 'WAITING'""").params(by, utc(at), id).update() == 1;
    }

    /** The printed cards of a school not yet on a handover record. */
    public List<Student> printedNotHanded(long schoolId) {
        return jdbc.sql("""
                SELECT * FROM schoolvisit_student WHERE school_id = ? AND state = 'PRINTED' AND handover_id IS NULL
                ORDER BY class_name, full_name, id FOR UPDATE""").param(schoolId).query(StudentStore::student).list();
    }

    public int listOnHandover(List<Long> ids, long handoverId) {
        int listed = 0;
        for (long id : ids) {
            listed += jdbc.sql("""
                    UPDATE schoolvisit_student SET handover_id = ?, version = version + 1
                    WHERE id = ? AND state = 'PRINTED' AND handover_id IS NULL""").params(handoverId, id).update();
        }
        return listed;
    }

    public List<Student> onHandover(long handoverId) {
        return jdbc.sql("SELECT * FROM schoolvisit_student WHERE handover_id = ? ORDER BY class_name, full_name, id")
                .param(handoverId).query(StudentStore::student).list();
    }

    public int handedOver(long handoverId) {
        return jdbc.sql("""
                UPDATE schoolvisit_student SET state = 'HANDED_OVER', version = version + 1
                WHERE handover_id = ? AND state = 'PRINTED'""").param(handoverId).update();
    }

    /**
     * A page of the birthday print queue of a day: students waiting whose 17th birthday (stored, so the
     * state-and-birthday index answers it) is the day or before it, oldest birthday first, with their school's name.
     */
    public Slice<QueuedCard> dueForPrinting(LocalDate day, Pageable page) {
        List<QueuedCard> rows = jdbc.sql(QUEUE_SQL).params(day, (long) page.getPageSize() + 1, page.getOffset())
                .query((rs, n) -> new QueuedCard(student(rs, n), rs.getString("school_name"))).list();
        return Slices.of(rows, page);
    }

    /**
     * A point's day across its schools: students seen (recorded at school, recorded before), corrected, printed, in
     * that order; the day is the office's, given as its UTC bounds.
     */
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

    /**
     * A visit's figures: the school's roster, and of the students seen at the visit those recorded there or before,
     * waiting for their birthday, printed (on the day or later), handed over, corrected.
     */
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

    /** The students a visit's team saw, in class and name order. */
    public List<Student> seenAt(long visitId, int limit) {
        return jdbc.sql("""
                SELECT * FROM schoolvisit_student WHERE visit_id = ? ORDER BY class_name, full_name, id LIMIT ?""")
                .params(visitId, limit).query(StudentStore::student).list();
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
