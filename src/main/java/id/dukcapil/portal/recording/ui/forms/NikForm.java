package id.dukcapil.portal.recording.ui.forms;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * What the registration desk looks up, as the desk binds it: a NIK, or the KK number its barcode holds; both are
 * sixteen digits, so a number of another length is said at the field before the register is asked.
 */
public record NikForm(@NotBlank(message = "{recording.error.nik}")
                      @Pattern(regexp = "[0-9]{16}", message = "{recording.error.nik}") String nik) {

    public static NikForm empty() {
        return new NikForm("");
    }
}
