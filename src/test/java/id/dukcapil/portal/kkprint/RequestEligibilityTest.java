package id.dukcapil.portal.kkprint;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.population.Address;
import id.dukcapil.portal.population.Education;
import id.dukcapil.portal.population.EnrolmentStatus;
import id.dukcapil.portal.population.Family;
import id.dukcapil.portal.population.FamilyId;
import id.dukcapil.portal.population.MaritalStatus;
import id.dukcapil.portal.population.Relationship;
import id.dukcapil.portal.population.Religion;
import id.dukcapil.portal.population.Resident;
import id.dukcapil.portal.shared.KkNumber;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.Sex;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** SOP B: who may ask for the family card to be printed, over every SHDK value, on the card and off it. */
class RequestEligibilityTest {

    private static final LocalDate BORN = LocalDate.of(1985, 3, 12);
    private static final Family FAMILY = new Family(FamilyId.of(7), KkNumber.compose("320437", LocalDate.of(2015, 6, 1), 1),
            new Address("Jl. Raya Soreang No. 12", "001", "002", "32.04.37.2001"), List.of());

    @ParameterizedTest
    @EnumSource(Relationship.class)
    void a_member_of_the_card_may_ask_only_as_head_husband_wife_or_child(Relationship relationship) {
        Optional<KkPrintRefusal.Code> refusal = RequestEligibility.refusal(resident(FAMILY.id(), relationship), FAMILY);

        boolean allowed = switch (relationship) {
            case HEAD, HUSBAND, WIFE, CHILD -> true;
            default -> false;
        };
        assertThat(refusal).isEqualTo(allowed ? Optional.empty()
                : Optional.of(KkPrintRefusal.Code.RELATIONSHIP_NOT_ALLOWED));
    }

    @ParameterizedTest
    @EnumSource(Relationship.class)
    void someone_on_another_card_is_not_in_the_family_whatever_their_place_there(Relationship relationship) {
        assertThat(RequestEligibility.refusal(resident(FamilyId.of(FAMILY.id().value() + 1), relationship), FAMILY))
                .contains(KkPrintRefusal.Code.NOT_IN_FAMILY);
    }

    private static Resident resident(FamilyId familyId, Relationship relationship) {
        return new Resident(1, familyId, Nik.compose("320437", BORN, Sex.MALE, 1), "Asep Saepudin", "Bandung", BORN,
                Sex.MALE, Religion.values()[0], MaritalStatus.values()[0], relationship, Education.values()[0],
                "Wiraswasta", null, null, "asep@example.id", null, EnrolmentStatus.PRINT_READY);
    }
}
