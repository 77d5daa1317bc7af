package id.dukcapil.portal.schoolvisit.internal;

import id.dukcapil.portal.shared.jdbc.SqlOrder;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;

/**
 * The reconciliation list's page beside its repository: each open row with its operation, its outpost, its student
 * and school, in one statement, sorted as the supervisor's grid asks (decision 194).
 */
public interface ReconciliationSql {

    /** How the list may be sorted (the grid's sort properties), and its own order: the oldest arrival first. */
    SqlOrder OPEN_ORDER = new SqlOrder(Map.of("arrived", "o.arrived_at", "student", "st.full_name",
            "school", "s.name"), "r.id");

    /** An open row as stored, the student and school as the Dinas has them now. */
    record OpenRow(long id, long version, long checkoutId, String operationId, String kind, @Nullable String staff,
                   Instant happenedAt, Instant arrivedAt, String outpost, @Nullable String cardSerial,
                   long studentId, String studentName, String nik, String state, @Nullable String fieldStep,
                   String schoolName, String dinasVersion, @Nullable String correction) {
    }

    /** A page of the rows not settled yet. */
    Slice<OpenRow> openRows(Pageable page);
}
