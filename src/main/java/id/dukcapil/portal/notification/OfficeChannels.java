package id.dukcapil.portal.notification;

import id.dukcapil.portal.notification.internal.ChannelPort;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The channels this office configured (e-mail always; WhatsApp and SMS once their settings are given), so a form
 * offers a resident only a channel that can reach them: a turn notice by phone only, on a channel nobody configured,
 * would never arrive (decision 153).
 */
@Service
public class OfficeChannels {

    private final List<ChannelPort> ports;

    OfficeChannels(List<ChannelPort> ports) {
        this.ports = List.copyOf(ports);
    }

    /** In {@link Channel}'s order: e-mail first, then the phone channels this office configured. */
    public List<Channel> offered() {
        return Arrays.stream(Channel.values()).filter(this::configured).toList();
    }

    /** Whether any of the reach's channels is configured: a message on it can go out. */
    public boolean canReach(Reach reach) {
        return reach.channels().stream().anyMatch(this::configured);
    }

    private boolean configured(Channel channel) {
        return channel == Channel.EMAIL
                || ports.stream().anyMatch(port -> port.channel() == channel && port.configured());
    }
}
