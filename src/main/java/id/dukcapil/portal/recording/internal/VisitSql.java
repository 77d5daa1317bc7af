package id.dukcapil.portal.recording.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The recording queue's SQL beside the visit's repository (decision 171, table by table): the point's day counter
 * of queue numbers, the desk's claim of the next waiting number ({@code SKIP LOCKED}), the claim of a turn notice,
 * and the day's figures the board and the report roll up. Each is a statement under contention or a rollup; every
 * change of a visit's state is the entity's.
 */
public interface VisitSql {

    /**
     * The point's next queue number of the day, counted in the caller's transaction: the counter row stays locked
     * until it commits, so numbers are never repeated and a rolled-back visit leaves no gap.
     */
    int nextNumber(String point, LocalDate day);

    /**
     * The point's next proof-of-recording number of the year, counted as {@link #nextNumber} is (issue 54): the
     * counter row stays locked until the caller commits, so two recording desks never share a number and a
     * rolled-back recording leaves no gap.
     */
    int nextProofNumber(String point, int year);

    /** The point's day's last queue number (0: none yet), its counter row made if need be and locked to the commit. */
    int lockNumbers(String point, LocalDate day);

    /** The point's day's counter row, made if need be and held shared to the commit: a checkout waits for it. */
    void shareNumbers(String point, LocalDate day);

    /** The point's year's last proof number (0: none yet), its counter row made if need be and locked to the commit. */
    int lockProofs(String point, int year);

    /** The day's counter moved on to at least the number: an outpost's numbers arrived, the next goes on after them. */
    void numberTaken(String point, LocalDate day, int number);

    /** The year's proof counter moved on to at least the number, as {@link #numberTaken}. */
    void proofTaken(String point, int year, int number);

    /**
     * The next waiting number of the point's day for a desk, its row locked: numbers sent back after a failed
     * recording first, then priority visitors, then in order. Rows another desk holds are skipped: two desks never
     * call the same one, and neither waits for the other.
     */
    Optional<Long> claimNextWaiting(String point, LocalDate day);

    /** A waiting number's wish to be told when its turn nears (SOP C), as the registration desk took it. */
    record TurnNotice(long visitId, String ticket, @Nullable String channel, @Nullable String address,
                      @Nullable String locale, boolean told) {

        public boolean wanted() {
            return address != null && !told;
        }
    }

    /** The next waiting numbers of the point's day in the order they are called (as {@link #claimNextWaiting}). */
    List<TurnNotice> nextWaiting(String point, LocalDate day, int limit);

    /**
     * Claims the notice of a visit: false if another call's transaction queued it first (two desks calling at once
     * both find it near). The address goes. Moves the version on: a desk's write of the visit read before is
     * refused, never undoes the claim.
     */
    boolean turnTold(long id, Instant at);

    /** How long the day's latest recordings took, from the (last) call to recorded, newest first (decision 143). */
    List<Duration> recordingTimes(String point, LocalDate day, int limit);

    /** The desks of the point that called a number of the day since the given moment: the desks at work now. */
    int desksCallingSince(String point, LocalDate day, Instant since);

    /**
     * A recording desk's day: numbers called, recorded (a proof issued, though its visit was closed at the day's
     * end before the proof was handed), failed and failed for technical reasons.
     */
    record DeskDay(String desk, long called, long recorded, long failed, long technical) {
    }

    List<DeskDay> desks(String point, LocalDate day);

    /** The waiting room of a point's day: calls (each ends a wait), seconds waited in all, the longest wait. */
    record Waiting(long calls, long seconds, long longestSeconds) {
    }

    Waiting waiting(String point, LocalDate day);

    /** A point and a day. */
    record PointDay(String point, LocalDate day) {
    }

    /** The points' days before the given one that still have a visit not over: what the night closes. */
    List<PointDay> daysLeftOpen(LocalDate before);
}
