package id.dukcapil.portal.schoolvisit.internal;

import id.dukcapil.portal.schoolvisit.QueuedCard;
import id.dukcapil.portal.schoolvisit.SchoolFigures;
import id.dukcapil.portal.shared.jdbc.SqlOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;

/**
 * The students' SQL beside their repository: the roster import's batched insert (a school's file, thousands of rows
 * at once), the birthday print queue's page through its index (measured by {@code SchoolVisitBenchmark}), and the
 * figures that count a school's, a visit's or a point's day in one statement each (report rollups).
 */
public interface StudentSql {

    /**
     * The birthday print queue's page (its order; then day, rows, offset); public for the benchmark's plan and
     * baseline.
     */
    String QUEUE_SQL = """
            SELECT st.*, s.name AS school_name
            FROM schoolvisit_student st JOIN schoolvisit_school s ON s.id = st.school_id
            WHERE st.state = 'WAITING' AND st.turns_17_on <= ?
            %s LIMIT ? OFFSET ?""";

    /**
     * How the print queue may be sorted (the grid's sort properties), and its own order, the index's: oldest
     * birthday first.
     */
    SqlOrder QUEUE_ORDER = new SqlOrder(Map.of("school", "s.name", "name", "st.full_name",
            "seventeenth", "st.turns_17_on"), "st.turns_17_on, st.school_id, st.id");

    /** A row of the school's list: new, or the same NIK again with the class updated (a repeated import). */
    record RosterLine(String nik, String fullName, LocalDate birthDate, String className) {
    }

    /** @return how many rows were new (a repeated row only updates its name and class) */
    int upsert(long schoolId, List<RosterLine> lines, Instant at);

    int count(long schoolId);

    /**
     * A page of the birthday print queue of a day: students waiting whose 17th birthday (stored, so the
     * state-and-birthday index answers it) is the day or before it, oldest birthday first, with their school's name.
     */
    Slice<QueuedCard> dueForPrinting(LocalDate day, Pageable page);

    /**
     * A point's day across its schools: students seen (recorded at school, recorded before), corrected, printed, in
     * that order; the day is the office's, given as its UTC bounds.
     */
    long[] day(String servicePoint, Instant from, Instant to);

    SchoolFigures figures(long schoolId);

    /**
     * A visit's figures: the school's roster, and of the students seen at the visit those recorded there or before,
     * waiting for their birthday, printed (on the day or later), handed over, corrected.
     */
    SchoolFigures visitFigures(long schoolId, long visitId);
}
