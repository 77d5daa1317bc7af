package id.dukcapil.portal.kkprint.internal;

import static id.dukcapil.portal.kkprint.RequestState.DELIVERED;
import static id.dukcapil.portal.kkprint.RequestState.EXPIRED;
import static id.dukcapil.portal.kkprint.RequestState.FORWARDED;
import static id.dukcapil.portal.kkprint.RequestState.IN_CHECK;
import static id.dukcapil.portal.kkprint.RequestState.PRINTED;
import static id.dukcapil.portal.kkprint.RequestState.REJECTED;
import static id.dukcapil.portal.kkprint.RequestState.RETURNED_TO_CITIZEN;
import static id.dukcapil.portal.kkprint.RequestState.REVOKED;
import static id.dukcapil.portal.kkprint.RequestState.SIGNED;
import static id.dukcapil.portal.kkprint.RequestState.SUBMITTED;
import static id.dukcapil.portal.kkprint.RequestState.VERIFIED;
import static id.dukcapil.portal.sla.SopStep.B10_ADM_PRINT;
import static id.dukcapil.portal.sla.SopStep.B6_OPERATOR_CHECK;
import static id.dukcapil.portal.sla.SopStep.B7_VERIFICATION;
import static id.dukcapil.portal.sla.SopStep.B8_SIGNATURE;
import static id.dukcapil.portal.sla.SopStep.B9_QR_PIN_EMAIL;

import id.dukcapil.portal.kkprint.Inbox;
import id.dukcapil.portal.kkprint.RequestState;
import id.dukcapil.portal.sla.SopStep;
import org.jspecify.annotations.Nullable;

/**
 * Every change a KK print request can undergo after its intake, one row each: the state it leaves and enters,
 * whether only the operator holding it may do it, the inbox that holds it afterwards, the SOP B step it enters (the
 * step it is in ends; none: it leaves its step), whether its reason is shown to the citizen, and its audit action.
 * A note (a claim, a new PIN, a reprint, a reminder) keeps the step; {@code from} null means the state it is in.
 * {@link KkRequestEntity} applies them, one method each, and {@link Lifecycle} records them; nothing else builds a
 * change.
 */
public enum Transition {

    CLAIMED(SUBMITTED, IN_CHECK, Kind.NOTE, false, null, null, false, "kkprint.request.claimed"),
    CLAIM_RELEASED(IN_CHECK, SUBMITTED, Kind.NOTE, false, null, null, false, "kkprint.request.claim-released"),
    FORWARDED_TO_VERIFIER(IN_CHECK, FORWARDED, Kind.MOVE, true, Inbox.VERIFIER, B7_VERIFICATION, false,
            "kkprint.request.forwarded"),
    RETURNED(IN_CHECK, RETURNED_TO_CITIZEN, Kind.MOVE, true, null, null, true, "kkprint.request.returned"),
    VERIFIED_FOR_SIGNATURE(FORWARDED, VERIFIED, Kind.MOVE, false, null, B8_SIGNATURE, false, "kkprint.request.verified"),
    SENT_BACK(FORWARDED, SUBMITTED, Kind.MOVE, false, Inbox.OPERATOR, B6_OPERATOR_CHECK, false,
            "kkprint.request.sent-back"),
    REJECTED_BY_VERIFIER(FORWARDED, REJECTED, Kind.MOVE, false, null, null, true, "kkprint.request.rejected"),
    SIGNED_BY_HEAD(VERIFIED, SIGNED, Kind.MOVE, false, null, B9_QR_PIN_EMAIL, false, "kkprint.request.signed"),
    SIGNATURE_RETURNED(VERIFIED, FORWARDED, Kind.MOVE, false, Inbox.VERIFIER, B7_VERIFICATION, false,
            "kkprint.request.signature-returned"),
    DELIVERED_BY_EMAIL(SIGNED, DELIVERED, Kind.MOVE, false, null, B10_ADM_PRINT, false, "kkprint.request.delivered"),
    PRINTED_AT_KIOSK(DELIVERED, PRINTED, Kind.MOVE, false, null, null, true, "kkprint.request.printed"),
    REPRINTED(null, null, Kind.NOTE, false, null, null, true, "kkprint.request.reprinted"),
    PIN_RESENT(null, null, Kind.NOTE, false, null, null, false, "kkprint.release.resent"),
    REMINDED(null, null, Kind.NOTE, false, null, null, false, "kkprint.request.reminded"),
    REVOKED_RELEASE(DELIVERED, REVOKED, Kind.MOVE, false, null, null, true, "kkprint.request.revoked"),
    EXPIRED_RELEASE(DELIVERED, EXPIRED, Kind.MOVE, false, null, null, false, "kkprint.request.expired");

    /** A move changes the state through one conditional update; a note records what happened beside it. */
    public enum Kind { MOVE, NOTE }

    private final @Nullable RequestState from;
    private final @Nullable RequestState to;
    private final Kind kind;
    private final boolean holderOnly;
    private final @Nullable Inbox inbox;
    private final @Nullable SopStep enters;
    private final boolean reasonPublic;
    private final String auditAction;

    Transition(@Nullable RequestState from, @Nullable RequestState to, Kind kind, boolean holderOnly,
               @Nullable Inbox inbox, @Nullable SopStep enters, boolean reasonPublic, String auditAction) {
        this.from = from;
        this.to = to;
        this.kind = kind;
        this.holderOnly = holderOnly;
        this.inbox = inbox;
        this.enters = enters;
        this.reasonPublic = reasonPublic;
        this.auditAction = auditAction;
    }

    public @Nullable RequestState from() {
        return from;
    }

    public @Nullable RequestState to() {
        return to;
    }

    public Kind kind() {
        return kind;
    }

    /** Only the operator holding the request (who claimed it) may do it. */
    public boolean holderOnly() {
        return holderOnly;
    }

    public @Nullable Inbox inbox() {
        return inbox;
    }

    public @Nullable SopStep enters() {
        return enters;
    }

    public boolean reasonPublic() {
        return reasonPublic;
    }

    public String auditAction() {
        return auditAction;
    }
}
