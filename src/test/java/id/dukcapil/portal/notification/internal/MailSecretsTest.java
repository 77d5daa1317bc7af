package id.dukcapil.portal.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** No secret (an OTP, a PIN, a QR reference) in any e-mail subject: subjects show in notifications and server logs. */
class MailSecretsTest {

    @Test
    void the_otp_and_the_pin_mail_declare_their_secrets_and_no_subject_carries_one() throws Exception {
        Map<String, String> texts = new HashMap<>();
        for (Resource bundle : new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties")) {
            Properties properties = new Properties();
            try (InputStream in = bundle.getInputStream()) {
                properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
            String language = bundle.getFilename().contains("_en") ? "en:" : "id:";
            properties.forEach((key, value) -> texts.put(language + key, (String) value));
        }
        assertThat(texts.get("id:mail.otp.secret")).isEqualTo("code");
        assertThat(texts.get("id:mail.kkprint-delivered.secret")).isEqualTo("pin,reference");
        int subjects = 0;
        for (Map.Entry<String, String> text : texts.entrySet()) {
            if (!text.getKey().matches("(id|en):mail\\.[a-z0-9-]+\\.subject")) {
                continue;
            }
            subjects++;
            String template = text.getKey().substring(0, text.getKey().length() - ".subject".length());
            String secrets = texts.getOrDefault(template + ".secret",
                    texts.getOrDefault("id:" + template.substring(3) + ".secret", ""));
            for (String secret : secrets.split(",")) {
                if (!secret.isBlank()) {
                    assertThat(text.getValue()).as(text.getKey()).doesNotContain("{" + secret.strip() + "}");
                }
            }
        }
        assertThat(subjects).isGreaterThanOrEqualTo(20);
    }

    @Test
    void a_template_with_a_secret_in_its_subject_is_refused_and_a_secret_is_kept_out_of_the_stored_body() {
        StaticMessageSource messages = new StaticMessageSource();
        Locale id = Locale.of("id");
        messages.addMessage("mail.leaky.subject", id, "Kode {code}");
        messages.addMessage("mail.leaky.body", id, "Kode {code}");
        messages.addMessage("mail.leaky.secret", id, "code");
        messages.addMessage("mail.fine.subject", id, "Kode Anda");
        messages.addMessage("mail.fine.body", id, "Halo {name}, kode {code}.");
        messages.addMessage("mail.fine.secret", id, "code");
        MailTemplates templates = new MailTemplates(messages);

        assertThatThrownBy(() -> templates.render("leaky", id, Map.of("code", "123456")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{code}");
        MailTemplates.Rendered rendered = templates.render("fine", id, Map.of("name", "Ani", "code", "123456"));
        assertThat(rendered.body()).isEqualTo("Halo Ani, kode {{secret:code}}.");
        assertThat(rendered.secrets()).containsExactly(Map.entry("code", "123456"));
        assertThat(MailTemplates.reveal(rendered.body(), rendered.secrets())).isEqualTo("Halo Ani, kode 123456.");
    }
}
