package id.dukcapil.portal.population.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.population.Address;
import id.dukcapil.portal.population.Education;
import id.dukcapil.portal.population.EnrolmentStatus;
import id.dukcapil.portal.population.FamilyId;
import id.dukcapil.portal.population.GoneReason;
import id.dukcapil.portal.population.MaritalStatus;
import id.dukcapil.portal.population.Relationship;
import id.dukcapil.portal.population.Religion;
import id.dukcapil.portal.population.Resident;
import id.dukcapil.portal.population.extract.CheckedRow;
import id.dukcapil.portal.population.extract.ExtractFamily;
import id.dukcapil.portal.population.extract.ExtractResident;
import id.dukcapil.portal.population.extract.ExtractRow;
import id.dukcapil.portal.shared.Finding;
import id.dukcapil.portal.shared.KkNumber;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.Sex;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** What an extract changes in the register, worked out without a database: the rules of a refresh. */
class FamilyDiffTest {

    private static final long IMPORT = 42;
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    private static final Address HOME = new Address("Jl. Raya Soreang No. 3", "001", "002", "32.04.46.2004");
    private static final KkNumber KK = KkNumber.compose("320446", LocalDate.of(2015, 3, 2), 1);
    private static final KkNumber OTHER_KK = KkNumber.compose("320446", LocalDate.of(2015, 3, 2), 2);
    private static final Nik HEAD = Nik.compose("320446", LocalDate.of(1980, 5, 17), Sex.MALE, 1);
    private static final Nik WIFE = Nik.compose("320446", LocalDate.of(1984, 8, 9), Sex.FEMALE, 1);

    @Test
    void a_family_new_to_the_register_is_accepted() {
        List<ExtractFamily> refused = new ArrayList<>();
        ExtractFamily family = family(KK, listed(HEAD, KK, "Wawan", null), listed(WIFE, KK, "Nunung", null));

        assertThat(FamilyDiff.acceptOnce(IMPORT, List.of(family), Map.of(), Map.of(), refused)).containsExactly(family);
        assertThat(refused).isEmpty();
    }

    @Test
    void a_kk_number_listed_twice_in_one_import_is_refused_the_second_time() {
        List<ExtractFamily> refused = new ArrayList<>();
        ExtractFamily first = family(KK, listed(HEAD, KK, "Wawan", null));
        ExtractFamily again = family(KK, listed(WIFE, KK, "Nunung", null));

        assertThat(FamilyDiff.acceptOnce(IMPORT, List.of(first, again), Map.of(), Map.of(), refused))
                .containsExactly(first);
        assertThat(refused).singleElement().satisfies(family ->
                assertThat(family.familyFindings()).containsExactly(Finding.of("extract.family.again", KK.value())));
    }

    @Test
    void a_family_this_import_already_loaded_in_an_earlier_chunk_is_refused() {
        List<ExtractFamily> refused = new ArrayList<>();
        ExtractFamily family = family(KK, listed(HEAD, KK, "Wawan", null));
        Map<String, StoredFamily> stored = Map.of(KK.value(), new StoredFamily(7, HOME, IMPORT, "hash"));

        assertThat(FamilyDiff.acceptOnce(IMPORT, List.of(family), stored, Map.of(), refused)).isEmpty();
        assertThat(refused.getFirst().familyFindings()).containsExactly(Finding.of("extract.family.again", KK.value()));
    }

    @Test
    void a_family_listed_by_an_earlier_import_is_accepted_again() {
        List<ExtractFamily> refused = new ArrayList<>();
        ExtractFamily family = family(KK, listed(HEAD, KK, "Wawan", null));
        Map<String, StoredFamily> stored = Map.of(KK.value(), new StoredFamily(7, HOME, IMPORT - 1, "hash"));

        assertThat(FamilyDiff.acceptOnce(IMPORT, List.of(family), stored, Map.of(), refused)).containsExactly(family);
    }

    @Test
    void a_nik_already_listed_in_another_family_of_the_same_import_refuses_the_later_family() {
        List<ExtractFamily> refused = new ArrayList<>();
        ExtractFamily first = family(KK, listed(HEAD, KK, "Wawan", null));
        ExtractFamily second = family(OTHER_KK, listed(HEAD, OTHER_KK, "Wawan", null));

        assertThat(FamilyDiff.acceptOnce(IMPORT, List.of(first, second), Map.of(), Map.of(), refused))
                .containsExactly(first);
        assertThat(refused.getFirst().familyFindings())
                .containsExactly(Finding.of("extract.family.nik-elsewhere", HEAD.value()));
    }

