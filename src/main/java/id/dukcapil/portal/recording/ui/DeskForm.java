package id.dukcapil.portal.recording.ui;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The recording desk's name as the desk binds it: what the board tells the resident to go to. */
public record DeskForm(@NotBlank(message = "{recording.error.desk}")
                @Size(max = DeskForm.NAME_MAX_LENGTH, message = "{recording.error.desk}") String desk) {

    /** The column's length ({@code recording_visit.desk}), the field's and the service's limit. */
    static final int NAME_MAX_LENGTH = 20;
}
