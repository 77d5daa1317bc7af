package id.dukcapil.portal.booking.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalViewTest;
import id.dukcapil.portal.booking.BookingTestSupport;
import id.dukcapil.portal.booking.CitizenChannels;
import id.dukcapil.portal.booking.CitizenSession;
import id.dukcapil.portal.notification.Channel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A BDS citizen chooses on the home page how the portal's messages reach them (decision 140). */
class BdsChannelChoiceTest extends PortalViewTest {

    @Autowired BookingTestSupport support;
    @Autowired CitizenChannels channels;
    @Autowired JdbcTemplate jdbc;

    @Test
    void a_citizen_chooses_whatsapp_on_the_home_page_and_the_choice_is_kept_and_audited() {
        CitizenSession citizen = support.citizen();
        BdsPage.signIn(citizen);

        BdsHomeView home = navigate(BdsHomeView.class);
        assertThat(home.channel.getValue()).as("e-mail until the citizen chooses").isEqualTo(Channel.EMAIL);
        test(home.channel).selectItem("WhatsApp (ke nomor HP akun)");

        assertThat(channels.chosen(citizen)).isEqualTo(Channel.WHATSAPP);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = 'booking.account.channel-chosen' "
                + "AND subject_id = ? AND detail = 'EMAIL -> WHATSAPP'", Integer.class,
                String.valueOf(citizen.citizenId()))).isEqualTo(1);
        BdsHomeView again = navigate(BdsHomeView.class);
        assertThat(again.channel.getValue()).isEqualTo(Channel.WHATSAPP);
    }
}