    @Test
    void a_nik_this_import_listed_in_another_family_in_an_earlier_chunk_refuses_the_family() {
        List<ExtractFamily> refused = new ArrayList<>();
        ExtractFamily family = family(KK, listed(HEAD, KK, "Wawan", null));
        Map<String, StoredResident> stored = Map.of(HEAD.value(), stored(HEAD, OTHER_KK, "Wawan", IMPORT, null, null));

        assertThat(FamilyDiff.acceptOnce(IMPORT, List.of(family), Map.of(), stored, refused)).isEmpty();
        assertThat(refused.getFirst().familyFindings())
                .containsExactly(Finding.of("extract.family.nik-elsewhere", HEAD.value()));
    }

    @Test
    void a_resident_listed_as_the_register_holds_them_has_no_change() {
        FamilyDiff.ResidentDiff diff = FamilyDiff.resident(stored(HEAD, KK, "Wawan", null, null, null), KK.value(),
                listed(HEAD, KK, "Wawan", null).resident(), TODAY);

        assertThat(diff.unchanged()).isTrue();
        assertThat(diff.newlyGone()).isFalse();
        assertThat(diff.movedFamily()).isFalse();
    }

    @Test
    void a_changed_name_is_one_change_with_before_and_after() {
        FamilyDiff.ResidentDiff diff = FamilyDiff.resident(stored(HEAD, KK, "Wawan", null, null, null), KK.value(),
                listed(HEAD, KK, "Wawan Supriatna", null).resident(), TODAY);

        assertThat(diff.changes()).containsExactly("full_name: Wawan → Wawan Supriatna");
    }

    @Test
    void a_resident_the_extract_lists_as_dead_is_newly_gone_today() {
        FamilyDiff.ResidentDiff diff = FamilyDiff.resident(stored(HEAD, KK, "Wawan", null, null, null), KK.value(),
                listed(HEAD, KK, "Wawan", GoneReason.DIED).resident(), TODAY);

        assertThat(diff.newlyGone()).isTrue();
        assertThat(diff.goneOn()).isEqualTo(TODAY);
        assertThat(diff.changes()).containsExactly("gone_reason: null → DIED", "gone_on: null → " + TODAY);
    }

    @Test
    void a_resident_gone_before_for_the_same_reason_keeps_the_day_they_went() {
        LocalDate went = TODAY.minusMonths(3);
        FamilyDiff.ResidentDiff diff = FamilyDiff.resident(stored(HEAD, KK, "Wawan", null, went, GoneReason.DIED),
                KK.value(), listed(HEAD, KK, "Wawan", GoneReason.DIED).resident(), TODAY);

        assertThat(diff.unchanged()).isTrue();
        assertThat(diff.goneOn()).isEqualTo(went);
        assertThat(diff.newlyGone()).isFalse();
    }

    @Test
    void a_resident_listed_on_another_card_moved_family() {
        FamilyDiff.ResidentDiff diff = FamilyDiff.resident(stored(HEAD, OTHER_KK, "Wawan", null, null, null),
                KK.value(), listed(HEAD, KK, "Wawan", null).resident(), TODAY);

        assertThat(diff.movedFamily()).isTrue();
        assertThat(diff.changes()).containsExactly("kk_number: " + OTHER_KK.value() + " → " + KK.value());
    }

    @Test
    void an_address_change_names_each_changed_field() {
        Address moved = new Address("Jl. Raya Soreang No. 3", "004", "002", "32.04.46.2005");

        assertThat(FamilyDiff.addressChanges(HOME, moved))
                .containsExactly("rt: 001 → 004", "village_code: 32.04.46.2004 → 32.04.46.2005");
        assertThat(FamilyDiff.addressChanges(HOME, HOME)).isEmpty();
    }

    private static ExtractFamily family(KkNumber kk, CheckedRow... rows) {
        return new ExtractFamily(kk.value(), List.of(rows), List.of());
    }

    private static CheckedRow listed(Nik nik, KkNumber kk, String name, @Nullable GoneReason gone) {
        ExtractResident resident = new ExtractResident(nik, kk, name, "Bandung", nik.birthDate(TODAY), nik.sex(),
                Religion.ISLAM, MaritalStatus.MARRIED, nik.equals(HEAD) ? Relationship.HEAD : Relationship.WIFE,
                Education.SENIOR_SECONDARY, "Wiraswasta", null, null, HOME, EnrolmentStatus.PRINT_READY, List.of(),
                null, null, gone);
        return new CheckedRow(new ExtractRow(1, new String[0]), resident, List.of());
    }

    private static StoredResident stored(Nik nik, KkNumber kk, String name, @Nullable Long seenImport,
                                         @Nullable LocalDate goneOn, @Nullable GoneReason goneReason) {
        Resident resident = new Resident(1, FamilyId.of(7), nik, name, "Bandung", nik.birthDate(TODAY), nik.sex(),
                Religion.ISLAM, MaritalStatus.MARRIED, nik.equals(HEAD) ? Relationship.HEAD : Relationship.WIFE,
                Education.SENIOR_SECONDARY, "Wiraswasta", null, null, null, null, EnrolmentStatus.PRINT_READY);
        return new StoredResident(resident, goneOn, goneReason, seenImport, kk.value(), null);
    }
}
