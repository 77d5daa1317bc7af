package id.dukcapil.portal.notification.internal;

import id.dukcapil.portal.notification.Channel;
import id.dukcapil.portal.outside.OutsideSystem;
import id.dukcapil.portal.outside.WaitingWork;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The messages waiting per channel, for the banner of a provider away (decision 198): those still to be handed over
 * (queued, between attempts, being sent), as the operator's meters count them, in one grouped read.
 */
@Component
class OutboxWaiting implements WaitingWork {

    private final OutboxBacklog backlog;

    OutboxWaiting(OutboxBacklog backlog) {
        this.backlog = backlog;
    }

    @Override
    public Map<OutsideSystem, Long> waiting() {
        Map<OutsideSystem, Long> waiting = new EnumMap<>(OutsideSystem.class);
        for (Channel channel : Channel.values()) {
            waiting.put(ChannelDelivery.system(channel), 0L);
        }
        backlog.backlog().forEach(channel -> waiting.put(ChannelDelivery.system(channel.channel()), channel.waiting()));
        return waiting;
    }
}
