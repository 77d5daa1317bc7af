package id.dukcapil.portal.notification.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders a template: {@code mail.<key>.subject} and {@code mail.<key>.body} from the i18n bundles (any module's),
 * with {@code {name}} placeholders filled from the model. A missing template or model value is the calling code's
 * mistake and fails its action, rather than sending a half-filled e-mail.
 * <p>
 * The placeholders listed in {@code mail.<key>.secret} (comma-separated) are secrets: refused in the subject, left
 * in the stored body as {@code {{secret:name}}} with their values apart, and filled in only in the MIME message
 * handed to the mail server (decision 076).
 */
@Component
public class MailTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_.-]*)}");

    /** The subject and body as stored, and the secret values the body's markers stand for. */
    public record Rendered(String subject, String body, Map<String, String> secrets) {
    }

    private final MessageSource messages;

    MailTemplates(MessageSource messages) {
        this.messages = messages;
    }

    public Rendered render(String templateKey, Locale locale, Map<String, ?> model) {
        Set<String> secretNames = secretNames(templateKey, locale);
        String subject = text("mail." + templateKey + ".subject", locale);
        for (String name : secretNames) {
            if (subject.contains("{" + name + "}")) {
                throw new IllegalArgumentException("The secret {" + name + "} may not be in the subject of mail."
                        + templateKey + ": subjects show in notifications and mail-server logs");
            }
        }
        Map<String, String> secrets = new LinkedHashMap<>();
        Map<String, Object> stored = new HashMap<>(model);
        for (String name : secretNames) {
            if (model.containsKey(name)) {
                secrets.put(name, String.valueOf(model.get(name)));
                stored.put(name, marker(name));
            }
        }
        return new Rendered(fill(subject, model).strip(), fill(text("mail." + templateKey + ".body", locale), stored),
                secrets);
    }

    /** The body as sent: each secret's marker replaced by its value. */
    public static String reveal(String body, Map<String, String> secrets) {
        String text = body;
        for (Map.Entry<String, String> secret : secrets.entrySet()) {
            text = text.replace(marker(secret.getKey()), secret.getValue());
        }
        return text;
    }

    static String marker(String name) {
        return "{{secret:" + name + "}}";
    }

    private Set<String> secretNames(String templateKey, Locale locale) {
        String list = messages.getMessage("mail." + templateKey + ".secret", null, "", locale);
        Set<String> names = new LinkedHashSet<>();
        for (String name : list == null ? new String[0] : list.split(",")) {
            if (!name.isBlank()) {
                names.add(name.strip());
            }
        }
        return names;
    }

    private String text(String key, Locale locale) {
        // Without arguments the bundle's text comes back as written: no MessageFormat quoting rules.
        String text = messages.getMessage(key, null, null, locale);
        if (text == null || text.equals(key)) {
            throw new IllegalArgumentException("No mail template text " + key);
        }
        return text;
    }

    static String fill(String text, Map<String, ?> model) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            if (!model.containsKey(name)) {
                throw new IllegalArgumentException("The mail template needs a value for {" + name + "}");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(model.get(name))));
        }
        return matcher.appendTail(out).toString();
    }
}
