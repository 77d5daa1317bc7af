package id.dukcapil.portal.outpost;

import id.dukcapil.portal.population.EnrolmentStatus;
import id.dukcapil.portal.schoolvisit.OutpostBundle.Kind;
import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A student of a taken visit's roster as the outpost's screen shows them: the register's status as the Dinas packed
 * it, what the team did here, and what it may do next.
 *
 * @param outcome what the team did here (found recorded, recorded, absent, refused), if anything
 * @param allowed  the steps open for the student now; a card only while the team has blank cards
 * @param printsOn the 17th birthday, when it is after the visit's day: a card recorded here waits for it, printed at
 *                 the Dinas from the birthday queue
 */
public record TakenStudent(long studentId, String nik, String fullName, String className,
                           @Nullable EnrolmentStatus enrolmentStatus, @Nullable Kind outcome,
                           @Nullable String cardSerial, Set<Kind> allowed, @Nullable LocalDate printsOn) {
}
