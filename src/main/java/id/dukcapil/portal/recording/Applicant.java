package id.dukcapil.portal.recording;

import id.dukcapil.portal.population.EnrolmentStatus;
import id.dukcapil.portal.population.Resident;
import id.dukcapil.portal.shared.Finding;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A resident at the registration desk: who they are, their family's size, their KTP-el record's state and what the
 * desk does with it, whether recording is due for them (and why not), the documents to check, a visit of the day
 * already open, and when they were looked up (the resident at the desk: step 1 starts then).
 */
public record Applicant(Resident resident, int familyMembers, EnrolmentStatus enrolmentStatus, RecordingNeed need,
                        @Nullable Finding notEligible, List<String> documents, @Nullable Visit openVisit,
                        Instant at) {
}
