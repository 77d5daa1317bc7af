package id.dukcapil.portal.schoolvisit;

import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.population.PopulationRegistry;
import id.dukcapil.portal.population.Resident;
import id.dukcapil.portal.schoolvisit.internal.SchoolRepository;
import id.dukcapil.portal.schoolvisit.internal.StudentRepository;
import id.dukcapil.portal.schoolvisit.internal.StudentSql.RosterLine;
import id.dukcapil.portal.schoolvisit.internal.VisitReads;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.RuleViolation;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A school's roster from the school's Excel file (NIK, name, birth date, class; the template's columns): every row
 * matched to the registry. A row is refused with its reason — an unknown NIK, a birth date the NIK disagrees with,
 * the same NIK twice, a student under 16 on the visit day — and every good row is saved; importing the fixed file
 * again adds no duplicate (decision 093).
 */
@Service
public class RosterImport {

    /** The largest file the planner's upload takes: 10,000 students and room to spare. */
    public static final int MAX_UPLOAD_BYTES = 4 * 1024 * 1024;
    public static final int MAX_ROWS = 20_000;
    static final List<String> COLUMNS = List.of("NIK", "Nama", "Tanggal lahir (dd/MM/yyyy)", "Kelas");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    private final SchoolRepository schools;
    private final StudentRepository students;
    private final VisitReads visits;
    private final PopulationRegistry registry;
    private final AuditLog auditLog;
    private final Clock clock;
    private final VisitsOut visitsOut;

    RosterImport(SchoolRepository schools, StudentRepository students, VisitReads visits, PopulationRegistry registry,
                 AuditLog auditLog, Clock clock, VisitsOut visitsOut) {
        this.visitsOut = visitsOut;
        this.schools = schools;
        this.students = students;
        this.visits = visits;
        this.registry = registry;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** An empty roster with the columns the import reads, for the school to fill in. */
    @PreAuthorize(Schools.PLANNERS)
    public byte[] template() {
        return ImportTemplate.workbook("Siswa", COLUMNS);
    }

    /**
     * Imports the school's file for a visit on {@code visitDay} (the day "16 or older" is judged on). The day is the
     * visit's (issue 54): a school with a visit ahead has its roster judged on that visit's day, and any other day is
     * refused; a school with none yet is judged on the day the planner proposes, a day a visit could be scheduled.
     *
     * The file is streamed and refused as soon as a row past {@link #MAX_ROWS} holds a value, before any student is
     * looked up (decision 128).
     *
     * @throws RuleViolation if the file is not a spreadsheet, has no roster sheet, or has too many rows
     */
    @Transactional
    @PreAuthorize(Schools.PLANNERS)
    public RosterReport importRoster(long schoolId, LocalDate visitDay, InputStream file) {
        School school = schools.find(schoolId).orElseThrow(() -> new RuleViolation("schoolvisit.error.school-not-found"));
        refuseOtherThanTheVisitDay(schoolId, visitDay);
        visitsOut.refuseIfSchoolOut(schoolId);
        List<RosterLine> good = new ArrayList<>();
        List<RosterReport.BadRow> bad = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int rows = 0;
        for (ImportSheet.Line line : ImportSheet.read(file, COLUMNS.size(), MAX_ROWS)) {
            rows++;
            check(line, visitDay, seen, good).ifPresent(bad::add);
        }
        int added = students.upsert(schoolId, good, clock.instant());
        // The school's list of students 16 and older is step 1's input: the coordination is under way from here on.
        schools.beginCoordination(schoolId, clock.instant());
        auditLog.record(AuditRecord.success("schoolvisit.roster.imported", "School", String.valueOf(schoolId))
                .withDetail(school.npsn() + "; rows=" + rows + "; added=" + added + "; updated=" + (good.size() - added)
                        + "; bad=" + bad.size()));
        return new RosterReport(rows, added, good.size() - added, List.copyOf(bad));
    }

    /** The days of the school's visits still ahead (today's included), the nearest first. */
    @Transactional(readOnly = true)
    @PreAuthorize(Schools.PLANNERS)
    public List<LocalDate> visitDaysAhead(long schoolId) {
        LocalDate today = LocalDate.now(clock);
        return visits.ofSchool(schoolId).stream()
                .filter(visit -> visit.state() != VisitState.CLOSED && !visit.day().isBefore(today))
                .map(SchoolVisit::day).sorted().distinct().toList();
    }

    private void refuseOtherThanTheVisitDay(long schoolId, LocalDate visitDay) {
        List<LocalDate> ahead = visitDaysAhead(schoolId);
        if (!ahead.isEmpty() && !ahead.contains(visitDay)) {
            throw new RuleViolation("schoolvisit.roster.not-visit-day",
                    ahead.stream().map(DATE::format).collect(Collectors.joining(", ")));
        }
        LocalDate today = LocalDate.now(clock);
        if (visitDay.isBefore(today) || visitDay.isAfter(today.plusYears(1))) {
            throw new RuleViolation("schoolvisit.error.day");
        }
    }

    private Optional<RosterReport.BadRow> check(ImportSheet.Line line, LocalDate visitDay, Set<String> seen,
                                                List<RosterLine> good) {
        int rowNumber = line.row();
        String rawNik = line.cell(0);
        String shown = rawNik.length() > 20 ? rawNik.substring(0, 20) + "…" : rawNik;
        Nik nik;
        try {
            nik = Nik.of(rawNik);
        } catch (RuleViolation notANik) {
            return bad(rowNumber, shown, "schoolvisit.roster.bad-nik");
        }
        LocalDate birthDate = date(line.cell(2));
        if (birthDate == null) {
            return bad(rowNumber, shown, "schoolvisit.roster.bad-birth-date");
        }
        String className = line.cell(3);
        if (className.isEmpty() || className.length() > Student.CLASS_MAX_LENGTH) {
            return bad(rowNumber, shown, "schoolvisit.roster.bad-class", Student.CLASS_MAX_LENGTH);
        }
        if (!nik.birthMonthDay().equals(MonthDay.from(birthDate))
                || nik.birthYearOfCentury() != birthDate.getYear() % 100) {
            return bad(rowNumber, shown, "schoolvisit.roster.nik-birth-date", DATE.format(birthDate));
        }
        if (!seen.add(nik.value())) {
            return bad(rowNumber, shown, "schoolvisit.roster.duplicate");
        }
        Optional<Resident> resident = registry.findByNik(nik);
        if (resident.isEmpty()) {
            return bad(rowNumber, shown, "schoolvisit.roster.unknown-nik");
        }
        LocalDate sixteenth = resident.get().birthDate().plusYears(16);
        if (sixteenth.isAfter(visitDay)) {
            return bad(rowNumber, shown, "schoolvisit.roster.under-16", DATE.format(sixteenth));
        }
        good.add(new RosterLine(nik.value(), resident.get().fullName(), resident.get().birthDate(), className));
        return Optional.empty();
    }

    private static Optional<RosterReport.BadRow> bad(int row, String nik, String key, Object... args) {
        return Optional.of(new RosterReport.BadRow(row, nik, key, List.of(args)));
    }

    /** A date as the school typed it (dd/MM/yyyy), or a date cell as the reader gives it (ISO); {@code null} if neither. */
    private static @Nullable LocalDate date(String text) {
        try {
            return LocalDate.parse(text, DATE);
        } catch (DateTimeParseException notTyped) {
            try {
                return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
