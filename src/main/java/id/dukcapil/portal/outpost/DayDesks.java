package id.dukcapil.portal.outpost;

import id.dukcapil.portal.population.EnrolmentStatus;
import id.dukcapil.portal.recording.Priority;
import id.dukcapil.portal.recording.VisitState;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the outpost's SOP C desks show (issue 53, decision 200): the day held, a resident looked up, a visit. */
public final class DayDesks {

    private DayDesks() {
    }

    /**
     * The recording point's day this outpost holds.
     *
     * @param waiting steps taken here that the Dinas has not yet
     * @param dueBack after it the desks take no new step (the setting {@code portal.outpost.max-out})
     */
    public record HeldDay(long checkoutId, String point, String pointName, LocalDate day, String outpost,
                          String checkedOutBy, Instant checkedOutAt, String prefix, boolean sending, int waiting,
                          Instant dueBack, int residents, @Nullable Instant backAt, @Nullable String answer) {
    }

    /**
     * A resident of the kecamatan as the registration desk sees them.
     *
     * @param waitsForCentre recorded here: the register's record moves on when the Dinas takes the day
     * @param refusal        the message key why they are not to be recorded today, if not
     * @param explanation    what the desk tells one recorded before
     * @param openVisit      their visit of the day not over, if any
     */
    public record Resident(String nik, String fullName, LocalDate birthDate, EnrolmentStatus enrolmentStatus,
                           boolean waitsForCentre, List<String> documents, @Nullable String refusal,
                           List<String> refusalArgs, @Nullable String explanation, @Nullable Visit openVisit) {
    }

    /** A visit to the outpost's desks. */
    public record Visit(UUID key, String nik, String fullName, VisitState state, @Nullable String ticket,
                        @Nullable Priority priority, boolean requeued, @Nullable String desk,
                        @Nullable Instant calledAt, @Nullable String calledBy, @Nullable String proofNumber,
                        @Nullable String returnReasons, @Nullable String explanation, @Nullable String failureReason,
                        String registeredBy, Instant startedAt, @Nullable Instant endedAt) {
    }

    /** A call as the waiting room's board shows it. */
    public record Call(String ticket, String desk, Instant calledAt) {
    }
}
