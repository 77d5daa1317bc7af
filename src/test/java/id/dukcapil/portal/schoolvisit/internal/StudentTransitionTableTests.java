package id.dukcapil.portal.schoolvisit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.Refusals;
import id.dukcapil.portal.schoolvisit.EndReason;
import id.dukcapil.portal.schoolvisit.FieldStep;
import id.dukcapil.portal.schoolvisit.StudentState;
import id.dukcapil.portal.shared.RuleViolation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A school-visit student's state machine (issue 55 item 3), without the database: the table as SOP D runs it, every
 * change a student's state does not allow refused in words of both languages with the student left as they were,
 * and every change it allows made.
 */
class StudentTransitionTableTests {

    private static final Instant AT = Instant.parse("2027-03-01T02:00:00Z");
    private static final String NAME = "Siti Aminah";

    /** Each transition's method on the entity. */
    private static final Map<StudentTransition, Consumer<StudentEntity>> METHOD = new EnumMap<>(Map.ofEntries(
            Map.entry(StudentTransition.BEGIN, student -> student.begin(7)),
            Map.entry(StudentTransition.NOT_RECORDED, StudentEntity::notRecorded),
            Map.entry(StudentTransition.FOUND_RECORDED, student -> student.foundRecorded("petugas", AT)),
            Map.entry(StudentTransition.REGISTRY_MATCHES, StudentEntity::registryMatches),
            Map.entry(StudentTransition.REGISTRY_DIFFERS, StudentEntity::registryDiffers),
            Map.entry(StudentTransition.CORRECTED, student -> student.corrected(LocalDate.of(2010, 5, 1), NAME)),
            Map.entry(StudentTransition.RECORDED, student -> student.recorded("petugas", AT)),
            Map.entry(StudentTransition.ENDED_AT_VISIT,
                    student -> student.endAtVisit(EndReason.DUPLICATE_RECORD, "petugas", AT)),
            Map.entry(StudentTransition.ENDED_WAITING, student -> student.endWaiting(EndReason.ENROLMENT_FAILED)),
            Map.entry(StudentTransition.PRINT, student -> student.printed("operator", AT)),
            Map.entry(StudentTransition.LIST_ON_HANDOVER, student -> student.listOn(3)),
            Map.entry(StudentTransition.HAND_OVER, StudentEntity::handedOver)));

    /** Every place a student can stand, each reached by the changes SOP D makes. */
    private static final Map<String, List<StudentTransition>> PLACES = new LinkedHashMap<>();

    static {
        PLACES.put("ON_ROSTER", List.of());
        PLACES.put("ON_ROSTER/STATUS", List.of(StudentTransition.BEGIN));
        PLACES.put("ON_ROSTER/SIAK", List.of(StudentTransition.BEGIN, StudentTransition.NOT_RECORDED));
        PLACES.put("ON_ROSTER/UPDATE", List.of(StudentTransition.BEGIN, StudentTransition.NOT_RECORDED,
                StudentTransition.REGISTRY_DIFFERS));
        PLACES.put("ON_ROSTER/RECORDING", List.of(StudentTransition.BEGIN, StudentTransition.NOT_RECORDED,
                StudentTransition.REGISTRY_MATCHES));
        PLACES.put("WAITING", List.of(StudentTransition.BEGIN, StudentTransition.FOUND_RECORDED));
        PLACES.put("PRINTED", List.of(StudentTransition.BEGIN, StudentTransition.FOUND_RECORDED,
                StudentTransition.PRINT));
        PLACES.put("HANDED_OVER", List.of(StudentTransition.BEGIN, StudentTransition.FOUND_RECORDED,
                StudentTransition.PRINT, StudentTransition.LIST_ON_HANDOVER, StudentTransition.HAND_OVER));
        PLACES.put("ENDED", List.of(StudentTransition.BEGIN, StudentTransition.ENDED_AT_VISIT));
    }

