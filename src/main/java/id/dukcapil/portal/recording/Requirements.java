package id.dukcapil.portal.recording;

import id.dukcapil.portal.population.Resident;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The requirement documents a resident brings (SOP C step 1): a copy of the KK always, the marriage certificate for
 * a resident under 17 who is or has been married, and whatever else the office lists
 * ({@code portal.recording.extra-documents}, comma-separated labels).
 */
@Component
public class Requirements {

    public static final String KK_COPY = "KK_COPY";
    public static final String MARRIAGE_CERTIFICATE = "MARRIAGE_CERTIFICATE";
    static final int RECORDING_AGE = 17;

    private final List<String> extra;

    Requirements(@Value("${portal.recording.extra-documents:}") List<String> extra) {
        this.extra = extra.stream().map(String::strip).filter(label -> !label.isEmpty()).toList();
    }

    /** The documents' codes; an office's own ones are their labels. */
    public List<String> of(Resident resident, LocalDate on) {
        List<String> documents = new ArrayList<>(List.of(KK_COPY));
        if (Period.between(resident.birthDate(), on).getYears() < RECORDING_AGE
                && resident.maritalStatus().everMarried()) {
            documents.add(MARRIAGE_CERTIFICATE);
        }
        documents.addAll(extra);
        return documents;
    }
}
