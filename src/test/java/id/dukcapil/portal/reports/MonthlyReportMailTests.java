package id.dukcapil.portal.reports;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.notification.TestMailServer;
import id.dukcapil.portal.sla.StepClock;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import id.dukcapil.portal.shared.Acting;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithUserDetails;

/** On the first working day of a month each manager on the list gets the previous month's workbook, once. */
@PortalTest
@WithUserDetails("manajer")
class MonthlyReportMailTests {

    private static final YearMonth REPORTED = YearMonth.of(2035, 8);
    private static final List<String> MANAGERS = List.of("kabid.rpt@example.test", "sekdis.rpt@example.test");

    @Autowired MonthlyReportMail monthly;
    @Autowired StepClock stepClock;
    @Autowired DailyRollups rollups;
    @Autowired TestClock clock;
    @Autowired TestMailServer mailServer;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void real_time_again() {
        clock.reset();
    }

    @Test
    void two_nodes_on_the_first_working_day_send_the_previous_months_report_once_to_each_manager() throws Exception {
        GeneratedMonth.record(stepClock, REPORTED, 10, 2085);
        rollups.refresh();
        var firstWorkingDay = MonthlyReportMail.firstWorkingDay(REPORTED.plusMonths(1));
        assertThat(firstWorkingDay.getDayOfWeek().getValue()).isLessThanOrEqualTo(5);

        // The weekend before it (1 September 2035 is a Saturday): not yet.
        clock.setInstant(firstWorkingDay.minusDays(1).atTime(7, 0).atZone(GeneratedMonth.OFFICE).toInstant());
        assertThat(monthly.sendIfDue(MANAGERS)).isFalse();

        clock.setInstant(firstWorkingDay.atTime(7, 0).atZone(GeneratedMonth.OFFICE).toInstant());
        Authentication manager = SecurityContextHolder.getContext().getAuthentication();
        Callable<Boolean> node = () -> Acting.as(manager, () -> monthly.sendIfDue(MANAGERS));
        try (ExecutorService nodes = Executors.newFixedThreadPool(2)) {
            List<Future<Boolean>> runs = nodes.invokeAll(List.of(node, node));
            assertThat(List.of(runs.get(0).get(), runs.get(1).get())).containsExactlyInAnyOrder(true, false);
        }
        assertThat(monthly.sendIfDue(MANAGERS)).as("a later run the same day").isFalse();
        clock.setInstant(firstWorkingDay.plusDays(1).atTime(7, 0).atZone(GeneratedMonth.OFFICE).toInstant());
        assertThat(monthly.sendIfDue(MANAGERS)).as("the next working day").isFalse();

        List<MimeMessage> mails = awaitMails(2);
        assertThat(mails).hasSize(2);
        for (MimeMessage mail : mails) {
            assertThat(mail.getSubject()).isEqualTo("Laporan kinerja bulanan 08/2035");
            Part attachment = attachment(mail);
            assertThat(attachment.getFileName()).isEqualTo("laporan-kinerja-2035-08-01_2035-08-31.xlsx");
            try (InputStream in = attachment.getInputStream(); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
                assertThat(workbook.getSheet("Ringkasan")).isNotNull();
                assertThat(workbook.getSheet("Langkah").getLastRowNum()).isEqualTo(10 * REPORTED.lengthOfMonth());
            }
        }
        // Nothing queued twice: one message in the outbox for each manager, and both went (issue 50: the outbox's
        // rows say so at once, instead of a fixed wait for a second copy).
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM notification_message WHERE template_key = ? AND recipient IN (?, ?)""",
                Integer.class, MonthlyReportMail.TEMPLATE, MANAGERS.get(0), MANAGERS.get(1))).isEqualTo(2);
        assertThat(mailsTo()).hasSize(2);
    }

    private List<MimeMessage> awaitMails(int expected) throws InterruptedException {
        for (int i = 0; i < 60 && mailsTo().size() < expected; i++) {
            Thread.sleep(500);
        }
        return mailsTo();
    }

    private List<MimeMessage> mailsTo() {
        return mailServer.received().stream().filter(message -> {
            try {
                return MANAGERS.contains(message.getAllRecipients()[0].toString());
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static Part attachment(MimeMessage mail) throws Exception {
        Multipart parts = (Multipart) mail.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            if (Part.ATTACHMENT.equalsIgnoreCase(parts.getBodyPart(i).getDisposition())) {
                return parts.getBodyPart(i);
            }
        }
        throw new AssertionError("no attachment");
    }
}
