package id.dukcapil.portal.booking.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalViewTest;
import id.dukcapil.portal.booking.BookingTestSupport;
import id.dukcapil.portal.booking.CitizenChannels;
import id.dukcapil.portal.booking.CitizenSession;
import id.dukcapil.portal.notification.Channel;
import id.dukcapil.portal.notification.TestSmsc;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A BDS citizen chooses on the home page how the portal's messages reach them (decision 140), WhatsApp and SMS only
 * once the phone is proved by the code the page sends to it (decision 182).
 */
class BdsChannelChoiceTest extends PortalViewTest {

    @Autowired BookingTestSupport support;
    @Autowired CitizenChannels channels;
    @Autowired JdbcTemplate jdbc;

    @Test
    void a_citizen_proves_the_phone_on_the_home_page_then_chooses_whatsapp_and_the_choice_is_kept_and_audited() {
        CitizenSession citizen = support.citizen();
        BdsPage.signIn(citizen);

        BdsHomeView home = navigate(BdsHomeView.class);
        assertThat(home.channel.getValue()).as("e-mail until the citizen chooses").isEqualTo(Channel.EMAIL);
        assertThat(home.phoneStatus.getText()).as("the registered number, not proved")
                .isEqualTo("Nomor +6281234567890 belum dibuktikan: WhatsApp dan SMS baru dipakai setelah Anda "
                        + "memasukkan kode yang dikirim lewat SMS ke nomor itu.");
        test(home.channel).selectItem("WhatsApp (ke nomor HP akun)");
        assertThat(home.phoneNote.getText()).as("said beside the proof, not in a toast over it")
                .startsWith("Nomor HP akun ini belum dibuktikan.");
        assertThat(home.channel.getValue()).as("the choice stays").isEqualTo(Channel.EMAIL);
        assertThat(channels.chosen(citizen)).isEqualTo(Channel.EMAIL);
        assertThat(home.code.isAttached()).as("no code asked for yet").isFalse();

        String phone = support.newPhone();
        test(home.phone).setValue(phone.replace("+62", "0"));
        test(home.sendCode).click();
        assertThat(home.phoneNote.getText())
                .isEqualTo("Kode 6 angka dikirim lewat SMS ke " + phone + ". Kode berlaku 10 menit.");
        String sent = BookingTestSupport.smsCodeTo(phone.substring(1), 0);
        // The form bound (issue 55 item 4): a code short of six digits is said at its field, and spends no try.
        test(home.code).setValue("123");
        test(home.prove).click();
        assertThat(home.code.isInvalid()).isTrue();
        assertThat(home.code.getErrorMessage()).startsWith("Kode dari SMS terdiri dari 6 angka.");
        test(home.code).setValue("000000".equals(sent) ? "000001" : "000000");
        test(home.prove).click();
        assertThat(home.phoneNote.getText()).startsWith("Kode salah, kedaluwarsa");
        test(home.code).setValue(sent);
        test(home.prove).click();
        assertThat(home.phoneNote.getText()).startsWith("Nomor " + phone + " terbukti.");
        assertThat(home.phoneStatus.getText()).isEqualTo("Nomor " + phone + " sudah dibuktikan.");
        assertThat(TestSmsc.textsTo(phone.substring(1))).hasSize(1);

        test(home.channel).selectItem("WhatsApp (ke nomor HP akun)");
        assertThat(channels.chosen(citizen)).isEqualTo(Channel.WHATSAPP);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = 'booking.account.channel-chosen' "
                + "AND subject_id = ? AND detail = 'EMAIL -> WHATSAPP'", Integer.class,
                String.valueOf(citizen.citizenId()))).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = 'booking.account.phone-proved' "
                + "AND subject_id = ?", Integer.class, String.valueOf(citizen.citizenId()))).isEqualTo(1);
        BdsHomeView again = navigate(BdsHomeView.class);
        assertThat(again.channel.getValue()).isEqualTo(Channel.WHATSAPP);
    }
}
