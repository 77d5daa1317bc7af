package id.dukcapil.portal.recording;

import id.dukcapil.portal.population.EnrolmentStatus;
import id.dukcapil.portal.staff.CarriedAccounts.Carried;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A recording point's day as an outpost takes it (issue 53, decision 200): the kecamatan's residents with what the
 * desks need of each, where the day's queue and proof numbers go on, the desk operators' accounts, and the secret to
 * sign the bundle with.
 *
 * @param prefix      the outpost's queue prefix: its tickets read {@code prefix-001}
 * @param firstNumber the first queue number the outpost gives (the day's numbers go on without a gap)
 * @param firstProof  the first proof-of-recording number in the point's year
 * @param handedAt    the Dinas's time when it handed the package: an outpost whose clock is far off sets it first
 */
public record OutpostDay(long checkoutId, String outpost, String checkedOutBy, Instant checkedOutAt, String point,
                         String pointName, LocalDate day, String prefix, int firstNumber, int firstProof,
                         List<Packed> residents, String secret, List<Carried> accounts, Instant handedAt) {

    public OutpostDay {
        residents = List.copyOf(residents);
        accounts = List.copyOf(accounts);
    }

    /**
     * A resident of the kecamatan as the desks start from on the day.
     *
     * @param documents   the requirement documents' codes ({@link Requirements})
     * @param refusal     the message key why the resident is not to be recorded on the day, if not
     * @param refusalArgs its arguments, in words
     * @param explanation what the registration desk tells a resident recorded before ({@link Explanations})
     */
    public record Packed(String nik, String fullName, LocalDate birthDate, EnrolmentStatus enrolmentStatus,
                         List<String> documents, @Nullable String refusal, List<String> refusalArgs,
                         @Nullable String explanation) {

        public Packed {
            documents = List.copyOf(documents);
            refusalArgs = List.copyOf(refusalArgs);
        }
    }

    @Override
    public String toString() {
        return "OutpostDay[" + checkoutId + ", " + point + " " + day + ", " + residents.size() + " residents]";
    }
}
