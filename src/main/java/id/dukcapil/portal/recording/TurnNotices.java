package id.dukcapil.portal.recording;

import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.notification.Channel;
import id.dukcapil.portal.notification.MessageKind;
import id.dukcapil.portal.notification.Outbox;
import id.dukcapil.portal.notification.OutgoingMail;
import id.dukcapil.portal.notification.Reach;
import id.dukcapil.portal.recording.internal.VisitRepository;
import id.dukcapil.portal.recording.internal.VisitSql;
import id.dukcapil.portal.staff.ServicePoints;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * SOP C's turn notice: a resident who gave an e-mail address or a mobile number at the registration desk (optional,
 * the desk asks) is told once when {@link #AHEAD} numbers or fewer are ahead of theirs, so they may wait outside the
 * room. Looked at in the transaction of each call (and of the wish itself): the notice and the call commit together,
 * and the outbox's unique key keeps it one message even when two desks' calls both find it due.
 */
@Component
class TurnNotices {

    static final int AHEAD = 3;

    private final VisitRepository visits;
    private final Outbox outbox;
    private final ServicePoints servicePoints;
    private final AuditLog auditLog;
    private final Clock clock;

    TurnNotices(VisitRepository visits, Outbox outbox, ServicePoints servicePoints, AuditLog auditLog, Clock clock) {
        this.visits = visits;
        this.outbox = outbox;
        this.servicePoints = servicePoints;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** Tells every waiting number of the point's day with {@link #AHEAD} or fewer ahead that asked and was not told. */
    @Transactional(propagation = Propagation.MANDATORY)
    void tellNear(String point, LocalDate day) {
        List<VisitSql.TurnNotice> next = visits.nextWaiting(point, day, AHEAD + 1);
        for (int ahead = 0; ahead < next.size(); ahead++) {
            VisitSql.TurnNotice notice = next.get(ahead);
            if (notice.wanted() && notice.address() != null && visits.turnTold(notice.visitId(), clock.instant())) {
                tell(notice, notice.address(), point, ahead);
            }
        }
    }

    private void tell(VisitSql.TurnNotice notice, String address, String point, int ahead) {
        Locale locale = Locale.forLanguageTag(notice.locale() == null ? "id" : notice.locale());
        String pointName = servicePoints.byCode(point).map(found -> found.name()).orElse(point);
        Channel channel = notice.channel() == null ? Channel.EMAIL : Channel.valueOf(notice.channel());
        // By phone, the phone alone: the resident gave the desk no address to fall back on.
        Reach reach = channel == Channel.EMAIL ? Reach.emailOnly() : Reach.phoneOnly(channel, address);
        outbox.enqueue(OutgoingMail.of(address, "recording-turn", locale,
                        Map.of("ticket", notice.ticket(), "ahead", ahead, "point", pointName))
                .withKind(MessageKind.TURN)
                .withOnceKey("recording-turn/" + notice.visitId()), reach);
        auditLog.record(AuditRecord.success("recording.turn-notice.sent", "RecordingVisit",
                String.valueOf(notice.visitId()))
                .withDetail(notice.ticket() + ", " + ahead + " ahead, by " + channel.displayName()));
    }
}
