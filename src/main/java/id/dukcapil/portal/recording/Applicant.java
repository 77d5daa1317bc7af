package id.dukcapil.portal.recording;

import id.dukcapil.portal.population.EnrolmentStatus;
import id.dukcapil.portal.population.Resident;
import id.dukcapil.portal.shared.Finding;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A resident at the registration desk: who they are, their family's size, their KTP-el record's state, whether
 * recording is due for them (and why not), the documents to check, and a visit of the day already open.
 */
public record Applicant(Resident resident, int familyMembers, EnrolmentStatus enrolmentStatus,
                        @Nullable Finding notEligible, List<String> documents, @Nullable Visit openVisit) {
}
