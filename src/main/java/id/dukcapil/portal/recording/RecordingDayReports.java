package id.dukcapil.portal.recording;

import id.dukcapil.portal.audit.CurrentActor;
import id.dukcapil.portal.audit.PersonalData;
import id.dukcapil.portal.audit.PersonalDataViews;
import id.dukcapil.portal.recording.internal.VisitRepository;
import id.dukcapil.portal.recording.internal.VisitSql;
import id.dukcapil.portal.reports.DailySummarySource;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.report.TableReport;
import id.dukcapil.portal.shared.report.TableReport.Table;
import id.dukcapil.portal.shared.report.TableReportFiles;
import id.dukcapil.portal.sla.DaySteps;
import id.dukcapil.portal.sla.Procedure;
import id.dukcapil.portal.staff.ServicePoint;
import id.dukcapil.portal.staff.ServicePoints;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The day of a recording point (SOP C): its figures, each recording desk, each step's times, and the daily register
 * (BHPPK) with every visit and its outcome — as PDF and Excel (one {@link TableReport}). The desks read their own
 * point's, the managers any point's (the daily summary of SOP C).
 */
@Service
public class RecordingDayReports implements DailySummarySource {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final VisitRepository visits;
    private final DaySteps daySteps;
    private final ServicePoints servicePoints;
    private final TableReportFiles files;
    private final CurrentActor currentActor;
    private final MessageSource messages;
    private final PersonalDataViews personalData;
    private final Clock clock;

