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
 * The channel a BDS citizen chose for the portal's messages (decision 140): e-mail, WhatsApp or SMS to the account's
 * phone once it is proved by a code sent to it (decision 182, {@link CitizenPhones}). Choosing e-mail is also how a
 * citizen opts out of WhatsApp and SMS.
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

    /** Whether the account's phone is proved: WhatsApp and SMS may be chosen, and its messages reach it. */
    @Transactional(readOnly = true)
    public boolean phoneProved(CitizenSession citizen) {
        return citizens.provedPhone(citizen.citizenId()).isPresent();
    }

    /**
     * WhatsApp or SMS only to a proved phone: an unproved one is refused ({@link RefusalCode#PHONE_NOT_PROVED}) and the
     * choice stays as it was, so a stranger's number typed into an account never receives the portal's messages.
     */
    @Transactional
    public void choose(CitizenSession citizen, Channel channel) {
        if (channel != Channel.EMAIL && citizens.provedPhone(citizen.citizenId()).isEmpty()) {
            throw new BookingRefused(RefusalCode.PHONE_NOT_PROVED);
        }
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

    /**
     * Where the portal's messages to this citizen go: the chosen channel, then its fallbacks. Only a proved phone is
     * given: without one, WhatsApp and SMS are passed over and the message goes by e-mail.
     */
    Reach reach(long citizenId) {
        return Reach.chosen(channel(citizens.notifyChannel(citizenId)), citizens.provedPhone(citizenId).orElse(null));
    }

    private static Channel channel(String stored) {
        return Channel.valueOf(stored);
    }
}
