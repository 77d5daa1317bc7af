package id.dukcapil.portal.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.notification.Channel;
import id.dukcapil.portal.notification.TestCloudApi;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every message a citizen receives has its WhatsApp template and its SMS text in Indonesian and English, so a citizen
 * who chose WhatsApp or SMS gets each one there (decision 153); the messages with a secret have none, and go by
 * e-mail only. The lists below are the citizen messages the modules queue: a new one belongs in one of them.
 */
@PortalTest
class CitizenMessageTextsTests {

    /** Booking (SOP A), KK print (SOP B), recording (SOP C): their notices and reminders. */
    static final List<String> BY_PHONE = List.of("booking-ticket", "booking-ticket-moved", "booking-reminder",
            "booking-day-closed", "booking-cancelled-register", "kkprint-returned", "kkprint-rejected",
            "kkprint-expiring", "kkprint-ready", "recording-turn");

    /**
     * A one-time code, SOP B's QR code and PIN, SOP E's activation PIN: secrets, e-mail only. A registration with an
     * address that has an account is told to that address's owner, whoever typed it: e-mail only too.
     */
    static final List<String> EMAIL_ONLY = List.of("otp", "kkprint-delivered", "ikd-pin", "booking-already-registered");

    private static final List<Locale> LANGUAGES = List.of(Locale.of("id"), Locale.ENGLISH);
    private static final String PIN = "482913";

    @Autowired ChannelTexts texts;
    @Autowired MailTemplates mail;

    @Test
    void every_citizen_notice_has_a_whatsapp_template_and_a_gsm_sms_in_both_languages() {
        for (String key : BY_PHONE) {
            for (Locale locale : LANGUAGES) {
                ChannelTexts.Text whatsapp = texts.render(Channel.WHATSAPP, key, locale, model(), Set.of())
                        .orElseThrow(() -> new AssertionError("No WhatsApp template for " + key + " in " + locale));
                assertThat(whatsapp.template()).as(key).startsWith("dukcapil_");
                assertThat(ChannelTexts.parameters(whatsapp.text())).as(key + " as approved (decisions 140, 153)")
                        .hasSize(TestCloudApi.APPROVED.getOrDefault(whatsapp.template(), -1))
                        .allSatisfy(parameter -> assertThat(parameter).doesNotContain(PIN).isNotBlank());

                String sms = texts.render(Channel.SMS, key, locale, model(), Set.of())
                        .orElseThrow(() -> new AssertionError("No SMS text for " + key + " in " + locale)).text();
                assertThat(sms).as(key + " " + locale).startsWith("Disdukcapil: ").doesNotContain(PIN, "{", "}");
                assertThat(GsmAlphabet.canEncode(sms)).as(key + " " + locale + " in the GSM alphabet: " + sms).isTrue();
                assertThat(sms.length()).as(key + " " + locale).isLessThanOrEqualTo(ChannelTexts.SMS_MAX_LENGTH);
            }
        }
        // The English SMS is English: not the Indonesian text by fallback.
        assertThat(texts.render(Channel.SMS, "kkprint-ready", Locale.ENGLISH, model(), Set.of()).orElseThrow().text())
                .contains("ready to print");
        assertThat(texts.render(Channel.SMS, "recording-turn", Locale.ENGLISH, model(), Set.of()).orElseThrow().text())
                .contains("numbers left");
    }

    @Test
    void the_messages_with_a_secret_have_no_phone_text_and_name_their_secret() {
        for (String key : EMAIL_ONLY) {
            for (Locale locale : LANGUAGES) {
                assertThat(texts.render(Channel.WHATSAPP, key, locale, model(), Set.of())).as(key).isEmpty();
                assertThat(texts.render(Channel.SMS, key, locale, model(), Set.of())).as(key).isEmpty();
            }
        }
        for (String key : List.of("otp", "kkprint-delivered", "ikd-pin")) {
            assertThat(mail.render(key, Locale.of("id"), model()).secrets()).as(key).isNotEmpty();
        }
    }

    /**
     * A phone proof's code (decision 182) is the one secret that goes by SMS, and never by WhatsApp: its stored text
     * keeps the code's marker, filled in only when the message is handed to the gateway.
     */
    @Test
    void the_phone_proof_has_an_sms_text_only_and_its_stored_text_keeps_the_code_as_a_marker() {
        for (Locale locale : LANGUAGES) {
            Map<String, Object> model = Map.of("code", PIN, "minutes", 10);
            Set<String> secrets = mail.render("phone-proof", locale, model).secrets().keySet();
            assertThat(secrets).containsExactly("code");
            assertThat(texts.render(Channel.WHATSAPP, "phone-proof", locale, model, secrets)).isEmpty();
            String sms = texts.render(Channel.SMS, "phone-proof", locale, model, secrets).orElseThrow().text();
            assertThat(sms).startsWith("Disdukcapil: {{secret:code}} ").doesNotContain(PIN);
            String sent = MailTemplates.reveal(sms, Map.of("code", PIN));
            assertThat(GsmAlphabet.canEncode(sent)).as(sent).isTrue();
            assertThat(sent.length()).as("one SMS part: " + sent).isLessThanOrEqualTo(160);
        }
    }

    /** Every value any citizen message names, the PIN among them. */
    private static Map<String, Object> model() {
        Map<String, Object> model = new HashMap<>();
        model.put("name", "Siti Aminah");
        model.put("resident", "Siti Aminah");
        model.put("code", "B-0042");
        model.put("queue", "A-007");
        model.put("date", "Senin, 7 Desember 2026");
        model.put("point", "Disdukcapil Kab. Bandung");
        model.put("address", "Jl. Raya Soreang");
        model.put("hours", "08.00\u201315.00");
        model.put("history", "https://portal.example/bds/riwayat");
        model.put("reason", "Foto dokumen tidak terbaca");
        model.put("freeDays", "- Selasa, 8 Desember 2026");
        model.put("link", "https://portal.example/bds/booking");
        model.put("tracking", "KK-261207-ABCD");
        model.put("expires", "14 Desember 2026");
        model.put("mailbox", "si***@example.test");
        model.put("ticket", "A-012");
        model.put("ahead", 3);
        model.put("pin", PIN);
        model.put("minutes", 10);
        model.put("reference", "KKQR-0001");
        model.put("recipient", "siti@example.test");
        return model;
    }
}
