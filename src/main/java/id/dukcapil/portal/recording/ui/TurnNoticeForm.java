package id.dukcapil.portal.recording.ui;

import id.dukcapil.portal.notification.Channel;
import id.dukcapil.portal.shared.Email;
import id.dukcapil.portal.shared.PhoneNumber;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Locale;

/**
 * The resident's wish to be told when their turn nears, as the desk binds it: the channel, the address or the mobile
 * number for it, the message's language. Which of address and number must be valid depends on the channel, so that
 * check is the form's binder's, in the words of {@link Email#INVALID} and {@link PhoneNumber#INVALID}.
 */
public record TurnNoticeForm(@NotNull(message = "{validation.required}") Channel channel,
                             @Size(max = Email.MAX_LENGTH, message = "{shared.email.invalid}") String email,
                             @Size(max = PhoneNumber.MAX_LENGTH, message = "{shared.phone.invalid}") String phone,
                             @NotNull(message = "{validation.required}") Locale language) {

    /** The address or the number, whichever the channel uses. */
    String contact() {
        return channel == Channel.EMAIL ? email : phone;
    }
}
