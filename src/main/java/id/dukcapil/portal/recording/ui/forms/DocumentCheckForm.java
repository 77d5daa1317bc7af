package id.dukcapil.portal.recording.ui.forms;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.util.Set;

/**
 * The registration desk's document check as the desk binds it (SOP C step 2): the resident came in person, and the
 * documents ticked. Which documents are required depends on the resident, so that check is the view's, in the same
 * words as the service's.
 */
public record DocumentCheckForm(@AssertTrue(message = "{recording.error.in-person}") boolean inPerson,
                                @NotNull Set<String> documents) {

    public static DocumentCheckForm empty() {
        return new DocumentCheckForm(false, Set.of());
    }
}
