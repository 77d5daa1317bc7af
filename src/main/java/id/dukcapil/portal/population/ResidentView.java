package id.dukcapil.portal.population;

import id.dukcapil.portal.shared.Finding;
import id.dukcapil.portal.shared.Sex;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A resident as the lookup shows them to the signed-in user: the NIK whole or masked, contact details only to
 * those who see the whole NIK.
 */
public record ResidentView(long id, long familyId, String nik, boolean nikMasked, String fullName,
                           String birthPlace, LocalDate birthDate, Sex sex, Religion religion,
                           MaritalStatus maritalStatus, Relationship relationship, Education education,
                           String occupation, @Nullable String fatherName, @Nullable String motherName,
                           @Nullable String email, @Nullable String phone, EnrolmentStatus enrolmentStatus,
                           List<Finding> nikDisagreements) {

    public ResidentView {
        nikDisagreements = List.copyOf(nikDisagreements);
    }

    static ResidentView of(Resident resident, boolean wholeNik) {
        return new ResidentView(resident.id(), resident.familyId().value(),
                wholeNik ? resident.nik().value() : resident.nik().masked(), !wholeNik, resident.fullName(),
                resident.birthPlace(), resident.birthDate(), resident.sex(), resident.religion(),
                resident.maritalStatus(), resident.relationship(), resident.education(), resident.occupation(),
                resident.fatherName(), resident.motherName(), wholeNik ? resident.email() : null,
                wholeNik ? resident.phone() : null, resident.enrolmentStatus(), resident.nikDisagreements());
    }
}
