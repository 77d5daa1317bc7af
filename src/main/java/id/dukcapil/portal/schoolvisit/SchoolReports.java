package id.dukcapil.portal.schoolvisit;

import id.dukcapil.portal.audit.PersonalData;
import id.dukcapil.portal.audit.PersonalDataViews;
import id.dukcapil.portal.schoolvisit.internal.SchoolRepository;
import id.dukcapil.portal.schoolvisit.internal.StudentRepository;
import id.dukcapil.portal.schoolvisit.internal.VisitReads;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.report.TableReport;
import id.dukcapil.portal.staff.StaffNames;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The report of a school: students on the roster, recorded at school or before, printed, handed over, waiting for
 * their birthday, corrected — with its visits and its roster; one table report, printed as PDF and Excel.
 */
@Service
public class SchoolReports {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final SchoolRepository schools;
    private final StudentRepository students;
    private final VisitReads plans;
    private final StaffNames staffNames;
    private final MessageSource messages;
    private final PersonalDataViews personalData;
    private final Clock clock;

    SchoolReports(SchoolRepository schools, StudentRepository students, VisitReads plans, StaffNames staffNames,
                  MessageSource messages, PersonalDataViews personalData, Clock clock) {
        this.personalData = personalData;
        this.schools = schools;
        this.students = students;
        this.plans = plans;
        this.staffNames = staffNames;
        this.messages = messages;
        this.clock = clock;
    }

    /** A school's figures, for its card on the planner's screen. */
    @Transactional(readOnly = true)
    @PreAuthorize(Schools.READERS)
    public SchoolFigures figures(long schoolId) {
        return students.figures(schoolId);
    }

    /**
     * A school's report for the file named {@code download} ({@code sekolah/laporan-pdf}): every student it names is
     * recorded as downloaded before the file goes (decision 129, issue 50).
     */
    @Transactional(readOnly = true)
    @PreAuthorize(Schools.READERS)
    public TableReport school(long schoolId, Locale locale, String download) {
        return downloaded(download, schoolReport(schoolId, locale));
    }

    private TableReport downloaded(String download, TableReport report) {
        personalData.downloaded(download, report.people().stream().map(PersonalData::nik).toList());
        return report;
    }

    private TableReport schoolReport(long schoolId, Locale locale) {
        School school = schools.find(schoolId).orElseThrow(() -> new RuleViolation("schoolvisit.error.school-not-found"));
        List<List<Object>> visitRows = new ArrayList<>();
        for (SchoolVisit visit : plans.ofSchool(schoolId)) {
            visitRows.add(List.of(DATE.format(visit.day()), text(visit.state().labelKey(), locale), visit.kitName(),
                    visit.team().size(), visit.cardsTaken(), visit.cardsPrinted()));
        }
        return new TableReport("sekolah-" + school.npsn() + "-" + LocalDate.now(clock),
                text("schoolvisit.report.title", locale),
                school.name() + " · NPSN " + school.npsn() + " · " + DATE.format(LocalDate.now(clock)),
                text("schoolvisit.report.footer", locale),
                List.of(figureTable(students.figures(schoolId), locale),
                        new TableReport.Table(text("schoolvisit.report.visits", locale),
                                List.of(text("schoolvisit.column.day", locale), text("schoolvisit.column.state", locale),
                                        text("schoolvisit.column.kit", locale), text("schoolvisit.column.team", locale),
                                        text("schoolvisit.column.cards-taken", locale),
                                        text("schoolvisit.column.cards-printed", locale)), visitRows),
                        studentTable(students.roster(schoolId, FieldDesk.ROSTER_MAX), locale)));
    }

    /**
     * The report of one visit: the school's roster and, of the students the team saw that day, those recorded there
     * or before, waiting for their 17th birthday, printed (on the day or later), handed over, corrected; with the
     * visit's team, kit and blank cards, and the students seen.
     */
    @Transactional(readOnly = true)
    @PreAuthorize(Schools.READERS)
    public TableReport visit(long visitId, Locale locale, String download) {
        return downloaded(download, visitReport(visitId, locale));
    }

    private TableReport visitReport(long visitId, Locale locale) {
        SchoolVisit visit = plans.visit(visitId).orElseThrow(() -> new RuleViolation("schoolvisit.error.visit-not-found"));
        Map<String, String> names = staffNames.of(visit.team());
        String team = visit.team().stream().map(u -> names.getOrDefault(u, u)).collect(Collectors.joining(", "));
        List<List<Object>> visitRows = List.of(
                List.of(text("schoolvisit.column.state", locale), text(visit.state().labelKey(), locale)),
                List.of(text("schoolvisit.column.kit", locale), visit.kitName()),
                List.of(text("schoolvisit.column.team", locale), team),
                List.of(text("schoolvisit.column.cards-taken", locale), (long) visit.cardsTaken()),
                List.of(text("schoolvisit.column.cards-printed", locale), (long) visit.cardsPrinted()));
        return new TableReport("kunjungan-" + visit.id() + "-" + visit.day(),
                text("schoolvisit.report.visit-title", locale),
                visit.schoolName() + " · " + DATE.format(visit.day()),
                text("schoolvisit.report.footer", locale),
                List.of(figureTable(students.visitFigures(visit.schoolId(), visit.id()), locale),
                        new TableReport.Table(text("schoolvisit.report.visit", locale),
                                List.of(text("schoolvisit.report.figure", locale), text("schoolvisit.report.detail", locale)),
                                visitRows),
                        studentTable(students.seenAt(visit.id(), FieldDesk.ROSTER_MAX), locale)));
    }

    private TableReport.Table figureTable(SchoolFigures figures, Locale locale) {
        List<List<Object>> rows = List.of(
                List.of(text("schoolvisit.report.roster", locale), figures.roster()),
                List.of(text("schoolvisit.report.recorded-here", locale), figures.recordedHere()),
                List.of(text("schoolvisit.report.recorded-before", locale), figures.alreadyRecorded()),
                List.of(text("schoolvisit.report.waiting", locale), figures.waiting()),
                List.of(text("schoolvisit.report.printed", locale), figures.printed()),
                List.of(text("schoolvisit.report.handed-over", locale), figures.handedOver()),
                List.of(text("schoolvisit.report.ended", locale), figures.ended()),
                List.of(text("schoolvisit.report.corrected", locale), figures.corrected()));
        return new TableReport.Table(text("schoolvisit.report.figures", locale),
                List.of(text("schoolvisit.report.figure", locale), text("schoolvisit.report.count", locale)), rows);
    }

    private TableReport.Table studentTable(List<Student> list, Locale locale) {
        List<List<Object>> rows = new ArrayList<>();
        for (Student student : list) {
            rows.add(List.of(student.fullName(), Nik.of(student.nik()).masked(), student.className(),
                    DATE.format(student.birthDate()), text(student.state().labelKey(), locale),
                    student.corrected() ? text("schoolvisit.report.yes", locale) : ""));
        }
        return new TableReport.Table(text("schoolvisit.report.students", locale),
                List.of(text("schoolvisit.column.name", locale), "NIK", text("schoolvisit.column.class", locale),
                        text("schoolvisit.column.birth-date", locale), text("schoolvisit.column.state", locale),
                        text("schoolvisit.column.corrected", locale)), rows)
                .naming(list.stream().map(Student::nik).toList());
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
