package id.dukcapil.portal.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.shared.KkNumber;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.Sex;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.jdbc.core.JdbcTemplate;

/** The local SIAK adapter against the embedded MariaDB, on the demo population the demo profile generates. */
@PortalTest
class PopulationRegistryTests {

    @Autowired PopulationRegistry registry;
    @Autowired JdbcTemplate jdbc;

    @Test
    void the_demo_profile_generates_a_small_kabupaten_bandung_at_first_start() {
        // Import tests load other regencies (Bandung Barat) into the same database; the demo's is Kabupaten Bandung.
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM population_family WHERE village_code LIKE '32.04.%'",
                Long.class)).isEqualTo(2_000);
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM population_resident r JOIN population_family f ON f.id = r.family_id
                WHERE f.village_code LIKE '32.04.%'""", Long.class)).isBetween(5_500L, 6_800L);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM population_family WHERE seen_import IS NULL "
                + "AND village_code NOT LIKE '32.04.%'", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM shared_region_village", Long.class)).isGreaterThan(80_000);
    }

    @Test
    void every_stored_nik_agrees_with_its_resident() {
        List<Resident> disagreeing = jdbc.query("SELECT nik, birth_date, sex FROM population_resident",
                (rs, row) -> Nik.of(rs.getString(1)).disagreementsWith(rs.getObject(2, LocalDate.class),
                        Sex.valueOf(rs.getString(3))).isEmpty() ? null : registry.findByNik(Nik.of(rs.getString(1))).orElseThrow())
                .stream().filter(java.util.Objects::nonNull).toList();
        // Only residents that a test corrected from a birth certificate may disagree.
        assertThat(disagreeing).allSatisfy(resident -> assertThat(resident.fullName()).isNotBlank());
        assertThat(disagreeing.size()).isLessThanOrEqualTo(1);
    }

    @Test
    void a_resident_is_found_by_nik_and_the_family_lists_the_head_first() {
        String nik = firstNik("relationship = 'CHILD'");

        Resident child = registry.findByNik(Nik.of(nik)).orElseThrow();
        Family family = registry.findFamily(child.familyId()).orElseThrow();

        assertThat(child.nik().value()).isEqualTo(nik);
        assertThat(family.members()).contains(child);
        assertThat(family.members().getFirst().relationship()).isEqualTo(Relationship.HEAD);
        assertThat(registry.findFamily(family.kkNumber())).contains(family);
    }

    @Test
    void a_person_is_proven_by_the_nik_together_with_the_family_card_s_number_only() {
        String nik = firstNik("relationship = 'CHILD'");
        Resident child = registry.findByNik(Nik.of(nik)).orElseThrow();
        KkNumber own = registry.findFamily(child.familyId()).orElseThrow().kkNumber();
        KkNumber another = KkNumber.of(jdbc.queryForObject(
                "SELECT kk_number FROM population_family WHERE kk_number <> ? ORDER BY id LIMIT 1", String.class, own.value()));

        assertThat(registry.findMember(own, Nik.of(nik))).contains(child);
        assertThat(registry.findMember(another, Nik.of(nik))).as("another family's card").isEmpty();
        assertThat(registry.findMember(own, Nik.of("3204370101010001"))).as("a NIK not in the register").isEmpty();
    }

    @Test
    void an_unknown_nik_or_kk_number_finds_nothing() {
        assertThat(registry.findByNik(Nik.of("3204370101010001"))).isEmpty();
        assertThat(registry.findFamily(KkNumber.of("3204370101010001"))).isEmpty();
        assertThat(registry.printEligibility(Nik.of("3204370101010001")).reason().messageKey())
                .isEqualTo("population.nik.unknown");
    }

    @Test
    void name_search_matches_the_start_of_the_name_ignoring_case_and_pages_without_counting() {
        String name = jdbc.queryForObject("SELECT full_name FROM population_resident ORDER BY id LIMIT 1", String.class);
        String prefix = name.substring(0, 4).toLowerCase();

        Slice<Resident> first = registry.findByName(prefix, PageRequest.of(0, 5));
        Slice<Resident> second = registry.findByName(prefix, PageRequest.of(1, 5));

        assertThat(first.getContent()).hasSize(5).allSatisfy(resident ->
                assertThat(Resident.nameKey(resident.fullName())).startsWith(Resident.nameKey(prefix)));
        assertThat(first.hasNext()).isTrue();
        assertThat(second.getContent()).doesNotContainAnyElementsOf(first.getContent());
        assertThat(registry.findByName("Xq", PageRequest.of(0, 5)).getContent()).isEmpty();
    }

    @Test
    void a_correction_from_the_birth_certificate_is_audited_with_before_and_after() {
        Resident before = registry.findByNik(Nik.of(lastNik("relationship = 'CHILD' AND birth_date < '2015-01-01'")))
                .orElseThrow();
        LocalDate corrected = before.birthDate().plusDays(9);

        Resident after = registry.correct(before.nik(), ResidentCorrection.none().withBirthDate(corrected)
                .withBirthPlace("Soreang"), ChangeReason.BIRTH_CERTIFICATE, "akta 3204-LT-12032009-0042");

        assertThat(registry.findByNik(before.nik())).contains(after);
        assertThat(after.birthDate()).isEqualTo(corrected);
        assertThat(after.nikDisagreements()).extracting(finding -> finding.messageKey())
                .containsExactly("nik.disagrees.birth-date");
        String detail = jdbc.queryForObject("""
                SELECT detail FROM audit_entry WHERE action = 'population.resident.corrected' AND subject_id = ?
                ORDER BY seq DESC LIMIT 1""", String.class, before.nik().value());
        assertThat(detail).contains("reason=BIRTH_CERTIFICATE")
                .contains("birth_date: " + before.birthDate() + " → " + corrected)
                .contains("birth_place: " + before.birthPlace() + " → Soreang")
                .contains("akta 3204-LT-12032009-0042");
    }

    @Test
    void a_correction_that_changes_nothing_is_refused() {
        Resident resident = registry.findByNik(Nik.of(lastNik("relationship = 'HEAD'"))).orElseThrow();

        assertThatThrownBy(() -> registry.correct(resident.nik(), ResidentCorrection.none()
                .withFullName(resident.fullName()), ChangeReason.RESIDENT_STATEMENT, ""))
                .isInstanceOf(RuleViolation.class).hasMessage("population.change.nothing");
    }

    @Test
    void the_enrolment_status_follows_the_lifecycle_and_each_step_is_audited() {
        Nik nik = Nik.of(lastNik("enrolment_status = 'NOT_RECORDED' AND birth_date < '2000-01-01'"));

        assertThatThrownBy(() -> registry.changeEnrolmentStatus(nik, EnrolmentStatus.PRINT_READY, ""))
                .isInstanceOf(RuleViolation.class).hasMessage("population.enrolment.not-allowed");
        registry.changeEnrolmentStatus(nik, EnrolmentStatus.BIOMETRICS_CAPTURED, "UKL Soreang");
        registry.changeEnrolmentStatus(nik, EnrolmentStatus.SENT_FOR_ENROLMENT, "");
        assertThat(registry.printEligibility(nik).reason().messageKey())
                .isEqualTo("population.eligibility.print.not-ready.SENT_FOR_ENROLMENT");
        registry.changeEnrolmentStatus(nik, EnrolmentStatus.PRINT_READY, "");

        assertThat(registry.printEligibility(nik).eligible()).isTrue();
        assertThat(jdbc.queryForList("SELECT detail FROM audit_entry WHERE action = 'population.enrolment.changed' "
                + "AND subject_id = ? ORDER BY seq", String.class, nik.value())).containsExactly(
                "reason=ENROLMENT; enrolment_status: NOT_RECORDED → BIOMETRICS_CAPTURED; note: UKL Soreang",
                "reason=ENROLMENT; enrolment_status: BIOMETRICS_CAPTURED → SENT_FOR_ENROLMENT",
                "reason=ENROLMENT; enrolment_status: SENT_FOR_ENROLMENT → PRINT_READY");
    }

    @Test
    void a_card_is_printed_for_a_print_ready_record_and_added_to_the_history() {
        Nik nik = Nik.of(lastNik("enrolment_status = 'PRINT_READY' AND birth_date < '2000-01-01'"));
        int printed = registry.cardHistory(nik).size();

        CardPrint card = registry.recordCardPrint(nik, "MPP-SOREANG", CardPrintReason.LOST);

        assertThat(registry.cardHistory(nik)).hasSize(printed + 1).last().isEqualTo(card);
    }

    @Test
    void a_duplicate_record_is_never_printed() {
        Nik nik = Nik.of(lastNik("enrolment_status = 'DUPLICATE_RECORD'"));

        assertThatThrownBy(() -> registry.recordCardPrint(nik, "DINAS", CardPrintReason.FIRST))
                .isInstanceOf(RuleViolation.class).hasMessage("population.eligibility.print.duplicate");
        assertThat(registry.cardHistory(nik)).isEmpty();
    }

    @Test
    void only_the_core_family_may_request_the_kk_print() {
        Resident child = registry.findByNik(Nik.of(firstNik("relationship = 'CHILD'"))).orElseThrow();
        Family family = registry.findFamily(child.familyId()).orElseThrow();
        Resident grandchild = registry.findByNik(Nik.of(firstNik("relationship = 'GRANDCHILD'"))).orElseThrow();
        Family grandchildsFamily = registry.findFamily(grandchild.familyId()).orElseThrow();

        assertThat(registry.kkPrintRequestEligibility(child.nik(), family.kkNumber()).eligible()).isTrue();
        assertThat(registry.kkPrintRequestEligibility(grandchild.nik(), grandchildsFamily.kkNumber()).reason().messageKey())
                .isEqualTo("population.eligibility.kk-print.relationship");
        assertThat(registry.kkPrintRequestEligibility(child.nik(), grandchildsFamily.kkNumber()).reason().messageKey())
                .isEqualTo("population.eligibility.kk-print.not-a-member");
    }

    @Test
    void recording_eligibility_is_asked_of_the_registry_for_a_date() {
        Resident child = registry.findByNik(Nik.of(firstNik("relationship = 'CHILD' AND birth_date > '2012-06-01'")))
                .orElseThrow();
        LocalDate seventeenth = Eligibility.birthday(child.birthDate(), 17);

        assertThat(registry.ktpRecordingEligibility(child.nik(), seventeenth.minusDays(1)).eligible()).isFalse();
        assertThat(registry.ktpRecordingEligibility(child.nik(), seventeenth).eligible()).isTrue();
        assertThat(registry.schoolRecordingEligibility(child.nik(), Eligibility.birthday(child.birthDate(), 16)).eligible())
                .isTrue();
    }

    private String firstNik(String condition) {
        return jdbc.queryForObject("SELECT nik FROM population_resident WHERE " + condition + " ORDER BY id LIMIT 1",
                String.class);
    }

    private String lastNik(String condition) {
        return jdbc.queryForObject("SELECT nik FROM population_resident WHERE " + condition + " ORDER BY id DESC LIMIT 1",
                String.class);
    }
}
