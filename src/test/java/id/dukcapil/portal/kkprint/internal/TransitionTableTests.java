package id.dukcapil.portal.kkprint.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.kkprint.Inbox;
import id.dukcapil.portal.kkprint.RequestState;
import id.dukcapil.portal.sla.SopStep;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The KK print request's one table of changes (issue 13, item 4), read as SOP B draws it. */
class TransitionTableTests {

    private static Set<Transition> moves() {
        return Arrays.stream(Transition.values()).filter(t -> t.kind() == Transition.Kind.MOVE)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Transition.class)));
    }

    @Test
    void every_change_has_an_audit_action_of_its_own() {
        assertThat(Arrays.stream(Transition.values()).map(Transition::auditAction))
                .doesNotHaveDuplicates().allMatch(action -> action.startsWith("kkprint."));
    }

    @Test
    void a_closed_request_never_moves_again_and_every_open_state_has_a_way_on() {
        for (Transition move : moves()) {
            assertThat(move.from()).as(move + " leaves").isNotNull().matches(RequestState::open);
            assertThat(move.to()).as(move + " enters").isNotNull();
        }
        Set<RequestState> left = moves().stream().map(Transition::from).collect(Collectors.toSet());
        for (RequestState state : RequestState.values()) {
            if (state.open() && state != RequestState.SUBMITTED) {
                assertThat(left).as(state + " has a way on").contains(state);
            }
        }
    }

    @Test
    void the_steps_follow_sop_b_from_the_operator_check_to_the_kiosk() {
        assertThat(Transition.SENT_BACK.enters()).isEqualTo(SopStep.B6_OPERATOR_CHECK);
        assertThat(Transition.FORWARDED_TO_VERIFIER.enters()).isEqualTo(SopStep.B7_VERIFICATION);
        assertThat(Transition.SIGNATURE_RETURNED.enters()).isEqualTo(SopStep.B7_VERIFICATION);
        assertThat(Transition.VERIFIED_FOR_SIGNATURE.enters()).isEqualTo(SopStep.B8_SIGNATURE);
        assertThat(Transition.SIGNED_BY_HEAD.enters()).isEqualTo(SopStep.B9_QR_PIN_EMAIL);
        assertThat(Transition.DELIVERED_BY_EMAIL.enters()).isEqualTo(SopStep.B10_ADM_PRINT);
        for (Transition move : moves()) {
            if (!move.to().open()) {
                assertThat(move.enters()).as(move + " closes the request: no step runs on").isNull();
            }
        }
    }

    @Test
    void a_request_waits_in_an_inbox_exactly_when_a_desk_must_act() {
        for (Transition move : moves()) {
            Inbox expected = switch (move.to()) {
                case SUBMITTED -> Inbox.OPERATOR;
                case FORWARDED -> Inbox.VERIFIER;
                default -> null;
            };
            assertThat(move.inbox()).as(move.toString()).isEqualTo(expected);
        }
    }

    @Test
    void only_the_operator_holding_a_request_forwards_or_returns_it() {
        assertThat(Arrays.stream(Transition.values()).filter(Transition::holderOnly))
                .containsExactlyInAnyOrder(Transition.FORWARDED_TO_VERIFIER, Transition.RETURNED);
    }

    @Test
    void the_citizen_reads_the_reason_of_what_closes_or_prints_the_request_never_an_office_note() {
        assertThat(Arrays.stream(Transition.values()).filter(Transition::reasonPublic))
                .containsExactlyInAnyOrder(Transition.RETURNED, Transition.REJECTED_BY_VERIFIER,
                        Transition.REVOKED_RELEASE, Transition.PRINTED_AT_KIOSK, Transition.REPRINTED);
    }
}
