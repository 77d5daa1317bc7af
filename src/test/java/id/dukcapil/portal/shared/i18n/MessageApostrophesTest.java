package id.dukcapil.portal.shared.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * A message with an argument ({0}) is formatted by {@link MessageFormat}, where a lone apostrophe starts a quote: the
 * rest of the message, its argument with it, is shown as written ("the team s laptop ... {0}"). Every bundle's
 * message with an argument writes an apostrophe twice; and each such message formats with its arguments filled.
 */
class MessageApostrophesTest {

    private static final Pattern ARGUMENT = Pattern.compile("\\{\\d");
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

    @Test
    void every_message_with_an_argument_writes_its_apostrophes_twice() throws IOException {
        List<String> lone = new ArrayList<>();
        for (Resource bundle : new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties")) {
            Properties messages = new Properties();
            try (InputStream in = bundle.getInputStream()) {
                messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            for (String key : messages.stringPropertyNames()) {
                String message = messages.getProperty(key);
                if (ARGUMENT.matcher(message).find()) {
                    if (LONE_APOSTROPHE.matcher(message).find()) {
                        lone.add(bundle.getFilename() + ": " + key);
                    }
                    // Numbers fill both plain and {0,number} arguments.
                    String shown = new MessageFormat(message, Locale.ROOT).format(new Object[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
                    if (ARGUMENT.matcher(shown).find()) {
                        lone.add(bundle.getFilename() + ": " + key + " shows a placeholder: " + shown);
                    }
                }
            }
        }
        assertThat(lone).isEmpty();
    }
}
