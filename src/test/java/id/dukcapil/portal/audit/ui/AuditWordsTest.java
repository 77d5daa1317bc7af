package id.dukcapil.portal.audit.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.ResourceBundle;
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
    void anEnglishReaderReadsThemInEnglish() {
        AuditWords words = in(Locale.ENGLISH);

        assertThat(words.action("staff.sign-in")).isEqualTo("Signed in (staff)");
        assertThat(words.subjectType("StaffAccount")).isEqualTo("Staff account");
    }

    @Test
    void anActionWithoutATranslationStillReadsAsWordsNotAsACode() {
        AuditWords words = in(Locale.of("id"));

        assertThat(words.action("kk.print-request.created")).isEqualTo("Kk print request created");
        assertThat(words.subjectType("PopulationImport")).isEqualTo("Population import");
        assertThat(words.action(null)).isEmpty();
    }
}
