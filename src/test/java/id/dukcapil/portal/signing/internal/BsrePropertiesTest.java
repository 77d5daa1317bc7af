package id.dukcapil.portal.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The BSrE settings get logged (a bound configuration, a failed start): the office's API account must not be. */
class BsrePropertiesTest {

    @Test
    void the_settings_printed_show_neither_the_api_account_nor_its_password_nor_the_signer_s_nik() {
        BsreProperties properties = new BsreProperties("https://esign.example.go.id", "disdukcapil-bandung",
                "api-secret-of-the-office", "3204011503720004", "Dr. H. Asep Sukmana, M.Si.", "Kepala Dinas",
                "197203151998031004", "/etc/bsre-roots.pem", "", Duration.ofSeconds(60), 8, null, 0, 0);

        assertThat(properties.toString()).contains("https://esign.example.go.id")
                .doesNotContain("api-secret-of-the-office", "disdukcapil-bandung", "3204011503720004");
        assertThat(properties.inFlightMargin()).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.totpFiles()).isEqualTo(20);
    }
}
