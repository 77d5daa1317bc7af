package id.dukcapil.portal.schoolvisit;

import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.notification.OutgoingMail;
import id.dukcapil.portal.notification.Outbox;
import id.dukcapil.portal.schoolvisit.internal.SchoolRepository;
import id.dukcapil.portal.schoolvisit.internal.StudentRepository;
import id.dukcapil.portal.schoolvisit.internal.VisitReads;
import id.dukcapil.portal.schoolvisit.internal.SchoolVisitRepository;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.i18n.PortalMessages;
import id.dukcapil.portal.shared.pdf.PdfRenderer;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The letter that tells a school of the visit (SOP D step 1's output), with the visit's list of students under it:
 * a Jasper PDF, downloaded or e-mailed to the school through the outbox.
 */
@Service
public class VisitLetters {

    static final String TEMPLATE = "schoolvisit/visit-letter";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final VisitReads plans;
    private final SchoolVisitRepository visits;
    private final SchoolRepository schools;
    private final StudentRepository students;
    private final PdfRenderer renderer;
    private final Outbox outbox;
    private final AuditLog auditLog;
    private final MessageSource messages;
    private final Clock clock;

    VisitLetters(VisitReads plans, SchoolVisitRepository visits, SchoolRepository schools, StudentRepository students, PdfRenderer renderer, Outbox outbox,
                 AuditLog auditLog, MessageSource messages, Clock clock) {
        this.plans = plans;
        this.visits = visits;
        this.schools = schools;
        this.students = students;
        this.renderer = renderer;
        this.outbox = outbox;
        this.auditLog = auditLog;
        this.messages = messages;
        this.clock = clock;
    }

    /** A student's line of the visit's list. */
    public record Line(String no, String name, String className, String birthDate) {
    }

    /** The letter with the day's list of students, as a PDF. */
    @Transactional(readOnly = true)
    @PreAuthorize(Schools.READERS)
    public byte[] pdf(long visitId) {
        SchoolVisit visit = visit(visitId);
        return render(visit, school(visit));
    }

    /** E-mails the letter to the school through the outbox; refused for a school without an e-mail address. */
    @Transactional
    @PreAuthorize(Schools.PLANNERS)
    public SchoolVisit send(long visitId) {
        SchoolVisit visit = visit(visitId);
        School school = school(visit);
        if (school.contactEmail() == null) {
            throw new RuleViolation("schoolvisit.error.no-email", school.name());
        }
        Locale id = PortalMessages.INDONESIAN;
        outbox.enqueue(OutgoingMail.of(school.contactEmail(), "schoolvisit-letter", id,
                        Map.of("school", school.name(), "contact", school.contactName(), "day", DATE.format(visit.day())))
                .withAttachment("pemberitahuan-perekaman-" + school.npsn() + "-" + visit.day() + ".pdf",
                        OutgoingMail.Attachment.PDF, render(visit, school))
                .withReference("D-V" + visitId));
        visits.findById(visitId).orElseThrow().letterSent(clock.instant());
        auditLog.record(AuditRecord.success("schoolvisit.letter.sent", "SchoolVisit", String.valueOf(visitId))
                .withDetail(school.npsn() + " " + visit.day()));
        return visit(visitId);
    }

    private byte[] render(SchoolVisit visit, School school) {
        Locale id = PortalMessages.INDONESIAN;
        List<Line> lines = new ArrayList<>();
        for (Student student : students.roster(school.id(), FieldDesk.ROSTER_MAX)) {
            if (student.state() == StudentState.ON_ROSTER) {
                lines.add(new Line(String.valueOf(lines.size() + 1), student.fullName(), student.className(),
                        DATE.format(student.birthDate())));
            }
        }
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("OFFICE", text("shared.report.office", id));
        parameters.put("TITLE", text("schoolvisit.letter.title", id));
        parameters.put("ADDRESSEE", text("schoolvisit.letter.addressee", id, school.contactName(), school.name(),
                school.address()));
        parameters.put("BODY", text("schoolvisit.letter.body", id, DATE.format(visit.day()), lines.size()));
        parameters.put("LIST_TITLE", text("schoolvisit.letter.list", id, school.name(), DATE.format(visit.day())));
        parameters.put("H_NO", text("schoolvisit.column.number", id));
        parameters.put("H_NAME", text("schoolvisit.column.name", id));
        parameters.put("H_CLASS", text("schoolvisit.column.class", id));
        parameters.put("H_BIRTH", text("schoolvisit.column.birth-date", id));
        return renderer.render(TEMPLATE, parameters, lines);
    }

    private SchoolVisit visit(long visitId) {
        return plans.visit(visitId).orElseThrow(() -> new RuleViolation("schoolvisit.error.visit-not-found"));
    }

    private School school(SchoolVisit visit) {
        return schools.find(visit.schoolId()).orElseThrow(() -> new RuleViolation("schoolvisit.error.school-not-found"));
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
