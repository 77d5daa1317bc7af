package id.dukcapil.portal.kkprint.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.Refusals;
import id.dukcapil.portal.kkprint.Inbox;
import id.dukcapil.portal.kkprint.KkPrintReason;
import id.dukcapil.portal.kkprint.RequestState;
import id.dukcapil.portal.shared.RuleViolation;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The request's own methods (issue 55 item 3): each change its state does not allow is refused in words, in both
 * languages, and leaves the request as it was; the changes it allows follow {@link Transition}'s rows.
 */
class KkRequestTransitionsTest {

    private static final Instant NOW = Instant.parse("2026-11-27T03:00:00Z");
    private static final String HOLDER = "operator";

    private static KkRequestEntity submitted() {
        return new KkRequestEntity("KK261127ABCDEF", "3204010101900001", "Budi Santoso", "budi@example.id",
                "3204010101900002", KkPrintReason.values()[0], "", NOW, "{}", null, null, "B6_OPERATOR_CHECK",
                NOW.plusSeconds(3600));
    }

    private static KkRequestEntity inCheck() {
        KkRequestEntity request = submitted();
        request.claim(HOLDER, "Petugas Uji");
        return request;
    }

    private static KkRequestEntity forwarded() {
        KkRequestEntity request = inCheck();
        request.forward(HOLDER);
        return request;
    }

    private static KkRequestEntity verified() {
        KkRequestEntity request = forwarded();
        request.verify("{}");
        return request;
    }

    private static KkRequestEntity signed() {
        KkRequestEntity request = verified();
        request.sign();
        return request;
    }

    private static KkRequestEntity delivered() {
        KkRequestEntity request = signed();
        request.deliver();
        return request;
    }

    private static KkRequestEntity printed() {
        KkRequestEntity request = delivered();
        request.print();
        return request;
    }

    private static KkRequestEntity revoked() {
        KkRequestEntity request = delivered();
        request.revoke();
        return request;
    }

    /** The change is refused as the transition's words and where the request stands, and changes nothing. */
    private static void refused(KkRequestEntity request, Transition transition, Consumer<KkRequestEntity> change) {
        RequestState before = request.state();
        RuleViolation refusal = Refusals.of(() -> change.accept(request));
        assertThat(refusal.messageKeys())
                .containsExactly("kkprint.transition." + transition.name(), "kkprint.stands." + before.name());
        assertThat(Refusals.words(refusal, "kkprint", Locale.of("id"))).contains("KK261127ABCDEF");
        assertThat(Refusals.words(refusal, "kkprint", Locale.ENGLISH)).contains("KK261127ABCDEF");
        assertThat(request.state()).isEqualTo(before);
    }

    @Test
    void sop_b_end_to_end_follows_the_table() {
        KkRequestEntity request = printed();
        assertThat(request.state()).isEqualTo(RequestState.PRINTED);
        assertThat(request.inbox()).isNull();
        assertThat(request.holder()).isNull();
        KkRequestEntity waiting = forwarded();
        assertThat(waiting.inbox()).isEqualTo(Inbox.VERIFIER);
        assertThat(waiting.familyAtVerification()).isNull();
        assertThat(verified().familyAtVerification()).isEqualTo("{}");
    }

    @Test
    void a_claim_of_a_request_waiting_for_verification_is_refused() {
        refused(forwarded(), Transition.CLAIMED, r -> r.claim(HOLDER, "Petugas Uji"));
    }

    @Test
    void a_claim_of_a_claimed_request_names_its_holder() {
        RuleViolation refusal = Refusals.of(() -> inCheck().claim("other", "Petugas Lain"));
        assertThat(refusal.messageKeys()).containsExactly("kkprint.claim.taken");
        assertThat(Refusals.words(refusal, "kkprint", Locale.ENGLISH)).contains("Petugas Uji");
    }

    @Test
    void releasing_an_unclaimed_request_is_refused() {
        refused(submitted(), Transition.CLAIM_RELEASED, KkRequestEntity::releaseClaim);
    }

    @Test
    void forwarding_an_unclaimed_request_is_refused() {
        refused(submitted(), Transition.FORWARDED_TO_VERIFIER, r -> r.forward(HOLDER));
    }

    @Test
    void only_the_holder_forwards_or_returns() {
        KkRequestEntity request = inCheck();
        assertThat(Refusals.of(() -> request.forward("other")).messageKeys()).containsExactly("kkprint.claim.taken");
        assertThat(Refusals.of(() -> request.returnToCitizen("other")).messageKeys())
                .containsExactly("kkprint.claim.taken");
        assertThat(request.state()).isEqualTo(RequestState.IN_CHECK);
    }

    @Test
    void returning_a_forwarded_request_to_the_citizen_from_the_operators_desk_is_refused() {
        refused(forwarded(), Transition.RETURNED, r -> r.returnToCitizen(HOLDER));
    }

    @Test
    void verifying_a_request_still_in_check_is_refused() {
        refused(inCheck(), Transition.VERIFIED_FOR_SIGNATURE, r -> r.verify("{}"));
    }

    @Test
    void sending_back_a_verified_request_is_refused() {
        refused(verified(), Transition.SENT_BACK, KkRequestEntity::sendBack);
    }

    @Test
    void rejecting_a_request_not_forwarded_is_refused() {
        refused(submitted(), Transition.REJECTED_BY_VERIFIER, KkRequestEntity::reject);
    }

    @Test
    void signing_an_unverified_request_is_refused() {
        refused(forwarded(), Transition.SIGNED_BY_HEAD, KkRequestEntity::sign);
    }

    @Test
    void returning_a_signed_request_from_signing_is_refused() {
        refused(signed(), Transition.SIGNATURE_RETURNED, KkRequestEntity::returnSignature);
    }

    @Test
    void delivering_an_unsigned_request_is_refused() {
        refused(verified(), Transition.DELIVERED_BY_EMAIL, KkRequestEntity::deliver);
    }

    @Test
    void printing_an_undelivered_or_printed_request_is_refused() {
        refused(signed(), Transition.PRINTED_AT_KIOSK, KkRequestEntity::print);
        refused(printed(), Transition.PRINTED_AT_KIOSK, KkRequestEntity::print);
    }

    @Test
    void revoking_a_printed_request_is_refused() {
        refused(printed(), Transition.REVOKED_RELEASE, KkRequestEntity::revoke);
    }

    @Test
    void expiring_a_revoked_request_is_refused() {
        refused(revoked(), Transition.EXPIRED_RELEASE, KkRequestEntity::expire);
    }
}
