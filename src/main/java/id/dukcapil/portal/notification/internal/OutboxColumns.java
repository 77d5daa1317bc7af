package id.dukcapil.portal.notification.internal;

import id.dukcapil.portal.notification.Channel;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How the outbox's rows hold what is not a plain column: a message's channels as a list, its secrets kept apart, an
 * answer cut to its column. Every store of the outbox's tables writes and reads them the same way.
 */
final class OutboxColumns {

    /** The length of a message's and an attempt's answer columns. */
    static final int ANSWER_MAX_LENGTH = 500;

    private OutboxColumns() {
    }

    static @Nullable String channels(List<Channel> channels) {
        return channels.isEmpty() ? null : String.join(",", channels.stream().map(Channel::name).toList());
    }

    static List<Channel> channels(@Nullable String text) {
        return text == null || text.isBlank() ? List.of()
                : java.util.Arrays.stream(text.split(",")).map(String::strip).map(Channel::valueOf).toList();
    }

    /** The secret values, one {@code name=base64(value)} a line; null when there are none. */
    static @Nullable String encode(Map<String, String> secrets) {
        if (secrets.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        secrets.forEach((name, value) -> text.append(name).append('=')
                .append(Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))).append('\n'));
        return text.toString();
    }

    static Map<String, String> decode(@Nullable String text) {
        Map<String, String> secrets = new LinkedHashMap<>();
        if (text != null) {
            for (String line : text.split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    secrets.put(line.substring(0, eq),
                            new String(Base64.getDecoder().decode(line.substring(eq + 1)), StandardCharsets.UTF_8));
                }
            }
        }
        return secrets;
    }

    /** An answer as its column holds it: a longer one loses its end. */
    static String cut(String text) {
        return text.length() <= ANSWER_MAX_LENGTH ? text : text.substring(0, ANSWER_MAX_LENGTH - 1) + "…";
    }
}
