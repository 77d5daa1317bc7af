package id.dukcapil.portal.kkprint;

import id.dukcapil.portal.kkprint.internal.KkRequestRepository;
import id.dukcapil.portal.shared.Roles;
import java.time.Clock;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The home widgets' figures: requests waiting and over their standard, counted up to a cap. */
@Service
@PreAuthorize("hasAnyRole('" + Roles.OPERATOR + "', '" + Roles.VERIFIER + "', '" + Roles.MANAGER + "', '"
        + Roles.ADMIN + "')")
public class KkPrintFigures {

    /** Above this, the widget says "999+": counting further buys nothing. */
    public static final int COUNT_CAP = 1000;

    private final KkRequestRepository store;
    private final Clock clock;

    KkPrintFigures(KkRequestRepository store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public int overdue(Inbox inbox) {
        return store.overdueCount(inbox, clock.instant(), COUNT_CAP);
    }

    @Transactional(readOnly = true)
    public int waiting(Inbox inbox) {
        return store.waitingCount(inbox, COUNT_CAP);
    }
}
