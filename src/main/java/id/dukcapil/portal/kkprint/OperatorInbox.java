package id.dukcapil.portal.kkprint;

import id.dukcapil.portal.audit.Actor;
import id.dukcapil.portal.kkprint.internal.Lifecycle;
import id.dukcapil.portal.kkprint.internal.KkRequestEntity;
import id.dukcapil.portal.kkprint.internal.KkRequestRepository;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.RuleViolation;
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

    private final KkRequestRepository requests;
    private final Lifecycle lifecycle;
    private final CitizenMail mail;

    OperatorInbox(KkRequestRepository requests, Lifecycle lifecycle, CitizenMail mail) {
        this.requests = requests;
        this.lifecycle = lifecycle;
        this.mail = mail;
    }

    /** Takes the request; refused with who holds it if another operator was faster. */
    @Transactional
    @PreAuthorize("hasRole('" + Roles.OPERATOR + "')")
    public void claim(long id) {
        KkRequestEntity request = request(id);
        Actor me = lifecycle.currentActor();
        lifecycle.record(request, request.claim(me.id(), me.name() != null ? me.name() : me.id()), null);
    }

    /** Gives a claimed request back to the inbox: its holder, or a VERIFIER or ADMIN for a stuck claim. */
    @Transactional
    public void release(long id) {
        KkRequestEntity request = request(id);
        Actor me = lifecycle.currentActor();
        boolean supervisor = me.roles().contains(Roles.VERIFIER) || me.roles().contains(Roles.ADMIN);
        if (!supervisor && !me.id().equals(request.holder())) {
            throw new RuleViolation("kkprint.release.not-holder");
        }
        lifecycle.record(request, request.releaseClaim(), null);
    }

    /** Checked and complete: on to the verifier (step 7 starts). Only the holder forwards. */
    @Transactional
    @PreAuthorize("hasRole('" + Roles.OPERATOR + "')")
    public void forward(long id) {
        KkRequestEntity request = request(id);
        lifecycle.record(request, request.forward(lifecycle.currentActor().id()), null);
    }

    /** Not in order: back to the citizen with the reason, by e-mail; they may submit a corrected request. */
    @Transactional
    @PreAuthorize("hasRole('" + Roles.OPERATOR + "')")
    public void returnToCitizen(long id, String reason) {
        String text = KkRequests.reason(reason);
        KkRequestEntity request = request(id);
        lifecycle.record(request, request.returnToCitizen(lifecycle.currentActor().id()), text);
        mail.returned(request, "kkprint-returned", text);
    }

    /** The request to act on, locked: of two clerks at once, the second sees what the first did. */
    private KkRequestEntity request(long id) {
        return KkRequests.locked(requests, id);
    }
}
