package id.dukcapil.portal.recording;

import id.dukcapil.portal.recording.internal.DayCheckoutEntity;
import id.dukcapil.portal.recording.internal.DayCheckoutRepository;
import id.dukcapil.portal.shared.RuleViolation;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The Dinas's refusal to move a recording point's queue while the point's day is out at an outpost (issue 53,
 * decision 200): the outpost owns the day's numbers and visits until it checks them back in. Runs in the callers'
 * transactions; the queue's counter row is locked first where a number is given, so a checkout and a number never
 * pass each other.
 */
@Component
class PointDaysOut {

    private static final ZoneId OFFICE = ZoneId.of("Asia/Jakarta");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm");

    private final DayCheckoutRepository checkouts;

    PointDaysOut(DayCheckoutRepository checkouts) {
        this.checkouts = checkouts;
    }

    /** Refuses in words while the point's day is out: at which outpost, taken by whom, since when. */
    void refuseIfOut(String point) {
        out(point).ifPresent(PointDaysOut::refuse);
    }

    /** Why the point's desks refuse now, in the refusal's words: its day out at an outpost; none when it is not. */
    Optional<RuleViolation> why(String point) {
        return out(point).map(PointDaysOut::violation);
    }

    Optional<DayCheckoutEntity> out(String point) {
        return checkouts.out(point);
    }

    static void refuse(DayCheckoutEntity out) {
        throw violation(out);
    }

    private static RuleViolation violation(DayCheckoutEntity out) {
        return new RuleViolation("recording.error.point-out", out.outpost(), out.checkedOutBy(),
                TIME.format(out.checkedOutAt().atZone(OFFICE)));
    }
}
