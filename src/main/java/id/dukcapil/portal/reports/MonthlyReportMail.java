package id.dukcapil.portal.reports;

import id.dukcapil.portal.notification.Outbox;
import id.dukcapil.portal.notification.OutgoingMail;
import id.dukcapil.portal.reports.internal.MonthlyMailStore;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.i18n.PortalMessages;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The previous month's workbook to each manager on the list, on the first working day of the month (Monday to
 * Friday; a later day of the month catches up if no node ran then). Once per month whatever the number of nodes:
 * the month is claimed by a row in the same transaction that puts the mails into the outbox.
 */
@Service
@PreAuthorize("hasAnyRole('" + Roles.MANAGER + "', '" + Roles.ADMIN + "')")
public class MonthlyReportMail {

    static final String TEMPLATE = "reports-monthly";
    private static final Logger LOG = LoggerFactory.getLogger(MonthlyReportMail.class);

    private final ReportWorkbook workbook;
    private final MonthlyMailStore store;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;

    MonthlyReportMail(ReportWorkbook workbook, MonthlyMailStore store, Outbox outbox, TransactionTemplate transactions,
                      Clock clock) {
        this.workbook = workbook;
        this.store = store;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The first Monday-to-Friday of the month (public holidays are not known to the portal). */
    public static LocalDate firstWorkingDay(YearMonth month) {
        LocalDate day = month.atDay(1);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day;
    }

    /**
     * On or after this month's first working day, sends the previous month's report unless it has been sent.
     *
     * @return whether this call queued it
     */
    public boolean sendIfDue(List<String> recipients) {
        LocalDate today = LocalDate.now(clock);
        YearMonth previous = YearMonth.from(today).minusMonths(1);
        if (recipients.isEmpty() || today.isBefore(firstWorkingDay(YearMonth.from(today))) || store.sent(previous)) {
            return false;
        }
        ReportFilter filter = ReportFilter.between(previous.atDay(1), previous.atEndOfMonth());
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        long steps = workbook.write(filter, PortalMessages.INDONESIAN, file, done -> { }, true);
        byte[] content = file.toByteArray();
        if (content.length > OutgoingMail.ATTACHMENTS_MAX_BYTES) {
            // Too large to mail with every raw step: the figures go, the raw steps stay on the dashboard's download.
            file.reset();
            workbook.write(filter, PortalMessages.INDONESIAN, file, done -> { }, false);
            content = file.toByteArray();
        }
        byte[] attachment = content;
        String month = previous.format(DateTimeFormatter.ofPattern("MM/yyyy"));
        Boolean queued = transactions.execute(status -> {
            if (!store.claim(previous, recipients.size(), clock.instant())) {
                return false;
            }
            for (String recipient : recipients) {
                outbox.enqueue(OutgoingMail.of(recipient, TEMPLATE, PortalMessages.INDONESIAN,
                                Map.of("name", recipient, "month", month, "steps", steps))
                        .withAttachment(workbook.fileName(filter), ReportWorkbook.CONTENT_TYPE, attachment));
            }
            return true;
        });
        if (Boolean.TRUE.equals(queued)) {
            LOG.info("Monthly report of {} queued for {} recipient(s)", previous, recipients.size());
        }
        return Boolean.TRUE.equals(queued);
    }
}
