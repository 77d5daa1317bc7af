package id.dukcapil.portal.schoolvisit;

import id.dukcapil.portal.population.EnrolmentStatus;
import id.dukcapil.portal.staff.CarriedAccounts;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an outpost takes of a school visit it checks out (issue 53): the visit, its roster with each student's
 * register status as the Dinas had them, the blank cards the team holds, and the secret its bundles are signed with.
 * Plain data, written as JSON for the outpost.
 *
 * @param cardsOut the blank cards the team holds (taken out less printed); the Dinas's stock counts cards, it keeps
 *                 no serials, so none are listed
 * @param secret   the HMAC-SHA256 key of the bundles, hex; kept by the Dinas with the checkout
 * @param issuedAt the Dinas's clock when it handed the package (the first time or again): what the outpost's clock is
 *                 compared with
 * @param team     the team's field officers' accounts, so each signs in on the outpost with their own Dinas password
 *                 (decision 199): name and password hash, never a password
 */
public record OutpostPackage(long checkoutId, String outpost, String checkedOutBy, Instant checkedOutAt,
                             SchoolVisit visit, List<Packed> roster, int cardsOut, String secret,
                             List<CarriedAccounts.Carried> team, Instant issuedAt) {

    /**
     * A student of the roster as checked out: the outpost's starting point, and what check-in compares against; no
     * enrolment status when the register no longer knows the NIK.
     */
    public record Packed(long studentId, String nik, String fullName, LocalDate birthDate, String className,
                         StudentState state, @Nullable FieldStep fieldStep, @Nullable EnrolmentStatus enrolmentStatus,
                         int cardsPrinted) {
    }
}