    RecordingDayReports(VisitRepository visits, DaySteps daySteps, ServicePoints servicePoints, TableReportFiles files,
                        CurrentActor currentActor, MessageSource messages, PersonalDataViews personalData, Clock clock) {
        this.visits = visits;
        this.personalData = personalData;
        this.daySteps = daySteps;
        this.servicePoints = servicePoints;
        this.files = files;
        this.currentActor = currentActor;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * The operator's own point's day, for the file named {@code download} ({@code registrasi/register-pdf}): the
     * register names every resident of the day, each recorded as downloaded before the file goes (decision 129).
     */
    @PreAuthorize("hasAnyRole('" + Roles.REGISTRATION_OPERATOR + "', '" + Roles.RECORDING_OPERATOR + "')")
    @Transactional(readOnly = true)
    public TableReport mine(LocalDate day, Locale locale, String download) {
        TableReport report = make(currentActor.servicePoint(), day, locale);
        personalData.downloaded(download, report.people().stream().map(PersonalData::nik).toList());
        return report;
    }

    @Override
    public Procedure procedure() {
        return Procedure.C_RECORDING;
    }

    /**
     * The manager's daily summary (reports guards who reads it), opened from the reports: the day's register names
     * every resident of the day, each recorded as downloaded before the file goes (decision 129).
     */
    @Override
    public byte[] pdf(String servicePoint, LocalDate day, Locale locale) {
        TableReport report = make(servicePoint, day, locale);
        personalData.downloaded("reports/perekaman-pdf", report.people().stream().map(PersonalData::nik).toList());
        return files.pdf(report, locale);
    }

    TableReport make(String point, LocalDate day, Locale locale) {
        ServicePoint servicePoint = servicePoints.byCode(point)
                .orElseThrow(() -> new RuleViolation("reports.daily.unknown-point", point));
        List<Visit> register = visits.findByServicePointAndDayOrderById(point, day).stream()
                .map(id.dukcapil.portal.recording.internal.VisitEntity::toRecord).toList();
        Map<VisitState, Long> byState = register.stream()
                .collect(Collectors.groupingBy(Visit::state, Collectors.counting()));
        long queued = register.stream().filter(visit -> visit.ticket() != null).count();
        List<VisitSql.DeskDay> desks = visits.desks(point, day);
        long failures = desks.stream().mapToLong(VisitSql.DeskDay::failed).sum();
        long technical = desks.stream().mapToLong(VisitSql.DeskDay::technical).sum();

        List<Table> tables = new ArrayList<>();
        List<List<Object>> summary = new ArrayList<>(List.of(
                row(text("recording.report.visits", locale), (long) register.size()),
                row(text("recording.state.DOCUMENTS_RETURNED", locale), count(byState, VisitState.DOCUMENTS_RETURNED)),
                row(text("recording.state.ALREADY_RECORDED", locale), count(byState, VisitState.ALREADY_RECORDED)),
                row(text("recording.report.queued", locale), queued),
                row(text("recording.report.recorded", locale),
                        register.stream().filter(visit -> visit.proofNumber() != null).count()),
                row(text("recording.report.failures", locale), failures),
                row(text("recording.report.technical", locale), technical),
                // Absent when called: those still waiting aside and those the day's close ended so (it read 0 with one
                // absent after the close, issue 54); the closed ones are also counted below, among the closed.
                row(text("recording.state.ABSENT", locale), count(byState, VisitState.ABSENT) + register.stream()
                        .filter(visit -> visit.closedFrom() == VisitState.ABSENT).count()),
                row(text("recording.state.PROOF_HANDED", locale), count(byState, VisitState.PROOF_HANDED))));
        // The day's end: each visit closed open is counted by the state it was left in; what is still open, apart.
        register.stream().filter(visit -> visit.closedFrom() != null)
                .collect(Collectors.groupingBy(Visit::closedFrom, () -> new EnumMap<>(VisitState.class),
                        Collectors.counting()))
                .forEach((from, n) -> summary.add(row(text("recording.report.closed." + from, locale), n)));
        long open = register.stream().filter(visit -> !visit.state().finished()).count();
        if (open > 0) {
            summary.add(row(text("recording.report.still-open", locale), open));
        }
        tables.add(new Table(text("recording.report.summary", locale), headers(locale, "item", "count"), summary));
        tables.add(new Table(text("recording.report.desks", locale),
                headers(locale, "desk", "called", "recorded", "failed", "technical"),
                desks.stream().<List<Object>>map(desk -> List.of(desk.desk(), desk.called(),
                        desk.recorded(), desk.failed(), desk.technical())).toList()));
        tables.add(daySteps.table(Procedure.C_RECORDING, point, day, locale));
        // The waiting room apart from step 3: from the number (or its return to the queue) to the call.
        VisitSql.Waiting waiting = visits.waiting(point, day);
        tables.add(new Table(text("recording.report.waiting", locale), headers(locale, "item", "duration"), List.of(
                List.of(text("recording.report.calls", locale), waiting.calls()),
                List.of(text("recording.report.average-wait", locale),
                        Duration.ofSeconds(waiting.calls() == 0 ? 0 : waiting.seconds() / waiting.calls())),
                List.of(text("recording.report.longest-wait", locale), Duration.ofSeconds(waiting.longestSeconds())))));
        tables.add(new Table(text("recording.report.register", locale),
                headers(locale, "time", "ticket", "name", "nik", "outcome"),
                register.stream().<List<Object>>map(visit -> List.of(time(visit), orDash(visit.ticket()),
                        visit.fullName(), Nik.of(visit.nik()).masked(), outcome(visit, locale))).toList(), true)
                .naming(register.stream().map(Visit::nik).toList()));
        String subtitle = servicePoint.name() + " · "
                + DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale).format(day);
        return new TableReport("perekaman-" + point + "-" + day, text("recording.report.title", locale), subtitle,
                text("recording.report.footer", locale), tables);
    }

    private String outcome(Visit visit, Locale locale) {
        String state = text(visit.state().labelKey(), locale);
        String detail = switch (visit.state()) {
            case DOCUMENTS_RETURNED -> Arrays.stream(orDash(visit.returnReasons()).split(","))
                    .map(reason -> messages.getMessage("recording.document." + reason, null, reason, locale))
                    .collect(Collectors.joining(", "));
            case ALREADY_RECORDED -> orDash(visit.explanation());
            case SENT_BACK -> orDash(visit.failureReason());
            case RECORDED, PROOF_HANDED -> orDash(visit.proofNumber());
            default -> "";
        };
        if (visit.state() == VisitState.CLOSED && visit.closedFrom() != null) {
            return text("recording.closed." + visit.closedFrom(), locale); // says "closed at the day's end" itself
        }
        return detail.isEmpty() ? state : state + ": " + detail;
    }

    private static long count(Map<VisitState, Long> byState, VisitState state) {
        return byState.getOrDefault(state, 0L);
    }

    private static List<Object> row(String label, long count) {
        return List.of(label, count);
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "–" : text;
    }

    private List<String> headers(Locale locale, String... keys) {
        return Arrays.stream(keys).map(key -> text("recording.report.column." + key, locale)).toList();
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    /** A visit's start in the office's time. */
    private String time(Visit visit) {
        return TIME.format(visit.startedAt().atZone(clock.getZone()));
    }
}
