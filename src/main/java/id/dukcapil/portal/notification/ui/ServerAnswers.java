package id.dukcapil.portal.notification.ui;

import id.dukcapil.portal.notification.MessageState;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The mail server's last answer in words the reader understands: its SMTP reply code says accepted (2xx), "not now"
 * (4xx) or "never" (5xx); without a code the message's state says what happened. The raw answer stays for the admin.
 */
final class ServerAnswers {

    /** A reply code at the start of the answer, or right after the exception's name that carried it. */
    private static final Pattern REPLY_CODE = Pattern.compile("^(?:[\\w.]+: )?([2-5])(\\d\\d)[ -]");

    /** A translation key with its argument (the reply code, if any). */
    record Words(String key, String code) {
    }

    private ServerAnswers() {
    }

    static @Nullable Words of(MessageState state, @Nullable String answer) {
        if (answer == null || answer.isBlank()) {
            return null;
        }
        Matcher reply = REPLY_CODE.matcher(answer.strip());
        if (reply.find()) {
            String code = reply.group(1) + reply.group(2);
            return switch (reply.group(1)) {
                case "2" -> new Words("notification.answer.accepted", code);
                case "4" -> new Words("notification.answer.later", code);
                default -> new Words("notification.answer.refused", code);
            };
        }
        return switch (state) {
            case UNCERTAIN -> new Words("notification.answer.uncertain", "");
            case REPLACED -> new Words("notification.answer.replaced", "");
            case FAILED -> new Words("notification.answer.unusable", "");
            default -> new Words("notification.answer.unreachable", "");
        };
    }
}
