package id.dukcapil.portal.recording.internal;

import static id.dukcapil.portal.recording.VisitState.QUEUED;
import static id.dukcapil.portal.recording.VisitState.RECORDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.dukcapil.portal.Refusals;
import id.dukcapil.portal.recording.Priority;
import id.dukcapil.portal.recording.Visit;
import id.dukcapil.portal.recording.VisitState;
import id.dukcapil.portal.recording.VisitTransition;
import id.dukcapil.portal.shared.RuleViolation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A recording visit's state machine (SOP C, issue 55 item 3), without the database: the table as the desks run it,
 * every change its state does not allow refused in words of both languages, every change it allows made.
 */
class VisitTransitionTableTests {

    private static final Instant AT = Instant.parse("2027-03-01T02:00:00Z");
    private static final List<Locale> LANGUAGES = List.of(Locale.of("id"), Locale.ENGLISH);

    @Test
    void the_table_says_which_change_is_allowed_from_which_state() {
        Map<VisitTransition, String> table = new EnumMap<>(VisitTransition.class);
        for (VisitTransition transition : VisitTransition.values()) {
            table.put(transition, transition.from().toString());
        }
        assertThat(table).containsExactlyEntriesOf(new EnumMap<>(Map.ofEntries(
                Map.entry(VisitTransition.CHECK_BIOMETRICS, "[CHECKING]"),
                Map.entry(VisitTransition.RETURN_DOCUMENTS, "[CHECKING]"),
                Map.entry(VisitTransition.FIND_RECORDED, "[BIOMETRIC_CHECK]"),
                Map.entry(VisitTransition.QUEUE, "[BIOMETRIC_CHECK]"),
                Map.entry(VisitTransition.REQUEUE, "[SENT_BACK]"),
                Map.entry(VisitTransition.ASK_TURN_NOTICE, "[QUEUED]"),
                Map.entry(VisitTransition.CALL, "[QUEUED]"),
                Map.entry(VisitTransition.TAKE_OVER, "[CALLED]"),
                Map.entry(VisitTransition.RECALL, "[CALLED]"),
                Map.entry(VisitTransition.MARK_ABSENT, "[CALLED]"),
                Map.entry(VisitTransition.BRING_BACK, "[ABSENT]"),
                Map.entry(VisitTransition.RECORD, "[CALLED]"),
                Map.entry(VisitTransition.SEND_BACK, "[CALLED]"),
                Map.entry(VisitTransition.HAND_PROOF, "[RECORDED]"),
                Map.entry(VisitTransition.CLOSE,
                        "[CHECKING, BIOMETRIC_CHECK, QUEUED, CALLED, ABSENT, SENT_BACK, RECORDED]"))));
        EnumSet<VisitState> everyState = EnumSet.copyOf(VisitTransition.open());
        everyState.addAll(VisitTransition.finished());
        assertThat(everyState).as("a visit is open or over, never both").containsExactly(VisitState.values());
        assertThat(VisitTransition.open()).doesNotContainAnyElementsOf(VisitTransition.finished());
        for (VisitTransition transition : VisitTransition.values()) {
            assertThat(transition.from()).as("nothing leads out of a visit that is over").allMatch(
                    state -> !state.finished());
        }
    }

    static Stream<Arguments> refused() {
        List<Arguments> refused = new ArrayList<>();
        for (VisitTransition transition : VisitTransition.values()) {
            for (VisitState state : VisitState.values()) {
                if (!transition.allowedFrom(state)) {
                    refused.add(Arguments.of(transition, state));
                }
            }
        }
        return refused.stream();
    }

    @ParameterizedTest(name = "{0} of a visit {1} is refused in words")
    @MethodSource("refused")
    void a_change_its_state_does_not_allow_is_refused_in_words(VisitTransition transition, VisitState state) {
        VisitEntity visit = visit(state);
        Visit before = visit.toRecord();
        assertThatThrownBy(() -> apply(transition, visit))
                .isInstanceOfSatisfying(RuleViolation.class, refused -> {
                    assertThat(refused.messageKeys()).containsExactly("recording.transition." + transition.name(),
                            "recording.stands." + state.name());
                    for (Locale language : LANGUAGES) {
                        assertThat(words(refused, language)).as("in %s", language)
                                .contains(before.ticket() == null ? before.fullName() : before.ticket())
                                .doesNotContain("recording.", transition.name(), "{0}");
                    }
                });
        assertThat(visit.toRecord()).as("nothing changed").isEqualTo(before);
    }

    @Test
    void the_refusal_says_what_was_refused_and_where_the_visit_stands() {
        assertThat(words(refusal(() -> visit(RECORDED).markAbsent()), Locale.of("id")))
                .isEqualTo("Nomor A-007 tidak dapat ditandai tidak hadir. Sudah terekam; bukti belum diserahkan.");
        assertThat(words(refusal(() -> visit(VisitState.CHECKING).awaitingNumber()), Locale.ENGLISH))
                .isEqualTo("No queue number can be given to Siti Nurhaliza. "
                        + "The documents are still being checked at the registration desk.");
    }

    static Stream<Arguments> allowed() {
        List<Arguments> allowed = new ArrayList<>();
        for (VisitTransition transition : VisitTransition.values()) {
            for (VisitState state : transition.from()) {
                allowed.add(Arguments.of(transition, state));
            }
        }
        return allowed.stream();
    }

