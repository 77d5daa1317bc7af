package id.dukcapil.portal.notification.internal;

import id.dukcapil.portal.notification.Channel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A message kind's text on a phone channel, from the bundles beside its e-mail template:
 * <ul>
 * <li>{@code whatsapp.<key>.template} the name of the template Meta approved for it, in Indonesian and English
 * (the template's language follows the recipient's), and {@code whatsapp.<key>.params} the model's values that
 * fill its body's {{1}}, {{2}}, … in that order;</li>
 * <li>{@code sms.<key>.body} the SMS text, with {@code {name}} placeholders as in the e-mail.</li>
 * </ul>
 * A kind without them does not travel on that channel. A secret is never a WhatsApp parameter: the kinds that carry
 * one go by e-mail only (decision 140), and a template naming one is refused here rather than sent; the one secret an
 * SMS carries, a phone proof's code (decision 182), is stored as its marker.
 */
@Component
public class ChannelTexts {

    /** The longest SMS text: three concatenated parts of 153 GSM characters. */
    public static final int SMS_MAX_LENGTH = 459;
    /** The longest SMS text with a character outside the GSM alphabet: three UCS-2 parts of 67. */
    public static final int SMS_UCS2_MAX_LENGTH = 3 * 67;
    /** The Cloud API refuses a body parameter with a line break, a tab or more than four spaces in a row. */
    private static final int PARAMETER_MAX_LENGTH = 200;

    /** The text of one channel: for WhatsApp the template and its parameters one a line, for SMS the text. */
    public record Text(Channel channel, String template, String text) {
    }

    private final MessageSource messages;

    ChannelTexts(MessageSource messages) {
        this.messages = messages;
    }

    public Optional<Text> render(Channel channel, String templateKey, Locale locale, Map<String, ?> model,
                                 Set<String> secretNames) {
        return switch (channel) {
            case EMAIL -> Optional.empty();
            case WHATSAPP -> whatsapp(templateKey, locale, model, secretNames);
            case SMS -> sms(templateKey, locale, model, secretNames);
        };
    }

    private Optional<Text> whatsapp(String templateKey, Locale locale, Map<String, ?> model, Set<String> secrets) {
        String template = messages.getMessage("whatsapp." + templateKey + ".template", null, "", locale);
        if (template == null || template.isBlank()) {
            return Optional.empty();
        }
        String names = messages.getMessage("whatsapp." + templateKey + ".params", null, "", locale);
        List<String> values = new ArrayList<>();
        for (String name : names == null ? new String[0] : names.split(",")) {
            String key = name.strip();
            if (key.isEmpty()) {
                continue;
            }
            if (secrets.contains(key)) {
                throw new IllegalArgumentException("whatsapp." + templateKey + ".params names the secret {" + key
                        + "}: a secret never goes to WhatsApp, where a locked phone shows it");
            }
            if (!model.containsKey(key)) {
                throw new IllegalArgumentException("The WhatsApp template " + template + " needs a value for {" + key + "}");
            }
            values.add(parameter(String.valueOf(model.get(key))));
        }
        return Optional.of(new Text(Channel.WHATSAPP, template.strip(), String.join("\n", values)));
    }

    /**
     * The stored SMS text keeps a secret as its marker, as an e-mail body does (decision 076): only a phone proof's code
     * goes by SMS (decision 182), filled in when the message is claimed and erased from the row once it is sent.
     */
    private Optional<Text> sms(String templateKey, Locale locale, Map<String, ?> model, Set<String> secretNames) {
        String body = messages.getMessage("sms." + templateKey + ".body", null, "", locale);
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        Map<String, Object> stored = new HashMap<>(model);
        secretNames.forEach(name -> stored.put(name, MailTemplates.marker(name)));
        return Optional.of(new Text(Channel.SMS, "", smsText(MailTemplates.fill(body, stored))));
    }

    /**
     * The text in the GSM alphabet where typography alone would leave it (an en dash in opening hours made every
     * SMS UCS-2: 70 characters a part, not 160), cut to three parts of its coding.
     */
    static String smsText(String filled) {
        String text = filled.strip().replaceAll("[\u2013\u2014\u2212]", "-").replace("\u2026", "...")
                .replaceAll("[\u2018\u2019\u201A]", "'").replaceAll("[\u201C\u201D\u201E]", "\"");
        int max = GsmAlphabet.canEncode(text) ? SMS_MAX_LENGTH : SMS_UCS2_MAX_LENGTH;
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }

    /** One line, no runs of spaces, bounded: what the Cloud API accepts as a template parameter. */
    static String parameter(String value) {
        String oneLine = value.replaceAll("\\s+", " ").strip();
        if (oneLine.isEmpty()) {
            return "-";
        }
        return oneLine.length() <= PARAMETER_MAX_LENGTH ? oneLine : oneLine.substring(0, PARAMETER_MAX_LENGTH - 1) + "…";
    }

    /** The parameters of a stored WhatsApp text. */
    public static List<String> parameters(String text) {
        return text.isEmpty() ? List.of() : List.of(text.split("\n", -1));
    }
}
