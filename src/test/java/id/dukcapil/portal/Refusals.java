package id.dukcapil.portal;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.shared.RuleViolation;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;

/** A transition table's refusals as the tests read them: caught, and said in a module's own bundle's words. */
public final class Refusals {

    private Refusals() {
    }

    /** The refusal the change throws; a change that is not refused fails the test. */
    public static <R extends RuleViolation> R of(Class<R> type, Runnable change) {
        try {
            change.run();
        } catch (RuleViolation refused) {
            assertThat(refused).isInstanceOf(type);
            return type.cast(refused);
        }
        throw new AssertionError("not refused");
    }

    public static RuleViolation of(Runnable change) {
        return of(RuleViolation.class, change);
    }

    /**
     * The refusal as a screen shows it: each key's words in the module's bundle ({@code /i18n/<module>.properties},
     * or {@code _en}), joined by a space. A key missing from the bundle fails the test.
     */
    public static String words(RuleViolation refused, String module, Locale language) {
        Properties bundle = new Properties();
        String file = "/i18n/" + module + (language.getLanguage().equals("id") ? "" : "_en") + ".properties";
        try (var in = Refusals.class.getResourceAsStream(file)) {
            bundle.load(new InputStreamReader(Objects.requireNonNull(in, file), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> words = new ArrayList<>();
        for (String key : refused.messageKeys()) {
            assertThat(bundle.getProperty(key)).as("%s in %s", key, file).isNotBlank();
            words.add(new MessageFormat(bundle.getProperty(key), language).format(refused.args()));
        }
        return String.join(" ", words);
    }
}
