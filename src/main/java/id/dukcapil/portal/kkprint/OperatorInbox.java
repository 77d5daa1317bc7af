package id.dukcapil.portal.kkprint;

import id.dukcapil.portal.audit.Actor;
import id.dukcapil.portal.audit.PersonalData;
import id.dukcapil.portal.audit.PersonalDataViews;
import id.dukcapil.portal.kkprint.internal.Lifecycle;
import id.dukcapil.portal.kkprint.internal.KkRequestEntity;
import id.dukcapil.portal.kkprint.internal.KkRequestRepository;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.signing.SignableDocuments.Detail;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
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
    private final KkCards cards;
    private final PersonalDataViews personalData;

    OperatorInbox(KkRequestRepository requests, Lifecycle lifecycle, CitizenMail mail, KkCards cards,
                  PersonalDataViews personalData) {
        this.cards = cards;
        this.personalData = personalData;
        this.requests = requests;
        this.lifecycle = lifecycle;
        this.mail = mail;
    }

    /**
     * The family on the card of the request the operator opened: the requester, the KK and each member are recorded
     * as seen (issue 50), so no screen can forget it.
     */
    @Transactional(readOnly = true)
    public List<Detail> opened(RequestDetail detail, Locale locale) {
        List<Detail> family = cards.details(detail.row().trackingNumber(), locale);
        List<PersonalData> shown = new ArrayList<>(List.of(PersonalData.nik(detail.requesterNik()),
                PersonalData.kk(detail.row().kkNumber())));
        family.stream().map(Detail::person).filter(Objects::nonNull).forEach(nik -> shown.add(PersonalData.nik(nik)));
        personalData.viewed("kk/operator", shown);
        return family;
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
