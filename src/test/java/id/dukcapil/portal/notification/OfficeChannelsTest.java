package id.dukcapil.portal.notification;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.notification.internal.ChannelPort;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A form offers only the channels this office configured: e-mail always, a phone channel once it is set up. */
class OfficeChannelsTest {

    /** A port as the office's settings leave it: only {@code configured()} is asked here. */
    private static ChannelPort port(Channel channel, boolean configured) {
        return new ChannelPort() {
            @Override
            public Channel channel() {
                return channel;
            }

            @Override
            public String describe() {
                return channel.displayName();
            }

            @Override
            public boolean configured() {
                return configured;
            }

            @Override
            public Session open() {
                throw new UnsupportedOperationException("nothing is sent here");
            }
        };
    }

    @Test
    void an_office_without_whatsapp_offers_e_mail_and_sms_and_a_whatsapp_only_reach_reaches_nobody() {
        OfficeChannels office = new OfficeChannels(List.of(port(Channel.EMAIL, true), port(Channel.WHATSAPP, false),
                port(Channel.SMS, true)));

        assertThat(office.offered()).containsExactly(Channel.EMAIL, Channel.SMS);
        assertThat(office.canReach(Reach.phoneOnly(Channel.WHATSAPP, "+6285712345678"))).as("WhatsApp falls back to SMS")
                .isTrue();
        assertThat(new OfficeChannels(List.of(port(Channel.EMAIL, true))).canReach(
                Reach.phoneOnly(Channel.WHATSAPP, "+6285712345678"))).isFalse();
    }
}
