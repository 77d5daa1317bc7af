package id.dukcapil.portal.recording.ui.forms;

import id.dukcapil.portal.recording.Priority;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The biometric check's form as the registration desk binds it: the resident's priority, if any, and the technical
 * fault that excuses an overrun, if any (at most {@link #FAULT_MAX_LENGTH} characters, as the log keeps it).
 */
public record BiometricForm(@Nullable Priority priority,
                            @Size(max = BiometricForm.FAULT_MAX_LENGTH, message = "{recording.error.fault}")
                            String fault) {

    public static final int FAULT_MAX_LENGTH = 200;

    public static BiometricForm empty() {
        return new BiometricForm(null, "");
    }
}
