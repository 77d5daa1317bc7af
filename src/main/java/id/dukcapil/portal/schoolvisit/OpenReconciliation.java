package id.dukcapil.portal.schoolvisit;

import id.dukcapil.portal.population.EnrolmentStatus;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A row of the reconciliation list as the supervisor reads it (issue 53): what the outpost did, by whom, when and on
 * which outpost, beside the student as the Dinas has them now, and whether the outpost's version can still be
 * applied.
 *
 * @param version      the row's version as read: a settling names it, so that a row settled meanwhile is told
 * @param staffName    the outpost's officer by name (their username when the Dinas has no such account)
 * @param enrolment    the register's enrolment status now; none if the register no longer knows the NIK
 * @param cardsPrinted cards the register has printed for the student
 * @param applicable   whether the outpost's operation still fits the register and the visit
 */
public record OpenReconciliation(long id, long version, long studentId, String studentName, String schoolName,
                                 OutpostBundle.Kind kind, String staff, String staffName, Instant happenedAt,
                                 Instant arrivedAt, String outpost, @Nullable String cardSerial, StudentState state,
                                 @Nullable FieldStep fieldStep, @Nullable EnrolmentStatus enrolment,
                                 int cardsPrinted, boolean applicable, boolean takenBack) {
}
