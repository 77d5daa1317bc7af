package id.dukcapil.portal.audit.ui;

import java.util.function.Function;

/**
 * Puts an audit action or subject type into words for the log's reader: from the bundles when they know it,
 * otherwise a readable form of the code ("kk.print-request.created" reads "Kk print request created") so that no
 * dotted code reaches the screen even for an action added after its translation.
 */
final class AuditWords {

    private final Function<String, String> translate;

    /** @param translate a bundle lookup that answers the key itself when it has no translation */
    AuditWords(Function<String, String> translate) {
        this.translate = translate;
    }

    String action(String code) {
        return words("audit.action." + code, code);
    }

    String subjectType(String code) {
        return words("audit.subject." + code, code);
    }

    private String words(String key, String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String translated = translate.apply(key);
        return translated == null || translated.equals(key) ? readable(code) : translated;
    }

    static String readable(String code) {
        String spaced = code.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("[._:-]+", " ").trim();
        return spaced.isEmpty() ? code
                : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
