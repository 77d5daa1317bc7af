package id.dukcapil.portal.ikd.internal;

import id.dukcapil.portal.Refusals;
import id.dukcapil.portal.shared.RuleViolation;
import static id.dukcapil.portal.ikd.RegistrationState.ACTIVATED;
import static id.dukcapil.portal.ikd.RegistrationState.FACE_PASSED;
import static id.dukcapil.portal.ikd.RegistrationState.LOCKED;
import static id.dukcapil.portal.ikd.RegistrationState.NEEDS_OFFICER;
import static id.dukcapil.portal.ikd.RegistrationState.PIN_SENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.dukcapil.portal.ikd.IkdRefusal;
import id.dukcapil.portal.ikd.IkdRefusal.Code;
import id.dukcapil.portal.ikd.RegistrationState;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An IKD registration's state machine (SOP E, issue 55 item 3), without the database: the table as the desk runs it,
 * every change its state does not allow refused in words of both languages with the code the app reads, and every
 * change it allows made.
 */
class RegistrationTransitionTableTests {

    private static final Instant AT = Instant.parse("2027-03-01T02:00:00Z");
    private static final BigDecimal SCORE = new BigDecimal("0.9");
    private static final Duration PIN_VALIDITY = Duration.ofMinutes(15);
    private static final List<Locale> LANGUAGES = List.of(Locale.of("id"), Locale.ENGLISH);

    @Test
    void the_table_says_which_change_is_allowed_from_which_state() {
        Map<RegistrationTransition, String> table = new EnumMap<>(RegistrationTransition.class);
        for (RegistrationTransition transition : RegistrationTransition.values()) {
            table.put(transition, transition.from().toString());
        }
        assertThat(table).containsExactlyEntriesOf(new EnumMap<>(Map.ofEntries(
                Map.entry(RegistrationTransition.PASS_FACE, "[REGISTERED, FACE_FAILED]"),
                Map.entry(RegistrationTransition.FAIL_FACE, "[REGISTERED, FACE_FAILED]"),
                Map.entry(RegistrationTransition.FAIL_FACE_LAST, "[REGISTERED, FACE_FAILED]"),
                Map.entry(RegistrationTransition.SHOW_QR, "[FACE_PASSED, PIN_SENT]"),
                Map.entry(RegistrationTransition.SEND_PIN, "[FACE_PASSED, PIN_SENT]"),
                Map.entry(RegistrationTransition.REFUSE_PIN, "[PIN_SENT]"),
                Map.entry(RegistrationTransition.LOCK, "[PIN_SENT]"),
                Map.entry(RegistrationTransition.ACTIVATE, "[PIN_SENT]"),
                Map.entry(RegistrationTransition.ASK_TO_RETRY_LATER, "[NEEDS_OFFICER]"),
                Map.entry(RegistrationTransition.REFER, "[NEEDS_OFFICER]"),
                Map.entry(RegistrationTransition.EXPIRE,
                        "[REGISTERED, FACE_FAILED, NEEDS_OFFICER, FACE_PASSED, PIN_SENT]"),
                Map.entry(RegistrationTransition.ARCHIVE, "[ACTIVATED]"))));
    }

    static Stream<Arguments> refused() {
        List<Arguments> refused = new ArrayList<>();
        for (RegistrationTransition transition : RegistrationTransition.values()) {
            for (RegistrationState state : RegistrationState.values()) {
                if (!transition.allowedFrom(state)) {
                    refused.add(Arguments.of(transition, state));
                }
            }
        }
        return refused.stream();
    }

    @ParameterizedTest(name = "{0} of a registration {1} is refused in words")
    @MethodSource("refused")
    void a_change_its_state_does_not_allow_is_refused_in_words(RegistrationTransition transition,
                                                                RegistrationState state) {
        RegistrationEntity registration = registration(state);
        long faceAttempts = registration.faceAttempts();
        assertThatThrownBy(() -> apply(transition, registration))
                .isInstanceOfSatisfying(IkdRefusal.class, refused -> {
                    assertThat(refused.code()).isEqualTo(transition.refusedAs(state));
                    if (refused.code() == Code.WRONG_STATE) {
                        assertThat(refused.messageKeys()).containsExactly("ikd.refusal.WRONG_STATE",
                                "ikd.transition." + transition.name(), "ikd.stands." + state.name());
                    }
                    for (Locale language : LANGUAGES) {
                        assertThat(words(refused, language)).as("in %s", language)
                                .doesNotContain("ikd.", transition.name(), state.name(), "{0}");
                    }
                });
        assertThat(registration.state()).as("nothing changed").isEqualTo(state);
        assertThat(registration.faceAttempts()).as("nothing counted").isEqualTo(faceAttempts);
    }

    @Test
    void the_refusal_says_what_was_refused_and_where_the_registration_stands() {
        assertThat(words(refusal(() -> registration(ACTIVATED).refer()), Locale.of("id"))).isEqualTo(
                "Langkah ini tidak dapat dilakukan sekarang. Warga tidak dapat dirujuk ke pencatatan. IKD warga sudah aktif.");
        assertThat(words(refusal(() -> registration(FACE_PASSED).archive(AT, "ikd", "ALL")), Locale.ENGLISH))
                .isEqualTo("This step cannot be taken now. The activation cannot be archived. "
                        + "The face is verified; the QR code has not been scanned yet.");
        assertThat(refusal(() -> registration(NEEDS_OFFICER).faceChecked(true, SCORE, 3)).code())
                .as("the app reads why it may not try again").isEqualTo(Code.FACE_CHECK_EXHAUSTED);
        assertThat(refusal(() -> registration(LOCKED).activate(AT)).code()).isEqualTo(Code.PIN_LOCKED);
    }

