package id.dukcapil.portal.booking;

import id.dukcapil.portal.audit.Actor;
import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.booking.internal.CitizenStore;
import id.dukcapil.portal.notification.Channel;
import id.dukcapil.portal.notification.Reach;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The channel a BDS citizen chose for the portal's messages (decision 140): e-mail, WhatsApp or SMS to the phone
 * the account registered with. Choosing e-mail is also how a citizen opts out of WhatsApp and SMS.
 */
@Service
public class CitizenChannels {

    private final CitizenStore citizens;
    private final AuditLog auditLog;

    CitizenChannels(CitizenStore citizens, AuditLog auditLog) {
        this.citizens = citizens;
        this.auditLog = auditLog;
    }

    @Transactional(readOnly = true)
    public Channel chosen(CitizenSession citizen) {
        return channel(citizens.notifyChannel(citizen.citizenId()));
    }

    @Transactional
    public void choose(CitizenSession citizen, Channel channel) {
        Channel before = chosen(citizen);
        if (before == channel) {
            return;
        }
        citizens.setNotifyChannel(citizen.citizenId(), channel.name());
        auditLog.record(new Actor(Actor.Type.CITIZEN, "citizen:" + citizen.citizenId(), citizen.fullName(), Set.of(),
                        null),
                AuditRecord.success("booking.account.channel-chosen", "CitizenAccount", String.valueOf(citizen.citizenId()))
                        .withDetail(before + " -> " + channel));
    }

    /** Where the portal's messages to this citizen go: the chosen channel, then its fallbacks. */
    Reach reach(long citizenId, String phone) {
        return Reach.chosen(channel(citizens.notifyChannel(citizenId)), phone);
    }

    private static Channel channel(String stored) {
        return Channel.valueOf(stored);
    }
}