    @Test
    void the_table_says_which_change_is_allowed_from_where() {
        Map<StudentTransition, List<String>> table = new EnumMap<>(StudentTransition.class);
        for (StudentTransition transition : StudentTransition.values()) {
            table.put(transition, PLACES.keySet().stream()
                    .filter(place -> transition.allowedFrom(at(place).state(), at(place).fieldStep()))
                    .map(place -> place + " → " + where(afterAllowed(place, transition))).toList());
        }
        assertThat(table).containsExactlyEntriesOf(new EnumMap<>(Map.ofEntries(
                Map.entry(StudentTransition.BEGIN, List.of("ON_ROSTER → ON_ROSTER/STATUS")),
                Map.entry(StudentTransition.NOT_RECORDED, List.of("ON_ROSTER/STATUS → ON_ROSTER/SIAK")),
                Map.entry(StudentTransition.FOUND_RECORDED, List.of("ON_ROSTER/STATUS → WAITING")),
                Map.entry(StudentTransition.REGISTRY_MATCHES, List.of("ON_ROSTER/SIAK → ON_ROSTER/RECORDING")),
                Map.entry(StudentTransition.REGISTRY_DIFFERS, List.of("ON_ROSTER/SIAK → ON_ROSTER/UPDATE")),
                Map.entry(StudentTransition.CORRECTED, List.of("ON_ROSTER/UPDATE → ON_ROSTER/RECORDING")),
                Map.entry(StudentTransition.RECORDED, List.of("ON_ROSTER/RECORDING → WAITING")),
                Map.entry(StudentTransition.ENDED_AT_VISIT, List.of("ON_ROSTER → ENDED", "ON_ROSTER/STATUS → ENDED",
                        "ON_ROSTER/SIAK → ENDED", "ON_ROSTER/UPDATE → ENDED", "ON_ROSTER/RECORDING → ENDED")),
                Map.entry(StudentTransition.ENDED_WAITING, List.of("WAITING → ENDED")),
                Map.entry(StudentTransition.PRINT, List.of("WAITING → PRINTED")),
                Map.entry(StudentTransition.LIST_ON_HANDOVER, List.of("PRINTED → PRINTED")),
                Map.entry(StudentTransition.HAND_OVER, List.of("PRINTED → HANDED_OVER")))));
        assertThat(Stream.of(StudentTransition.values()).filter(t -> t.allowedFrom(StudentState.HANDED_OVER, null)
                || t.allowedFrom(StudentState.ENDED, null))).as("a student handed over or ended is done for good")
                .isEmpty();
    }

    static Stream<Arguments> refused() {
        List<Arguments> cases = new ArrayList<>();
        for (StudentTransition transition : StudentTransition.values()) {
            for (String place : PLACES.keySet()) {
                StudentEntity student = at(place);
                if (!transition.allowedFrom(student.state(), student.fieldStep())) {
                    cases.add(Arguments.of(transition, place));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} from {1} is refused")
    @MethodSource("refused")
    void a_change_the_students_state_does_not_allow_is_refused_in_words_and_changes_nothing(
            StudentTransition transition, String place) {
        StudentEntity student = at(place);

        RuleViolation refused = refusal(() -> METHOD.get(transition).accept(student));

        assertThat(refused.messageKeys()).first().isEqualTo(transition.refusalKey());
        assertThat(where(student)).as("the student stays where they stood").isEqualTo(place);
        for (Locale language : List.of(Locale.of("id"), Locale.ENGLISH)) {
            assertThat(words(refused, language)).contains(NAME).doesNotContain("{", "schoolvisit.");
        }
    }

    @Test
    void a_card_on_one_handover_record_is_listed_on_no_other() {
        StudentEntity student = at("PRINTED");
        student.listOn(3);

        RuleViolation refused = refusal(() -> student.listOn(4));

        assertThat(refused.messageKeys()).containsExactly("schoolvisit.transition.LIST_ON_HANDOVER.listed");
        assertThat(words(refused, Locale.ENGLISH)).isEqualTo(NAME + "’s KTP-el is already listed on another handover record.");
        assertThat(words(refused, Locale.of("id"))).isEqualTo("KTP-el " + NAME + " sudah tercantum di berita acara lain.");
    }

    @Test
    void a_printed_card_refused_again_says_what_and_where_the_student_stands_in_both_languages() {
        StudentEntity student = at("PRINTED");

        RuleViolation refused = refusal(() -> student.printed("operator", AT));

        assertThat(words(refused, Locale.of("id")))
                .isEqualTo("KTP-el " + NAME + " tidak dapat dicetak: KTP-el siswa sudah dicetak.");
        assertThat(words(refused, Locale.ENGLISH))
                .isEqualTo(NAME + "’s KTP-el cannot be printed: the student’s KTP-el is printed already.");
    }

    private static StudentEntity at(String place) {
        StudentEntity student = new StudentEntity(1, "3201014501100001", NAME, LocalDate.of(2010, 1, 5), "XI IPA 1",
                AT);
        PLACES.get(place).forEach(transition -> METHOD.get(transition).accept(student));
        return student;
    }

    private static StudentEntity afterAllowed(String place, StudentTransition transition) {
        StudentEntity student = at(place);
        METHOD.get(transition).accept(student);
        return student;
    }

    private static String where(StudentEntity student) {
        @Nullable FieldStep step = student.fieldStep();
        return student.state() + (step == null ? "" : "/" + step);
    }

    private static RuleViolation refusal(Runnable change) {
        return Refusals.of(change);
    }

    private static String words(RuleViolation refused, Locale language) {
        return Refusals.words(refused, "schoolvisit", language);
    }
}