    static Stream<Arguments> allowed() {
        List<Arguments> allowed = new ArrayList<>();
        for (RegistrationTransition transition : RegistrationTransition.values()) {
            for (RegistrationState state : transition.from()) {
                allowed.add(Arguments.of(transition, state));
            }
        }
        return allowed.stream();
    }

    @ParameterizedTest(name = "{0} of a registration {1} is made")
    @MethodSource("allowed")
    void a_change_its_state_allows_is_made(RegistrationTransition transition, RegistrationState state) {
        RegistrationEntity registration = registration(state);
        if (transition == RegistrationTransition.SHOW_QR && state == PIN_SENT) { // for a PIN that ran out
            registration.showQr("qr-hash", AT.plusSeconds(3600), "ikd", AT.plus(PIN_VALIDITY));
        } else {
            if (transition == RegistrationTransition.SEND_PIN) { // the code the phone scans
                registration.showQr("qr-hash", AT.plusSeconds(3600), "ikd", AT.plus(PIN_VALIDITY));
            }
            apply(transition, registration);
        }
        assertThat(registration.state()).isEqualTo(transition.to(state));
    }

    @Test
    void a_new_qr_code_replaces_only_a_pin_that_ran_out() {
        RegistrationEntity waitingForPin = registration(PIN_SENT);
        assertThat(refusal(() -> waitingForPin.showQr("new", AT.plusSeconds(180), "ikd", AT)).messageKeys())
                .containsExactly("ikd.refusal.WRONG_STATE", "ikd.transition.SHOW_QR", "ikd.stands.PIN_SENT");
        waitingForPin.showQr("new", AT.plusSeconds(3600), "ikd", AT.plus(PIN_VALIDITY));
        assertThat(waitingForPin.qrHash()).isEqualTo("new");
    }

    @Test
    void a_used_qr_code_sends_no_second_pin_and_the_ends_unactivated_free_the_nik() {
        RegistrationEntity scanned = registration(PIN_SENT);
        assertThat(refusal(() -> scanned.sendPin("qr-hash", "other pin", AT)).code()).as("single use")
                .isEqualTo(Code.QR_INVALID);
        assertThat(scanned.wrongPin(2)).isFalse();
        assertThat(scanned.wrongPin(2)).as("the second of two locks").isTrue();
        assertThat(scanned.state()).isEqualTo(LOCKED);
        for (RegistrationTransition transition : RegistrationTransition.values()) {
            assertThat(transition.freesNik()).as(transition.name()).isEqualTo(Set.of(RegistrationTransition.LOCK,
                    RegistrationTransition.ASK_TO_RETRY_LATER, RegistrationTransition.REFER,
                    RegistrationTransition.EXPIRE).contains(transition));
        }
    }

    /** Each transition through the registration's own method: a new row fails to compile here until it has one. */
    private static void apply(RegistrationTransition transition, RegistrationEntity registration) {
        switch (transition) {
            case PASS_FACE -> registration.faceChecked(true, SCORE, 3);
            case FAIL_FACE -> registration.faceChecked(false, SCORE, 99);
            case FAIL_FACE_LAST -> registration.faceChecked(false, SCORE, 1);
            case SHOW_QR -> registration.showQr("qr-hash", AT.plusSeconds(180), "ikd", AT);
            case SEND_PIN -> registration.sendPin("qr-hash", "pin-hash", AT.plus(PIN_VALIDITY));
            case REFUSE_PIN -> registration.wrongPin(99);
            case LOCK -> registration.wrongPin(1);
            case ACTIVATE -> registration.activate(AT);
            case ASK_TO_RETRY_LATER -> registration.askToRetryLater();
            case REFER -> registration.refer();
            case EXPIRE -> registration.expire();
            case ARCHIVE -> registration.archive(AT, "ikd", "ALL");
        }
    }

    /** A registration brought to the state through its own methods, as the app and the desk bring one there. */
    private static RegistrationEntity registration(RegistrationState state) {
        RegistrationEntity registration = new RegistrationEntity();
        switch (state) {
            case REGISTERED -> { }
            case FACE_FAILED -> registration.faceChecked(false, SCORE, 3);
            case NEEDS_OFFICER -> registration.faceChecked(false, SCORE, 1);
            case FACE_PASSED -> registration.faceChecked(true, SCORE, 3);
            case PIN_SENT -> {
                registration = registration(FACE_PASSED);
                registration.showQr("qr-hash", AT.plusSeconds(180), "ikd", AT);
                registration.sendPin("qr-hash", "pin-hash", AT.plus(PIN_VALIDITY));
            }
            case ACTIVATED -> {
                registration = registration(PIN_SENT);
                registration.activate(AT);
            }
            case LOCKED -> {
                registration = registration(PIN_SENT);
                registration.wrongPin(1);
            }
            case RETRY_LATER -> {
                registration = registration(NEEDS_OFFICER);
                registration.askToRetryLater();
            }
            case REFERRED -> {
                registration = registration(NEEDS_OFFICER);
                registration.refer();
            }
            case EXPIRED -> registration.expire();
            case ARCHIVED -> {
                registration = registration(ACTIVATED);
                registration.archive(AT, "ikd", "ALL");
            }
        }
        assertThat(registration.state()).isEqualTo(state);
        return registration;
    }

    private static IkdRefusal refusal(Runnable change) {
        return Refusals.of(IkdRefusal.class, change);
    }

    private static String words(RuleViolation refused, Locale language) {
        return Refusals.words(refused, "ikd", language);
    }
}
