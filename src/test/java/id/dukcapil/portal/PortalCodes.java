package id.dukcapil.portal;

import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * The portal's codes, as a screen, a PDF or a workbook must never show them: the name of every constant of the product's public enums
 * (states such as {@code DELIVERED}, steps such as {@code B6_OPERATOR_CHECK}, checklist items, roles), read from
 * the code itself, so that a new enum is searched for as soon as it exists.
 */
public final class PortalCodes {

    /**
     * Constants that are also the office's own abbreviations, written in capitals in words meant for people
     * (a school's type, a service point's kind, an identity number's name, a text message, the code BSrE's BeSign app
     * shows).
     */
    private static final Set<String> ALSO_WORDS = Set.of("KK", "NIK", "RT", "RW", "SIAK", "SMA", "SMK", "MA", "SLB",
            "MPP", "UKL", "DINAS", "SMS", "TOTP");
    private static final Pattern CAPITALS = Pattern.compile("(?<![\\w-])[A-Z][A-Z0-9_]*[A-Z0-9](?![\\w-])");

    private final Set<String> codes;

    private PortalCodes(Set<String> codes) {
        this.codes = codes;
    }

    /** Every constant of every public enum under the application's package, but those that are also words. */
    public static PortalCodes fromTheCode() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return true; // nested enums too: they are what states and steps are
            }
        };
        scanner.addIncludeFilter(new AssignableTypeFilter(Enum.class));
        Set<String> codes = new TreeSet<>();
        for (var candidate : scanner.findCandidateComponents(PortalApplication.class.getPackageName())) {
            Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), null);
            if (type.isEnum() && Modifier.isPublic(type.getModifiers())) {
                Arrays.stream(type.getEnumConstants()).map(constant -> ((Enum<?>) constant).name())
                        .filter(name -> name.length() > 1 && !ALSO_WORDS.contains(name)).forEach(codes::add);
            }
        }
        return new PortalCodes(codes);
    }

    public int size() {
        return codes.size();
    }

    public boolean contains(String code) {
        return codes.contains(code);
    }

    /** The codes a text shows, each once: whole words in capitals that are an enum constant's name. */
    public Set<String> in(String text) {
        Set<String> found = new TreeSet<>();
        Matcher words = CAPITALS.matcher(text);
        while (words.find()) {
            if (codes.contains(words.group())) {
                found.add(words.group());
            }
        }
        return found;
    }
}
