package id.dukcapil.portal.population.demo;

import id.dukcapil.portal.population.MaritalStatus;
import id.dukcapil.portal.population.Relationship;
import id.dukcapil.portal.shared.Sex;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A member of a demo family while the household is being put together: mutable because a parent's name is known only
 * once the parent is made, and made into a {@code Resident} only when the family gets its numbers.
 */
final class DemoPerson {
    final Sex sex;
    final LocalDate birthDate;
    final String name;
    Relationship relationship = Relationship.OTHER;
    MaritalStatus marital = MaritalStatus.NEVER_MARRIED;
    @Nullable String father;
    @Nullable String mother;
    String birthPlace = "Bandung";

    DemoPerson(Sex sex, LocalDate birthDate, String name) {
        this.sex = sex;
        this.birthDate = birthDate;
        this.name = name;
    }
}
