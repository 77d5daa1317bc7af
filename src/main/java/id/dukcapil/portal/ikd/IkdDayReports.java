package id.dukcapil.portal.ikd;

import id.dukcapil.portal.audit.Actor;
import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.audit.CurrentActor;
import id.dukcapil.portal.audit.PersonalData;
import id.dukcapil.portal.audit.PersonalDataViews;
import id.dukcapil.portal.shared.report.TableReport;
import id.dukcapil.portal.shared.report.TableReport.Table;
import id.dukcapil.portal.ikd.internal.DayReportStore;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.i18n.PortalMessages;
import id.dukcapil.portal.signing.DocumentId;
import id.dukcapil.portal.signing.SigningQueue;
import id.dukcapil.portal.signing.SigningRequest;
import id.dukcapil.portal.sla.DaySteps;
import id.dukcapil.portal.sla.Procedure;
import id.dukcapil.portal.staff.ServicePoint;
import id.dukcapil.portal.staff.ServicePoints;
import id.dukcapil.portal.staff.StaffNames;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily IKD report of a point (SOP E step 6): made from the registrations, the failures and the step clocks of
 * the day; an officer reads and submits their own point's, a manager any point's. Where the office has chosen it
 * ({@code portal.ikd.sign-daily-reports}), a submitted report goes to the Kepala Dinas's signing queue.
 */
@Service
public class IkdDayReports {

    /** How the IKD module names itself to the signing queue; the source id is the submitted report's id. */
    static final String SOURCE_TYPE = "IKD_DAY_REPORT";
    static final String KIND = "LAPORAN_HARIAN_IKD";
    static final String PREFIX = "LIKD";

    private static final java.util.Set<String> SEE_EVERY_POINT = java.util.Set.of(Roles.MANAGER, Roles.ADMIN, Roles.HEAD);

    private final DayReportStore store;
    private final DaySteps daySteps;
    private final ServicePoints servicePoints;
    private final StaffNames staffNames;
    private final SigningQueue signingQueue;
    private final AuditLog auditLog;
    private final CurrentActor currentActor;
    private final MessageSource messages;
    private final PersonalDataViews personalData;
    private final Clock clock;
    private final boolean signed;

    IkdDayReports(DayReportStore store, DaySteps daySteps, ServicePoints servicePoints, StaffNames staffNames,
                  SigningQueue signingQueue, AuditLog auditLog, CurrentActor currentActor, MessageSource messages,
                  PersonalDataViews personalData, Clock clock,
                  @Value("${portal.ikd.sign-daily-reports}") boolean signed) {
        this.personalData = personalData;
        this.store = store;
        this.daySteps = daySteps;
        this.servicePoints = servicePoints;
        this.staffNames = staffNames;
        this.signingQueue = signingQueue;
        this.auditLog = auditLog;
        this.currentActor = currentActor;
        this.messages = messages;
        this.clock = clock;
        this.signed = signed;
    }

    /** A point's day: an officer's own point, or any point for a manager. */
    @PreAuthorize("hasAnyRole('" + Roles.IKD_OFFICER + "', '" + Roles.MANAGER + "', '" + Roles.ADMIN + "', '"
            + Roles.HEAD + "')")
    @Transactional(readOnly = true)
    public TableReport report(String point, LocalDate day, Locale locale) {
        Actor me = currentActor.get();
        if (me.roles().stream().noneMatch(SEE_EVERY_POINT::contains) && !point.equals(me.servicePoint())) {
            throw new RuleViolation("ikd.desk.other-point", point);
        }
        return make(point, day, locale);
    }

    /**
     * The officer's own point's day, for the file named {@code download} ({@code ikd/laporan-pdf}): the report names
     * every resident of the day, each recorded as downloaded before the file goes (decision 129, issue 50).
     */
    @PreAuthorize("hasRole('" + Roles.IKD_OFFICER + "')")
    @Transactional(readOnly = true)
    public TableReport mine(LocalDate day, Locale locale, String download) {
        TableReport report = make(myPoint(), day, locale);
        personalData.downloaded(download, report.people().stream().map(PersonalData::nik).toList());
        return report;
    }

    /**
     * The officer submits their point's report of the day; again until it is signed (with newer figures). Where the
     * office has its reports signed, it goes to the signing queue.
     */
    @PreAuthorize("hasRole('" + Roles.IKD_OFFICER + "')")
    @Transactional
    public Submission submit(LocalDate day) {
        String point = myPoint();
        if (day.isAfter(LocalDate.now(clock))) {
            throw new RuleViolation("ikd.report.future-day");
        }
        TableReport report = make(point, day, PortalMessages.INDONESIAN);
        Instant now = clock.instant();
        if (!store.submit(point, day, currentActor.id(), report.figures(), now)) {
            throw new RuleViolation("ikd.report.already-signed");
        }
        DayReportStore.Submitted submitted = store.find(point, day).orElseThrow();
        if (signed) {
            DocumentId document = signingQueue.submit(new SigningRequest(SOURCE_TYPE, String.valueOf(submitted.id()),
                    KIND, PREFIX, point + " " + day, pointName(point), point, now.plus(Duration.ofDays(1))));
            store.signing(submitted.id(), document.value());
        }
        auditLog.record(AuditRecord.success("ikd.report.submitted", "IkdDayReport", String.valueOf(submitted.id()))
                .withDetail(point + " " + day + (signed ? "; to the signing queue" : "")));
        return submission(point, day).orElseThrow();
    }

