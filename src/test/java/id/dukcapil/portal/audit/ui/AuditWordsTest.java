package id.dukcapil.portal.audit.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class AuditWordsTest {

    private static AuditWords in(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle("i18n.audit", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new AuditWords(key -> bundle.containsKey(key) ? bundle.getString(key) : key);
    }

    @Test
    void aManagerReadsASignInAndItsSubjectInBahasaIndonesia() {
        AuditWords words = in(Locale.of("id"));

        assertThat(words.action("staff.sign-in")).isEqualTo("Masuk (petugas)");
        assertThat(words.subjectType("StaffAccount")).isEqualTo("Akun petugas");
    }

    @Test
    void aDetailNamesItsPointByNameAndItsDayAsTheScreensWriteIt() {
        ResourceBundle bundle = ResourceBundle.getBundle("i18n.audit", Locale.of("id"),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        AuditWords words = new AuditWords(key -> bundle.containsKey(key) ? bundle.getString(key) : key,
                code -> code.equals("MPP-SOREANG") ? "MPP Soreang" : code);

        assertThat(words.detail("nik=3204********0001; point=MPP-SOREANG", "IkdRegistration"))
                .isEqualTo("nik=3204********0001; point=MPP Soreang");
        assertThat(words.detail("point=DINAS; day=2026-12-10; queue=3", "Booking"))
                .isEqualTo("point=DINAS; day=10/12/2026; queue=3");
        assertThat(words.detail("20219876; 2026-12-10; kit=KIT-7", "SchoolVisit")).as("a code no point has stays")
                .isEqualTo("20219876; 10/12/2026; kit=KIT-7");
    }

    @Test
    void anEnglishReaderReadsThemInEnglish() {
        AuditWords words = in(Locale.ENGLISH);

        assertThat(words.action("staff.sign-in")).isEqualTo("Signed in (staff)");
        assertThat(words.subjectType("StaffAccount")).isEqualTo("Staff account");
    }

    @Test
    void anActionWithoutATranslationStillReadsAsWordsNotAsACode() {
        AuditWords words = in(Locale.of("id"));

        assertThat(words.action("kk.print-request.created")).isEqualTo("Kk print request created");
        assertThat(words.subjectType("CardPrinterQueue")).isEqualTo("Card printer queue");
        assertThat(words.action(null)).isEmpty();
    }

    /** A dotted action as modules write it: a module's name, then at least one more part. */
    private static final Pattern ACTION = Pattern.compile(
            "\"((?:audit|blanko|booking|ikd|kkprint|notification|outside|population|recording|reports|schoolvisit|signing|sla|staff)"
                    + "(?:\\.[a-z0-9-]+)+)\"");

    /** Lines whose dotted literals are message keys or throttle names, not audit actions. */
    private static final Pattern NOT_AN_ACTION = Pattern.compile(
            "getTranslation\\(|translate\\(|RuleViolation\\(|Finding\\.of\\(|throttles\\.(?:of|perNode)\\(|\\.tr\\(|text\\(");

    /**
     * Actions the code composes from an enum's name instead of writing them out, and actions whose name is also a
     * message key (which the scan below leaves out as a message).
     */
    private static final Set<String> NOT_WRITTEN_OUT = Set.of("population.import.finished",
            "population.import.cancelled", "population.import.failed", "population.import.started",
            "population.import.resumed", "signing.certificate.revoked", "blanko.receipt", "blanko.transfer-out",
            "blanko.transfer-in", "blanko.printed", "blanko.spoiled", "blanko.to-field", "blanko.from-field",
            "blanko.correction");

    @Test
    void everyActionTheCodeRecordsReadsInBothLanguages() {
        for (Locale locale : new Locale[] {Locale.of("id"), Locale.ENGLISH}) {
            ResourceBundle bundle = ResourceBundle.getBundle("i18n.audit", locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            Set<String> untranslated = new TreeSet<>();
            for (String action : recordedActions()) {
                if (!bundle.containsKey("audit.action." + action)) {
                    untranslated.add(action);
                }
            }
            assertThat(untranslated).as("audit actions without words in %s", locale).isEmpty();
        }
    }

    private static Set<String> recordedActions() {
        Set<String> actions = new TreeSet<>(NOT_WRITTEN_OUT);
        Set<String> messageKeys = messageKeys();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            sources.filter(path -> path.toString().endsWith(".java")).forEach(path -> {
                for (String line : lines(path)) {
                    if (NOT_AN_ACTION.matcher(line).find()) {
                        continue;
                    }
                    Matcher action = ACTION.matcher(line);
                    while (action.find()) {
                        if (!messageKeys.contains(action.group(1))) {
                            actions.add(action.group(1));
                        }
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(actions).as("the scan finds the sign-in it is known to record").contains("staff.sign-in");
        return actions;
    }

    private static Set<String> messageKeys() {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> bundles = Files.list(Path.of("src/main/resources/i18n"))) {
            bundles.filter(path -> path.toString().endsWith(".properties")).forEach(path -> {
                Properties bundle = new Properties();
                try (var reader = Files.newBufferedReader(path)) {
                    bundle.load(reader);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                keys.addAll(bundle.stringPropertyNames());
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }

    private static java.util.List<String> lines(Path path) {
        try {
            return Files.readAllLines(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The details name states as the modules record them; the reader reads the state's words (issue 36, item 4). */
    @Test
    void aRequestsStatesInItsDetailAreWordsNotCodes() {
        ResourceBundle kk = ResourceBundle.getBundle("i18n.kkprint", Locale.of("id"),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        AuditWords words = new AuditWords(key -> kk.containsKey(key) ? kk.getString(key) : key);

        assertThat(words.detail("SUBMITTED → IN_CHECK", "KkPrintRequest"))
                .isEqualTo("Diajukan → Sedang diperiksa petugas");
        assertThat(words.detail("DELIVERED → REVOKED: kartu hilang", "KkPrintRequest"))
                .isEqualTo("QR Code dan PIN dikirim → Dicabut: kartu hilang");
        assertThat(words.detail("KK 320416******0001, BIRTH", "KkPrintRequest")).isEqualTo("KK 320416******0001, "
                + kk.getString("kkprint.reason.BIRTH"));
        assertThat(in(Locale.of("id")).detail("NOT_A_PDF, 23 bytes", "SigningDocument")).isEqualTo("bukan PDF, 23 bytes");
        assertThat(words.detail("PRINTED", "Booking")).as("another subject's state is not a KK request's")
                .isEqualTo("PRINTED");
        ResourceBundle sla = ResourceBundle.getBundle("i18n.sla", Locale.of("id"),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        ResourceBundle audit = ResourceBundle.getBundle("i18n.audit", Locale.of("id"),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        assertThat(new AuditWords(key -> sla.containsKey(key) ? sla.getString(key)
                : audit.containsKey(key) ? audit.getString(key) : key)
                .detail("B6_OPERATOR_CHECK +10 min", "KkPrintRequest"))
                .as("an overdue step by its name, found by the walk's dictionary of codes; its minutes in Indonesian")
                .isEqualTo("Pemeriksaan operator +10 mnt");
    }
}
