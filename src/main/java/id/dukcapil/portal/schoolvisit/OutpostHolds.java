package id.dukcapil.portal.schoolvisit;

import id.dukcapil.portal.schoolvisit.internal.CheckoutEntity;
import id.dukcapil.portal.schoolvisit.internal.CheckoutRepository;
import id.dukcapil.portal.staff.StaffNames;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which visits are out at an outpost, for the screens that list or open a visit (issue 53): they say with whom and
 * since when, and offer none of the changes the Dinas would refuse meanwhile ({@link VisitsOut} refuses them anyway).
 */
@Service
@PreAuthorize(Schools.READERS + " or " + FieldDesk.TEAM)
public class OutpostHolds {

    private final CheckoutRepository checkouts;
    private final StaffNames names;

    OutpostHolds(CheckoutRepository checkouts, StaffNames names) {
        this.checkouts = checkouts;
        this.names = names;
    }

    /** The visit's checkout while it is out. */
    @Transactional(readOnly = true)
    public Optional<OutpostHold> of(long visitId) {
        return checkouts.out(visitId).map(this::hold);
    }

    /** Those of the visits that are out, by visit: a month of the calendar in one read. */
    @Transactional(readOnly = true)
    public Map<Long, OutpostHold> among(Collection<Long> visitIds) {
        if (visitIds.isEmpty()) {
            return Map.of();
        }
        List<CheckoutEntity> out = checkouts.findByVisitIdInAndState(visitIds, CheckoutEntity.State.OUT);
        Map<String, String> named = names.of(out.stream().map(CheckoutEntity::checkedOutBy).distinct().toList());
        return out.stream().collect(Collectors.toMap(CheckoutEntity::visitId, checkout -> new OutpostHold(
                checkout.visitId(), checkout.outpost(), checkout.checkedOutBy(),
                named.getOrDefault(checkout.checkedOutBy(), checkout.checkedOutBy()), checkout.checkedOutAt()),
                (a, b) -> a));
    }

    /** A checkout still out of one of the school's visits (its roster and handover are the outpost's meanwhile). */
    @Transactional(readOnly = true)
    public Optional<OutpostHold> ofSchool(long schoolId) {
        List<CheckoutEntity> out = checkouts.outOfSchool(schoolId);
        return out.stream().findFirst().map(this::hold);
    }

    private OutpostHold hold(CheckoutEntity checkout) {
        String by = checkout.checkedOutBy();
        return new OutpostHold(checkout.visitId(), checkout.outpost(), by,
                names.of(List.of(by)).getOrDefault(by, by), checkout.checkedOutAt());
    }
}
