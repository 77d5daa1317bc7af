package id.dukcapil.portal.population.extract;

import id.dukcapil.portal.population.Address;
import id.dukcapil.portal.population.CardPrint;
import id.dukcapil.portal.population.Education;
import id.dukcapil.portal.population.EnrolmentStatus;
import id.dukcapil.portal.population.GoneReason;
import id.dukcapil.portal.population.MaritalStatus;
import id.dukcapil.portal.population.Relationship;
import id.dukcapil.portal.population.Religion;
import id.dukcapil.portal.shared.KkNumber;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.Sex;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A row of an extract that met every rule of its own: a resident as the register would hold them, with the family
 * card they are on and its address.
 *
 * @param gone why the extract lists them as no longer living here, or null when they do
 */
public record ExtractResident(Nik nik, KkNumber kkNumber, String fullName, String birthPlace, LocalDate birthDate,
                              Sex sex, Religion religion, MaritalStatus maritalStatus, Relationship relationship,
                              Education education, String occupation, @Nullable String fatherName,
                              @Nullable String motherName, Address address, EnrolmentStatus enrolmentStatus,
                              List<CardPrint> cards, @Nullable String email, @Nullable String phone,
                              @Nullable GoneReason gone) {

    public ExtractResident {
        cards = List.copyOf(cards);
    }
}
