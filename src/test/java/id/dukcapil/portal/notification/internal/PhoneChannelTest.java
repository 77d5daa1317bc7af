package id.dukcapil.portal.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.notification.Channel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PhoneChannelTest {

    record Given(boolean configured, Duration pace, int window, int handOverGroup)
            implements PhoneChannel.Settings {
    }

    static class Phone extends PhoneChannel {

        Phone(Given settings) {
            super(settings);
        }

        @Override
        public Channel channel() {
            return Channel.SMS;
        }

        @Override
        public String describe() {
            return "phone://test";
        }

        @Override
        public Session open() {
            throw new UnsupportedOperationException();
        }

        String to(OutboxStore.Claimed message) {
            return internationalNumber(message);
        }
    }

    @Test
    void the_sender_reads_a_phone_channel_as_its_settings_say() {
        Phone phone = new Phone(new Given(true, Duration.ofSeconds(6), 4, 10));

        assertThat(phone.configured()).isTrue();
        assertThat(phone.throttle()).isEqualTo(new ChannelPort.Throttle(1, Duration.ofSeconds(6)));
        assertThat(phone.window()).isEqualTo(4);
        assertThat(phone.handOverGroup()).isEqualTo(10);
    }

    @Test
    void a_channel_the_office_did_not_set_up_says_so() {
        Phone phone = new Phone(new Given(false, Duration.ZERO, 1, 1));

        assertThat(phone.configured()).isFalse();
        assertThat(phone.throttle().limits()).isFalse();
    }

    @Test
    void the_providers_get_the_number_without_its_plus() {
        OutboxStore.Claimed message = new OutboxStore.Claimed(1, "<m1@portal>", "+6281234567890", "booking-reminder",
                null, "", "", Map.of(), 0, List.of(),
                new OutboxStore.Way(Channel.SMS, List.of(), "+6281234567890", "id", null));

        assertThat(new Phone(new Given(true, Duration.ZERO, 1, 1)).to(message)).isEqualTo("6281234567890");
    }
}
