package id.dukcapil.portal.kkprint;

import id.dukcapil.portal.shared.jdbc.Slices;
import id.dukcapil.portal.kkprint.KkPrintRefusal.Code;
import id.dukcapil.portal.kkprint.internal.ReleaseStore;
import id.dukcapil.portal.kkprint.internal.RequestStore;
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

    private final RequestStore store;
    private final ReleaseStore releases;
    private final Clock clock;

    KkRequests(RequestStore store, ReleaseStore releases, Clock clock) {
        this.store = store;
        this.releases = releases;
        this.clock = clock;
    }

    /** The operator's inbox, nearest to (or furthest over) its standard first; never counted. */
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
        return store.find(id).map(this::detail);
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

    /** The row of a request a desk acts on; refused as not found. */
    static RequestStore.Row row(RequestStore store, long id) {
        return store.find(id).orElseThrow(() -> new KkPrintRefusal(Code.REQUEST_NOT_FOUND));
    }

    private Slice<InboxRow> inbox(Inbox inbox, InboxFilter filter, Pageable page) {
        return Slices.of(store.inbox(inbox, filter, clock.instant(), page.getOffset(), page.getPageSize() + 1), page);
    }

    private RequestDetail detail(RequestStore.Row row) {
        return new RequestDetail(row.inboxRow(), row.requesterNik(), row.description(), store.history(row.id()),
                releases.latest(row.id()).map(ReleaseStore.Release::state),
                new RequestDetail.Contact(row.requesterEmail(), row.requesterPhone(), row.newsChannel()));
    }
}
