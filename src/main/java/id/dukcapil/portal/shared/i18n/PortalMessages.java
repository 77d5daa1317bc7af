package id.dukcapil.portal.shared.i18n;

import java.io.IOException;
import java.text.MessageFormat;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * One source of translations for views, e-mails, documents and exports: every bundle under {@code i18n/}.
 * Each module keeps its own bundle ({@code i18n/staff.properties} in Indonesian, {@code i18n/staff_en.properties}
 * in English); the Indonesian text is the base, so a missing English text shows Indonesian, never a key.
 */
@Configuration(proxyBeanMethods = false)
public class PortalMessages {

    /** The office's language, the default. */
    public static final Locale INDONESIAN = Locale.of("id");
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> LOCALES = List.of(INDONESIAN, ENGLISH);
    /** The one date format of the screens, messages and mails, in both languages: day, month, year. */
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    @Bean
    MessageSource messageSource() throws IOException {
        ResourceBundleMessageSource source = new CopiedFormats();
        source.setBasenames(bundleNames());
        source.setDefaultEncoding("UTF-8");
        // Never fall back to the server's locale: a missing translation falls back to the Indonesian base.
        source.setFallbackToSystemLocale(false);
        source.setUseCodeAsDefaultMessage(true);
        return source;
    }

    /**
     * Each message with arguments formatted on a copy of its cached pattern: Spring formats on the cached one under its
     * lock, and in a burst of 700 "quota full" answers the threads queued on that one lock (decision 109).
     */
    private static final class CopiedFormats extends ResourceBundleMessageSource {

        @Override
        protected @Nullable MessageFormat resolveCode(String code, Locale locale) {
            MessageFormat cached = super.resolveCode(code, locale);
            return cached == null ? null : (MessageFormat) cached.clone();
        }
    }

    private static String[] bundleNames() throws IOException {
        // The portal's own folder only: "classpath*:" would open every jar of the class path to look for one.
        Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath:i18n/*.properties");
        return Arrays.stream(resources)
                .map(Resource::getFilename)
                .filter(Objects::nonNull)
                .filter(name -> !name.contains("_"))
                .map(name -> "i18n/" + name.substring(0, name.length() - ".properties".length()))
                .distinct()
                .sorted()
                .toArray(String[]::new);
    }

}
