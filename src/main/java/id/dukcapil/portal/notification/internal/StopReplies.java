package id.dukcapil.portal.notification.internal;

import id.dukcapil.portal.audit.Actor;
import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.notification.Channel;
import id.dukcapil.portal.notification.Reach;
import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A citizen's text reply on a phone channel: STOP or BERHENTI opts that phone out of the channel, audited the first
 * time only (a provider delivers a reply again until it is acknowledged). Anything else is not acted on.
 */
@Component
public class StopReplies {

    private static final Set<String> STOP_WORDS = Set.of("STOP", "BERHENTI");

    private final ChannelStore channels;
    private final AuditLog auditLog;
    private final Clock clock;

    StopReplies(ChannelStore channels, AuditLog auditLog, Clock clock) {
        this.channels = channels;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** {@code from} as the provider names it: the international number with or without its +. */
    @Transactional
    public void apply(Channel channel, @Nullable String from, String text) {
        String words = text.strip().toUpperCase(Locale.ROOT);
        String phone = from == null ? "" : "+" + from.strip().replaceFirst("^\\+", "");
        if (STOP_WORDS.contains(words) && Reach.isPhone(phone) && channels.optOut(channel, phone, clock.instant())) {
            auditLog.record(Actor.system(channel.name().toLowerCase(Locale.ROOT)), AuditRecord.success(
                    "notification.opted-out", "Phone", masked(phone)).withDetail("reply by " + channel.displayName() + ": " + words));
        }
    }

    /** The log names the phone by its last digits only. */
    public static String masked(@Nullable String phone) {
        return phone == null || phone.length() < 4 ? "?" : "…" + phone.substring(phone.length() - 4);
    }
}
