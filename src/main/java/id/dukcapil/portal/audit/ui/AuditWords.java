package id.dukcapil.portal.audit.ui;

import id.dukcapil.portal.shared.ui.VaadinTexts;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Puts an audit action or subject type into words for the log's reader: from the bundles when they know it,
 * otherwise a readable form of the code ("kk.print-request.created" reads "Kk print request created") so that no
 * dotted code reaches the screen even for an action added after its translation.
 */
final class AuditWords {

    /**
     * What a detail names in codes, read in one pass: a service point's code ("MPP-SOREANG", "UKL-320437"), a day as
     * the modules record it (ISO: "2026-12-10"), and a state or code ("IN_CHECK", "DELIVERED": two capitals at least).
     */
    private static final Pattern CODE = Pattern.compile("(?<point>\\b[A-Z]+-[A-Z0-9]+\\b)"
            + "|(?<day>(?<![\\w-])\\d{4}-\\d{2}-\\d{2}(?![\\w-]))|\\b[A-Z][A-Z0-9]+(?:_[A-Z0-9]+)*\\b");
    /** A day as every screen shows it. */
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern(VaadinTexts.DATE_FORMAT);
    /** Minutes as the modules record them ("+10 min", SOP B's overdue watch). */
    private static final Pattern MINUTES = Pattern.compile("\\b(\\d+) min\\b");
    /**
     * Where the bundles keep the words for the states a subject's details name (a state's word depends on whose state
     * it is: a KK request's PRINTED is not a booking's). The log's own dictionary, {@code audit.code.}, and the SOP steps'
     * names, {@code sla.step.}, come first.
     */
    private static final Map<String, List<String>> STATES_OF = Map.of(
            "KkPrintRequest", List.of("kkprint.state.", "kkprint.reason."),
            "OutboxMessage", List.of("notification.state."));

    private static final String ACTION = "audit.action.";

    private final Function<String, String> translate;
    private final Function<String, String> pointName;

    /** @param translate a bundle lookup that answers the key itself when it has no translation */
    AuditWords(Function<String, String> translate) {
        this(translate, code -> code);
    }

    /**
     * @param translate a bundle lookup that answers the key itself when it has no translation
     * @param pointName a service point's name by its code, the code itself for a code no point has
     */
    AuditWords(Function<String, String> translate, Function<String, String> pointName) {
        this.translate = translate;
        this.pointName = pointName;
    }

    String action(String code) {
        return words(ACTION + code, code);
    }

    /**
     * The codes of the actions whose words, in the locale, contain the typed text (case aside): a manager types what
     * the Action column shows ("Masuk"), not the code behind it.
     */
    static List<String> actionsNamed(String typed, Locale locale) {
        String wanted = typed.strip().toLowerCase(locale);
        if (wanted.isEmpty()) {
            return List.of();
        }
        ResourceBundle words = ResourceBundle.getBundle("i18n/audit", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return words.keySet().stream().filter(key -> key.startsWith(ACTION))
                .filter(key -> words.getString(key).toLowerCase(locale).contains(wanted))
                .map(key -> key.substring(ACTION.length())).sorted().toList();
    }

    /** A screen by its route, or a download by its name: "residents" reads "Cari Penduduk". */
    String screen(String code) {
        return words("audit.views.screen." + code, code);
    }

    String subjectType(String code) {
        return words("audit.subject." + code, code);
    }

    /**
     * The detail as recorded (the chain hashes it, so it is never rewritten), with each state or code it names in
     * words: "SUBMITTED → IN_CHECK" reads "Diajukan → Sedang diperiksa petugas", "point=MPP-SOREANG; day=2026-12-10"
     * reads "point=MPP Soreang; day=10/12/2026". A code no bundle knows stays as it is, for the walk of every view to
     * find.
     */
    String detail(@Nullable String detail, @Nullable String subjectType) {
        if (detail == null || detail.isBlank()) {
            return "";
        }
        Matcher code = CODE.matcher(detail);
        StringBuilder words = new StringBuilder();
        while (code.find()) {
            String shown = code.group("point") != null ? pointName.apply(code.group())
                    : code.group("day") != null ? DAY.format(LocalDate.parse(code.group()))
                    : codeInWords(code.group(), subjectType);
            code.appendReplacement(words, Matcher.quoteReplacement(shown));
        }
        return minutesInWords(code.appendTail(words).toString());
    }

    /** "10 min" in the reader's language ("10 mnt"); as recorded if the bundles have no word for it. */
    private String minutesInWords(String detail) {
        String pattern = translate.apply("audit.detail.minutes");
        if (pattern == null || pattern.equals("audit.detail.minutes")) {
            return detail;
        }
        Matcher minutes = MINUTES.matcher(detail);
        StringBuilder words = new StringBuilder();
        while (minutes.find()) {
            minutes.appendReplacement(words, Matcher.quoteReplacement(pattern.replace("{0}", minutes.group(1))));
        }
        return minutes.appendTail(words).toString();
    }

    private String codeInWords(String code, @Nullable String subjectType) {
        // A step of an SOP is the same step whoever's detail names it ("B6_OPERATOR_CHECK +10 min").
        List<String> families = new java.util.ArrayList<>(List.of("audit.code.", "sla.step."));
        families.addAll(subjectType == null ? List.of() : STATES_OF.getOrDefault(subjectType, List.of()));
        for (String family : families) {
            String translated = translate.apply(family + code);
            if (translated != null && !translated.equals(family + code)) {
                return translated;
            }
        }
        return code;
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