    /** Where the point's report of the day stands, if an officer submitted it. */
    @PreAuthorize("hasRole('" + Roles.IKD_OFFICER + "')")
    @Transactional(readOnly = true)
    public Optional<Submission> submission(LocalDate day) {
        return submission(currentActor.servicePoint(), day);
    }

    private String myPoint() {
        return currentActor.servicePoint();
    }

    /** A submitted report as its officer sees it. */
    public record Submission(String officerName, Instant submittedAt, String state, String returnedReason) {
    }

    private Optional<Submission> submission(String point, LocalDate day) {
        return store.find(point, day).map(row -> new Submission(
                staffNames.of(List.of(row.officer())).getOrDefault(row.officer(), row.officer()), row.submittedAt(),
                row.state(), row.returnedReason() == null ? "" : row.returnedReason()));
    }

    /** The report as it is now, unguarded: for the signing port and the manager's daily summary. */
    TableReport make(String point, LocalDate day, Locale locale) {
        ServicePoint servicePoint = servicePoints.byCode(point)
                .orElseThrow(() -> new RuleViolation("reports.daily.unknown-point", point));
        ZoneId zone = clock.getZone();
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        DayReportStore.Counts counts = store.counts(point, from, to);
        Map<IkdFailure, Long> failures = store.failures(point, from, to);
        List<DayReportStore.OfficerDay> officers = store.officers(point, from, to);
        Map<String, String> names = staffNames.of(officers.stream().map(DayReportStore.OfficerDay::officer).toList());

        List<Table> tables = new ArrayList<>();
        tables.add(new Table(text("ikd.report.summary", locale), headers(locale, "item", "count"), List.of(
                List.of(text("ikd.report.registered", locale), counts.registered()),
                List.of(text("ikd.report.activated", locale), counts.activated()),
                List.of(text("ikd.report.archived", locale), counts.archived()),
                List.of(text("ikd.report.failures", locale), failures.values().stream().mapToLong(Long::longValue).sum()))));
        tables.add(new Table(text("ikd.report.officers", locale),
                headers(locale, "officer", "activated", "archived", "failures", "median"),
                officers.stream().<List<Object>>map(officer -> List.of(
                        names.getOrDefault(officer.officer(), officer.officer()), officer.activated(),
                        officer.archived(), officer.failures(), median(officer.registrationToActivation()))).toList()));
        tables.add(new Table(text("ikd.report.failures-by-reason", locale), headers(locale, "reason", "count"),
                failures.entrySet().stream().<List<Object>>map(entry -> List.of(
                        text(entry.getKey().labelKey(), locale), entry.getValue())).toList()));
        tables.add(register(point, from, to, zone, locale));
        tables.add(daySteps.table(Procedure.E_IKD_ACTIVATION, point, day, locale));
        return new TableReport("laporan-ikd-" + point + "-" + day, text("ikd.report.title", locale),
                servicePoint.name() + " · " + DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale)
                        .format(day), text("ikd.report.footer", locale), tables);
    }

    /**
     * The day's IKD register (the archive checklist's "Dicatat dalam register IKD hari ini"): who, when, the officer,
     * the outcome, one line per activation of the day.
     */
    private Table register(String point, Instant from, Instant to, ZoneId zone, Locale locale) {
        List<DayReportStore.RegisterLine> lines = store.register(point, from, to);
        Map<String, String> names = staffNames.of(lines.stream().map(DayReportStore.RegisterLine::officer)
                .filter(java.util.Objects::nonNull).distinct().toList());
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm");
        List<List<Object>> rows = new ArrayList<>();
        for (DayReportStore.RegisterLine line : lines) {
            rows.add(List.of((long) rows.size() + 1, time.format(line.registeredAt().atZone(zone)),
                    line.fullName(), Nik.of(line.nik()).masked(),
                    line.officer() == null ? "–" : names.getOrDefault(line.officer(), line.officer()),
                    line.activatedAt() == null ? "–" : time.format(line.activatedAt().atZone(zone)),
                    text("ikd.register.outcome." + line.state().name(), locale)));
        }
        return new Table(text("ikd.report.register", locale),
                headers(locale, "no", "registered-at", "name", "nik", "officer", "activated-at", "outcome"), rows, true)
                .naming(lines.stream().map(DayReportStore.RegisterLine::nik).toList());
    }

    private String pointName(String point) {
        return servicePoints.byCode(point).map(ServicePoint::name).orElse(point);
    }

    private List<String> headers(Locale locale, String... keys) {
        return java.util.Arrays.stream(keys).map(key -> text("ikd.report.column." + key, locale)).toList();
    }

    private static Duration median(List<Duration> durations) {
        if (durations.isEmpty()) {
            return Duration.ZERO;
        }
        List<Duration> sorted = durations.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle)
                : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
