package id.dukcapil.portal.schoolvisit;

import id.dukcapil.portal.schoolvisit.internal.CheckoutEntity;
import id.dukcapil.portal.schoolvisit.internal.CheckoutRepository;
import id.dukcapil.portal.shared.RuleViolation;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/**
 * The Dinas's refusal to change a visit, its students or its school's roster while the visit is out at an outpost
 * (issue 53): the outpost owns that work until it checks it back in. Runs in the callers' transactions.
 */
@Component
class VisitsOut {

    private static final ZoneId OFFICE = ZoneId.of("Asia/Jakarta");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm");

    private final CheckoutRepository checkouts;

    VisitsOut(CheckoutRepository checkouts) {
        this.checkouts = checkouts;
    }

    /** Refuses in words while the visit is out: with whom, at which outpost, since when. */
    public void refuseIfOut(long visitId) {
        checkouts.out(visitId).ifPresent(VisitsOut::refuse);
    }

    /** Refuses in words while a visit of the school is out (its roster is the outpost's). */
    public void refuseIfSchoolOut(long schoolId) {
        checkouts.outOfSchool(schoolId).stream().findFirst().ifPresent(VisitsOut::refuse);
    }

    private static void refuse(CheckoutEntity out) {
        throw new RuleViolation("schoolvisit.error.visit-out", out.checkedOutBy(), out.outpost(),
                TIME.format(out.checkedOutAt().atZone(OFFICE)));
    }
}
