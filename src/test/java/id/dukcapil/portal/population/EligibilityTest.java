package id.dukcapil.portal.population;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.shared.Finding;
import id.dukcapil.portal.shared.KkNumber;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.Sex;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The eligibility rules of SOP A–D on their boundary days. */
class EligibilityTest {

    private static final LocalDate BORN = LocalDate.of(2009, 11, 21);
    private static final LocalDate SEVENTEENTH = LocalDate.of(2026, 11, 21);
    private static final LocalDate SIXTEENTH = LocalDate.of(2025, 11, 21);

    @Test
    void recording_is_open_on_the_17th_birthday_itself() {
        assertThat(Eligibility.ktpRecording(BORN, MaritalStatus.NEVER_MARRIED, SEVENTEENTH)).isEqualTo(Verdict.yes());
    }

    @Test
    void recording_is_refused_the_day_before_the_17th_birthday_naming_the_day() {
        Verdict verdict = Eligibility.ktpRecording(BORN, MaritalStatus.NEVER_MARRIED, SEVENTEENTH.minusDays(1));

        assertThat(verdict.eligible()).isFalse();
        assertThat(verdict.reason()).isEqualTo(Finding.of("population.eligibility.recording.too-young", "21/11/2026"));
    }

    @ParameterizedTest
    @EnumSource(value = MaritalStatus.class, names = {"MARRIED", "DIVORCED", "WIDOWED"})
    void anyone_ever_married_is_recorded_whatever_the_age(MaritalStatus status) {
        assertThat(Eligibility.ktpRecording(BORN, status, SIXTEENTH).eligible()).isTrue();
    }

    @Test
    void a_child_of_the_29th_of_february_turns_17_on_the_1st_of_march_of_a_common_year() {
        LocalDate leapDay = LocalDate.of(2008, 2, 29);

        assertThat(Eligibility.birthday(leapDay, 17)).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(Eligibility.ageOn(leapDay, LocalDate.of(2025, 2, 28))).isEqualTo(16);
        assertThat(Eligibility.ageOn(leapDay, LocalDate.of(2025, 3, 1))).isEqualTo(17);
        assertThat(Eligibility.ktpRecording(leapDay, MaritalStatus.NEVER_MARRIED, LocalDate.of(2025, 2, 28)).eligible())
                .isFalse();
        assertThat(Eligibility.ktpRecording(leapDay, MaritalStatus.NEVER_MARRIED, LocalDate.of(2025, 3, 1)).eligible())
                .isTrue();
        assertThat(Eligibility.birthday(leapDay, 16)).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @Test
    void school_recording_is_open_on_the_16th_birthday_and_refused_the_day_before() {
        assertThat(Eligibility.schoolRecording(BORN, SIXTEENTH).eligible()).isTrue();
        assertThat(Eligibility.schoolRecording(BORN, SIXTEENTH.minusDays(1)).reason())
                .isEqualTo(Finding.of("population.eligibility.school.too-young", "21/11/2025"));
    }

    @Test
    void a_card_recorded_at_school_is_printed_on_the_17th_birthday_not_the_day_before() {
        assertThat(Eligibility.schoolCardPrinting(BORN, EnrolmentStatus.PRINT_READY, SEVENTEENTH).eligible()).isTrue();
        assertThat(Eligibility.schoolCardPrinting(BORN, EnrolmentStatus.PRINT_READY, SEVENTEENTH.minusDays(1)).reason())
                .isEqualTo(Finding.of("population.eligibility.school.print-before-17", "21/11/2026"));
        assertThat(Eligibility.schoolCardPrinting(BORN, EnrolmentStatus.SENT_FOR_ENROLMENT, SEVENTEENTH).reason())
                .isEqualTo(Finding.of("population.eligibility.print.not-ready.SENT_FOR_ENROLMENT"));
    }

    @Test
    void only_a_print_ready_record_is_printed() {
        assertThat(Eligibility.cardPrinting(EnrolmentStatus.PRINT_READY).eligible()).isTrue();
        for (EnrolmentStatus status : EnumSet.complementOf(EnumSet.of(EnrolmentStatus.PRINT_READY))) {
            assertThat(Eligibility.cardPrinting(status).eligible()).as(status.name()).isFalse();
        }
    }

    @Test
    void a_duplicate_record_is_never_printed_and_says_why() {
        assertThat(Eligibility.cardPrinting(EnrolmentStatus.DUPLICATE_RECORD).reason())
                .isEqualTo(Finding.of("population.eligibility.print.duplicate"));
    }

    @ParameterizedTest
    @EnumSource(value = Relationship.class, names = {"HEAD", "HUSBAND", "WIFE", "CHILD"})
    void the_head_husband_wife_or_a_child_may_request_the_kk_print(Relationship relationship) {
        assertThat(Eligibility.kkPrintRequest(member(7, relationship), family(7)).eligible()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = Relationship.class, names = {"CHILD_IN_LAW", "GRANDCHILD", "PARENT", "PARENT_IN_LAW",
            "OTHER_RELATIVE", "HOUSEHOLD_HELPER", "OTHER"})
    void other_members_may_not_request_the_kk_print(Relationship relationship) {
        assertThat(Eligibility.kkPrintRequest(member(7, relationship), family(7)).reason())
                .isEqualTo(Finding.of("population.eligibility.kk-print.relationship"));
    }

    @Test
    void the_head_of_another_family_may_not_request_this_kk_print() {
        assertThat(Eligibility.kkPrintRequest(member(8, Relationship.HEAD), family(7)).reason())
                .isEqualTo(Finding.of("population.eligibility.kk-print.not-a-member", "320437******0007"));
    }

    @Test
    void the_enrolment_lifecycle_moves_one_step_at_a_time_and_a_duplicate_is_final() {
        assertThat(EnrolmentStatus.NOT_RECORDED.canMoveTo(EnrolmentStatus.PRINT_READY)).isFalse();
        assertThat(EnrolmentStatus.NOT_RECORDED.canMoveTo(EnrolmentStatus.BIOMETRICS_CAPTURED)).isTrue();
        assertThat(EnrolmentStatus.SENT_FOR_ENROLMENT.next()).containsExactlyInAnyOrder(EnrolmentStatus.PRINT_READY,
                EnrolmentStatus.ENROLMENT_FAILED, EnrolmentStatus.DUPLICATE_RECORD);
        assertThat(EnrolmentStatus.ENROLMENT_FAILED.canMoveTo(EnrolmentStatus.BIOMETRICS_CAPTURED)).isTrue();
        assertThat(EnrolmentStatus.DUPLICATE_RECORD.next()).isEmpty();
    }

    private static Resident member(long familyId, Relationship relationship) {
        return new Resident(1, FamilyId.of(familyId), Nik.compose("320437", BORN, Sex.MALE, 1), "Asep Saepudin", "Bandung", BORN,
                Sex.MALE, Religion.ISLAM, MaritalStatus.NEVER_MARRIED, relationship, Education.SENIOR_SECONDARY,
                "Pelajar/Mahasiswa", null, null, null, null, EnrolmentStatus.NOT_RECORDED);
    }

    private static Family family(long id) {
        return new Family(FamilyId.of(id), KkNumber.of("3204371503150007"), new Address("Kp. Babakan", "001", "002", "32.04.37.2001"),
                List.of());
    }
}
