package id.dukcapil.portal.kkprint;

import id.dukcapil.portal.audit.Actor;
import id.dukcapil.portal.kkprint.internal.Lifecycle;
import id.dukcapil.portal.kkprint.internal.Transition;
import id.dukcapil.portal.kkprint.internal.RequestStore;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.RuleViolation;
import org.jspecify.annotations.Nullable;
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

    private final RequestStore store;
    private final Lifecycle lifecycle;
    private final CitizenMail mail;

    OperatorInbox(RequestStore store, Lifecycle lifecycle, CitizenMail mail) {
        this.store = store;
        this.lifecycle = lifecycle;
        this.mail = mail;
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
        lifecycle.note(request, Transition.CLAIMED, null);
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
        lifecycle.note(request, Transition.CLAIM_RELEASED, null);
    }

    /** Checked and complete: on to the verifier (step 7 starts). Only the holder forwards. */
    @Transactional
    @PreAuthorize("hasRole('" + Roles.OPERATOR + "')")
    public void forward(long id) {
        RequestStore.Row request = request(id);
        move(request, Transition.FORWARDED_TO_VERIFIER, null);
    }

    /** Not in order: back to the citizen with the reason, by e-mail; they may submit a corrected request. */
    @Transactional
    @PreAuthorize("hasRole('" + Roles.OPERATOR + "')")
    public void returnToCitizen(long id, String reason) {
        String text = KkRequests.reason(reason);
        RequestStore.Row request = request(id);
        move(request, Transition.RETURNED, text);
        mail.returned(request, "kkprint-returned", text);
    }

    private void move(RequestStore.Row request, Transition move, @Nullable String reason) {
        if (!lifecycle.apply(request, move, reason)) {
            RequestStore.Row now = store.findLatest(request.id()).orElseThrow();
            if (now.state() == RequestState.IN_CHECK && now.holder() != null) {
                throw new RuleViolation("kkprint.claim.taken", now.holderName());
            }
            throw new RuleViolation("kkprint.moved-meanwhile", request.trackingNumber());
        }
    }

    private RequestStore.Row request(long id) {
        return KkRequests.row(store, id);
    }
}
