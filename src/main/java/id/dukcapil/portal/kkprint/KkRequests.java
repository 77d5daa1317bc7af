package id.dukcapil.portal.kkprint;

import id.dukcapil.portal.shared.jdbc.Slices;
import id.dukcapil.portal.kkprint.KkPrintRefusal.Code;
import id.dukcapil.portal.kkprint.internal.KkHistoryEntity;
import id.dukcapil.portal.kkprint.internal.KkReleaseEntity;
import id.dukcapil.portal.kkprint.internal.KkReleaseRepository;
import id.dukcapil.portal.kkprint.internal.KkRequestEntity;
import id.dukcapil.portal.kkprint.internal.KkRequestRepository;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.RuleViolation;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The KK print requests as the desks read them: each inbox's page and a request's detail, shared by the operator's
 * and the verifier's desks (which only act). Also the one rule for a reason typed at a desk.
 */
@Service
@PreAuthorize("hasAnyRole('" + Roles.OPERATOR + "', '" + Roles.VERIFIER + "', '" + Roles.ADMIN + "')")
public class KkRequests {

    public static final int REASON_MAX_LENGTH = 500;

    private final KkRequestRepository store;
    private final KkReleaseRepository releases;
    private final Clock clock;

    KkRequests(KkRequestRepository store, KkReleaseRepository releases, Clock clock) {
        this.store = store;
        this.releases = releases;
        this.clock = clock;
    }

    /**
     * The operator's inbox in the order the grid asks (by number, requester, time in step or holder), else nearest to
     * (or furthest over) its standard first; never counted.
     */
    @Transactional(readOnly = true)
    public Slice<InboxRow> operatorInbox(InboxFilter filter, Pageable page) {
        return inbox(Inbox.OPERATOR, filter, page);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('" + Roles.VERIFIER + "')")
    public Slice<InboxRow> verifierInbox(InboxFilter filter, Pageable page) {
        return inbox(Inbox.VERIFIER, filter, page);
    }

    @Transactional(readOnly = true)
    public Optional<RequestDetail> detail(long id) {
        return store.findById(id).map(this::detail);
    }

    @Transactional(readOnly = true)
    public Optional<RequestDetail> find(String trackingNumber) {
        return store.findByTrackingNumber(trackingNumber.strip().toUpperCase(Locale.ROOT)).map(this::detail);
    }

    /** A reason typed at a desk (a return, a rejection, a revocation): 1 to 500 characters once trimmed. */
    static String reason(String reason) {
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty() || text.length() > REASON_MAX_LENGTH) {
            throw new RuleViolation("kkprint.reason.required", REASON_MAX_LENGTH);
        }
        return text;
    }

    /** A request a desk acts on, its row locked to the end of the transaction; refused as not found. */
    static KkRequestEntity locked(KkRequestRepository store, long id) {
        return store.findLockedById(id).orElseThrow(() -> new KkPrintRefusal(Code.REQUEST_NOT_FOUND));
    }

    /** A request's history as the desks and the citizen read it, oldest first. */
    static java.util.List<HistoryEntry> history(KkRequestRepository store, long id) {
        return store.historyOf(id).stream().map(KkHistoryEntity::toRecord).toList();
    }

    private Slice<InboxRow> inbox(Inbox inbox, InboxFilter filter, Pageable page) {
        return Slices.of(store.inbox(inbox, filter, clock.instant(), page.getSort(), page.getOffset(),
                page.getPageSize() + 1), page);
    }

    private RequestDetail detail(KkRequestEntity row) {
        return new RequestDetail(row.inboxRow(), row.requesterNik(), row.description(), history(store, row.id()),
                releases.findFirstByRequestIdOrderByIdDesc(row.id()).map(KkReleaseEntity::state),
                new RequestDetail.Contact(row.requesterEmail(), row.requesterPhone(), row.newsChannel()));
    }
}
