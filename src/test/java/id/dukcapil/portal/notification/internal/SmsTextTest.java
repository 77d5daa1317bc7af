package id.dukcapil.portal.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmsTextTest {

    @Test
    void the_gsm_basic_set_has_its_128_codes() {
        assertThat(GsmAlphabet.BASIC).hasSize(128);
        assertThat(GsmAlphabet.encode("@$_é")).containsExactly(0x00, 0x02, 0x11, 0x05);
    }

    @Test
    void opening_hours_with_an_en_dash_and_curly_quotes_go_in_the_gsm_alphabet() {
        String text = ChannelTexts.smsText("Loket buka 08.00\u201315.00 \u2014 \u201Cbawa KTP\u201D, Anda\u2019s \u2026");
        assertThat(text).isEqualTo("Loket buka 08.00-15.00 - \"bawa KTP\", Anda's ...");
        assertThat(GsmAlphabet.canEncode(text)).isTrue();
    }

    @Test
    void ascii_that_is_not_gsm_and_letters_outside_it_are_not_taken_for_gsm() {
        assertThat(GsmAlphabet.canEncode("Señor Müller, £5 @ é")).isTrue();
        assertThat(GsmAlphabet.canEncode("a [code]")).isFalse();
        assertThat(GsmAlphabet.canEncode("Rp 5.000 \u20AC")).isFalse();
    }

    @Test
    void a_long_gsm_text_is_cut_to_three_parts_with_three_dots() {
        String text = ChannelTexts.smsText("a".repeat(500));
        assertThat(text).hasSize(ChannelTexts.SMS_MAX_LENGTH).endsWith("...");
    }

    @Test
    void a_long_text_that_must_go_as_ucs2_is_cut_to_three_parts_of_67() {
        String text = ChannelTexts.smsText("\u0628".repeat(300));
        assertThat(text).hasSize(ChannelTexts.SMS_UCS2_MAX_LENGTH).endsWith("...");
    }
}
