package id.dukcapil.portal.kkprint;

import id.dukcapil.portal.audit.Actor;
import id.dukcapil.portal.kkprint.KkPrintRefusal.Code;
import id.dukcapil.portal.kkprint.internal.Lifecycle;
import id.dukcapil.portal.kkprint.internal.Lifecycle.Move;
import id.dukcapil.portal.kkprint.internal.ReleaseStore;
import id.dukcapil.portal.kkprint.internal.RequestStore;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.sla.SopStep;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.SliceImpl;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SOP B step 6: the operator takes the next request, checks it, and forwards it to verification or returns it to
 * the citizen. A claim shows everyone who holds a request; a VERIFIER or ADMIN can release a stuck claim.
 */
@Service
@PreAuthorize("hasAnyRole('" + Roles.OPERATOR + "', '" + Roles.VERIFIER + "', '" + Roles.ADMIN + "')")
public class OperatorInbox {

    public static final int REASON_MAX_LENGTH = 500;

    private final RequestStore store;
    private final ReleaseStore releases;
    private final Lifecycle lifecycle;
    private final CitizenMail mail;
    private final Clock clock;

    OperatorInbox(RequestStore store, ReleaseStore releases, Lifecycle lifecycle, CitizenMail mail, Clock clock) {
        this.store = store;
        this.releases = releases;
        this.lifecycle = lifecycle;
        this.mail = mail;
        this.clock = clock;
    }

    /** The waiting requests, nearest to (or furthest over) their standard first; never counted. */
    @Transactional(readOnly = true)
    public Slice<InboxRow> page(InboxFilter filter, Pageable page) {
        return slice(store.inbox(Inbox.OPERATOR, filter, clock.instant(), page.getOffset(), page.getPageSize() + 1),
                page);
    }

    @Transactional(readOnly = true)
    public Optional<RequestDetail> detail(long id) {
        return store.find(id).map(this::detail);
    }

    @Transactional(readOnly = true)
    public Optional<RequestDetail> find(String trackingNumber) {
        return store.findByTrackingNumber(trackingNumber.strip().toUpperCase(java.util.Locale.ROOT)).map(this::detail);
    }

    /** Takes the request; refused with who holds it if another operator was faster. */
    @Transactional
    @PreAuthorize("hasRole('" + Roles.OPERATOR + "')")
    public void claim(long id) {
        RequestStore.Row request = request(id);
        Actor me = lifecycle.currentActor();
        if (!store.claim(id, me.id(), me.name() != null ? me.name() : me.id())) {
            RequestStore.Row now = store.findLatest(id).orElseThrow();
            if (now.holder() != null) {
                throw new RuleViolation("kkprint.claim.taken", now.holderName());
            }
            throw new RuleViolation("kkprint.moved-meanwhile", now.trackingNumber());
        }
        lifecycle.note(request, RequestState.SUBMITTED, RequestState.IN_CHECK, null, false, "kkprint.request.claimed");
    }

    /** Gives a claimed request back to the inbox: its holder, or a VERIFIER or ADMIN for a stuck claim. */
    @Transactional
    public void release(long id) {
        RequestStore.Row request = request(id);
        Actor me = lifecycle.currentActor();
        boolean supervisor = me.roles().contains(Roles.VERIFIER) || me.roles().contains(Roles.ADMIN);
        if (!supervisor && !me.id().equals(request.holder())) {
            throw new RuleViolation("kkprint.release.not-holder");
        }
        if (!store.release(id)) {
            throw new RuleViolation("kkprint.moved-meanwhile", request.trackingNumber());
        }
        lifecycle.note(request, RequestState.IN_CHECK, RequestState.SUBMITTED, null, false,
                "kkprint.request.claim-released");
    }

    /** Checked and complete: on to the verifier (step 7 starts). Only the holder forwards. */
    @Transactional
    @PreAuthorize("hasRole('" + Roles.OPERATOR + "')")
    public void forward(long id) {
        RequestStore.Row request = request(id);
        move(request, new Move(RequestState.IN_CHECK, lifecycle.currentActor().id(), RequestState.FORWARDED,
                Inbox.VERIFIER, SopStep.B7_VERIFICATION, null, false, "kkprint.request.forwarded"));
    }

    /** Not in order: back to the citizen with the reason, by e-mail; they may submit a corrected request. */
    @Transactional
    @PreAuthorize("hasRole('" + Roles.OPERATOR + "')")
    public void returnToCitizen(long id, String reason) {
        String text = reason(reason);
        RequestStore.Row request = request(id);
        move(request, new Move(RequestState.IN_CHECK, lifecycle.currentActor().id(), RequestState.RETURNED_TO_CITIZEN,
                null, null, text, true, "kkprint.request.returned"));
        mail.returned(request, "kkprint-returned", text);
    }

    private void move(RequestStore.Row request, Move move) {
        if (!lifecycle.apply(request, move)) {
            RequestStore.Row now = store.findLatest(request.id()).orElseThrow();
            if (now.state() == RequestState.IN_CHECK && now.holder() != null) {
                throw new RuleViolation("kkprint.claim.taken", now.holderName());
            }
            throw new RuleViolation("kkprint.moved-meanwhile", request.trackingNumber());
        }
    }

    static String reason(String reason) {
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty() || text.length() > REASON_MAX_LENGTH) {
            throw new RuleViolation("kkprint.reason.required", REASON_MAX_LENGTH);
        }
        return text;
    }

    private RequestStore.Row request(long id) {
        return store.find(id).orElseThrow(() -> new KkPrintRefusal(Code.REQUEST_NOT_FOUND));
    }

    private RequestDetail detail(RequestStore.Row row) {
        return new RequestDetail(row.inboxRow(), row.requesterNik(), row.description(), store.history(row.id()),
                releases.latest(row.id()).map(ReleaseStore.Release::state));
    }

    static <T> Slice<T> slice(List<T> rows, Pageable page) {
        boolean hasNext = rows.size() > page.getPageSize();
        return new SliceImpl<>(hasNext ? rows.subList(0, page.getPageSize()) : rows, page, hasNext);
    }
}
