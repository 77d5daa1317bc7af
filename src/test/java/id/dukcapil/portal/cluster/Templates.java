package id.dukcapil.portal.cluster;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The deployment's files as an office fills them in ({@code envsubst}): each {@code ${NAME}} replaced by its value. */
final class Templates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)}");

    private Templates() {
    }

    /** Fails on a placeholder without a value: a file half filled in would start wrong. */
    static String fill(String template, Map<String, String> values) {
        Matcher placeholder = PLACEHOLDER.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (placeholder.find()) {
            String value = values.get(placeholder.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no value for ${" + placeholder.group(1) + "}");
            }
            placeholder.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        return placeholder.appendTail(filled).toString();
    }
}
