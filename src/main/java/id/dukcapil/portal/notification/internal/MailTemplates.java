package id.dukcapil.portal.notification.internal;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders a template: {@code mail.<key>.subject} and {@code mail.<key>.body} from the i18n bundles (any module's),
 * with {@code {name}} placeholders filled from the model. A missing template or model value is the calling code's
 * mistake and fails its action, rather than sending a half-filled e-mail.
 */
@Component
public class MailTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_.-]*)}");

    public record Rendered(String subject, String body) {
    }

    private final MessageSource messages;

    MailTemplates(MessageSource messages) {
        this.messages = messages;
    }

    public Rendered render(String templateKey, Locale locale, Map<String, ?> model) {
        return new Rendered(fill(text("mail." + templateKey + ".subject", locale), model).strip(),
                fill(text("mail." + templateKey + ".body", locale), model));
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