    @ParameterizedTest(name = "{0} of a visit {1} is made")
    @MethodSource("allowed")
    void a_change_its_state_allows_is_made(VisitTransition transition, VisitState state) {
        VisitEntity visit = visit(state);
        apply(transition, visit);
        assertThat(visit.state()).isEqualTo(transition.to(state));
    }

    @Test
    void a_call_counts_the_wait_and_a_close_keeps_the_state_it_was_left_in() {
        VisitEntity visit = visit(QUEUED);
        visit.call("Meja 2", "perekaman", AT.plusSeconds(600));
        assertThat(visit.waits()).isEqualTo(1);
        assertThat(visit.waitedSeconds()).isEqualTo(600);
        visit.sendBack("perekaman", "Kamera mati", true);
        assertThat(visit.failures()).isEqualTo(1);
        visit.requeue(AT.plusSeconds(900));
        assertThat(visit.toRecord().desk()).as("waiting again: no desk").isNull();
        visit.close(AT.plusSeconds(3600), "system");
        assertThat(visit.toRecord().closedFrom()).isEqualTo(QUEUED);
        VisitEntity told = visit(QUEUED);
        told.askTurnNotice("EMAIL", "warga@contoh.id", "id");
        told.askTurnNotice("EMAIL", "benar@contoh.id", "id");
        assertThat(told.state()).as("a correction, still waiting").isEqualTo(QUEUED);
    }

    /** Each transition through the visit's own method: a new row fails to compile here until it has one. */
    private static void apply(VisitTransition transition, VisitEntity visit) {
        switch (transition) {
            case CHECK_BIOMETRICS -> visit.documentsInOrder();
            case RETURN_DOCUMENTS -> visit.returnDocuments("KK", AT);
            case FIND_RECORDED -> visit.foundRecorded("Sudah terekam di Soreang", AT);
            case QUEUE -> {
                visit.awaitingNumber();
                visit.queue(8, "A-008", Priority.ELDERLY, AT);
            }
            case REQUEUE -> visit.requeue(AT);
            case ASK_TURN_NOTICE -> visit.askTurnNotice("EMAIL", "warga@contoh.id", "id");
            case CALL -> visit.call("Meja 1", "perekaman", AT);
            case TAKE_OVER -> visit.takeOver("Meja 2", "perekaman2", AT);
            case RECALL -> visit.recall(AT);
            case MARK_ABSENT -> visit.markAbsent();
            case BRING_BACK -> visit.bringBack(AT);
            case RECORD -> visit.record("perekaman", AT, "BPR-1", "token");
            case SEND_BACK -> visit.sendBack("perekaman", "Sidik jari tidak terbaca", false);
            case HAND_PROOF -> visit.handProof(AT);
            case CLOSE -> visit.close(AT, "system");
        }
    }

    /** A visit brought to the state through its own methods, as the desks bring one there. */
    private static VisitEntity visit(VisitState state) {
        VisitEntity visit = new VisitEntity("UKL-320405", LocalDate.of(2027, 3, 1), "3204010101900001",
                "Siti Nurhaliza", "registrasi", AT);
        setId(visit);
        List<VisitTransition> path = switch (state) {
            case CHECKING -> List.of();
            case BIOMETRIC_CHECK -> List.of(VisitTransition.CHECK_BIOMETRICS);
            case DOCUMENTS_RETURNED -> List.of(VisitTransition.RETURN_DOCUMENTS);
            case ALREADY_RECORDED -> List.of(VisitTransition.CHECK_BIOMETRICS, VisitTransition.FIND_RECORDED);
            case QUEUED -> List.of(VisitTransition.CHECK_BIOMETRICS, VisitTransition.QUEUE);
            case CALLED -> List.of(VisitTransition.CHECK_BIOMETRICS, VisitTransition.QUEUE, VisitTransition.CALL);
            case ABSENT -> List.of(VisitTransition.CHECK_BIOMETRICS, VisitTransition.QUEUE, VisitTransition.CALL,
                    VisitTransition.MARK_ABSENT);
            case SENT_BACK -> List.of(VisitTransition.CHECK_BIOMETRICS, VisitTransition.QUEUE, VisitTransition.CALL,
                    VisitTransition.SEND_BACK);
            case RECORDED -> List.of(VisitTransition.CHECK_BIOMETRICS, VisitTransition.QUEUE, VisitTransition.CALL,
                    VisitTransition.RECORD);
            case PROOF_HANDED -> List.of(VisitTransition.CHECK_BIOMETRICS, VisitTransition.QUEUE,
                    VisitTransition.CALL, VisitTransition.RECORD, VisitTransition.HAND_PROOF);
            case CLOSED -> List.of(VisitTransition.CLOSE);
        };
        for (VisitTransition step : path) {
            if (step == VisitTransition.QUEUE) {
                visit.queue(7, "A-007", null, AT);
            } else {
                apply(step, visit);
            }
        }
        assertThat(visit.state()).isEqualTo(state);
        return visit;
    }

    /** The id the database would have given: the record of a visit names it. */
    private static void setId(VisitEntity visit) {
        try {
            var id = VisitEntity.class.getDeclaredField("id");
            id.setAccessible(true);
            id.set(visit, 41L);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RuleViolation refusal(Runnable change) {
        return Refusals.of(change);
    }

    private static String words(RuleViolation refused, Locale language) {
        return Refusals.words(refused, "recording", language);
    }
}
