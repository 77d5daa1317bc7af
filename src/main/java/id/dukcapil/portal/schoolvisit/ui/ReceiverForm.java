package id.dukcapil.portal.schoolvisit.ui;

import id.dukcapil.portal.schoolvisit.Handover;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Who signed for the school's cards, as the handover binds it: a name, at most as long as the record keeps. */
public record ReceiverForm(@NotBlank(message = "{schoolvisit.error.receiver}")
                           @Size(max = Handover.RECEIVER_MAX_LENGTH, message = "{schoolvisit.error.receiver}")
                           String receiver) {
}
