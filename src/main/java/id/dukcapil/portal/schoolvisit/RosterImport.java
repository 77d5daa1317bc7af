package id.dukcapil.portal.schoolvisit;

import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.population.PopulationRegistry;
import id.dukcapil.portal.population.Resident;
import id.dukcapil.portal.schoolvisit.internal.SchoolStore;
import id.dukcapil.portal.schoolvisit.internal.StudentStore;
import id.dukcapil.portal.schoolvisit.internal.StudentStore.RosterLine;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.RuleViolation;
import java.io.IOException;
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
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
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

    private final SchoolStore schools;
    private final StudentStore students;
    private final PopulationRegistry registry;
    private final AuditLog auditLog;
    private final Clock clock;

    RosterImport(SchoolStore schools, StudentStore students, PopulationRegistry registry, AuditLog auditLog,
                 Clock clock) {
        this.schools = schools;
        this.students = students;
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
     * Imports the school's file for a visit on {@code visitDay} (the day "16 or older" is judged on).
     *
     * @throws RuleViolation if the file is not a spreadsheet, has no roster sheet, or has too many rows
     */
    @Transactional
    @PreAuthorize(Schools.PLANNERS)
    public RosterReport importRoster(long schoolId, LocalDate visitDay, InputStream file) {
        School school = schools.find(schoolId).orElseThrow(() -> new RuleViolation("schoolvisit.error.school-not-found"));
        List<RosterLine> good = new ArrayList<>();
        List<RosterReport.BadRow> bad = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int rows = 0;
        try (Workbook workbook = WorkbookFactory.create(file)) {
            Sheet sheet = workbook.getNumberOfSheets() == 0 ? null : workbook.getSheetAt(0);
            if (sheet == null) {
                throw new RuleViolation("schoolvisit.roster.no-sheet");
            }
            if (sheet.getLastRowNum() > MAX_ROWS) {
                throw new RuleViolation("schoolvisit.roster.too-many-rows", MAX_ROWS);
            }
            DataFormatter formatter = new DataFormatter();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null || blank(row, formatter)) {
                    continue;
                }
                rows++;
                String rawNik = text(row.getCell(0), formatter);
                Optional<RosterReport.BadRow> problem = check(r + 1, rawNik, row, formatter, visitDay, seen, good);
                problem.ifPresent(bad::add);
            }
        } catch (IOException | RuntimeException notASpreadsheet) {
            if (notASpreadsheet instanceof RuleViolation violation) {
                throw violation;
            }
            throw new RuleViolation("schoolvisit.roster.unreadable");
        }
        int added = students.upsert(schoolId, good, clock.instant());
        // The school's list of students 16 and older is step 1's input: the coordination is under way from here on.
        schools.coordinationBegins(schoolId, clock.instant());
        auditLog.record(AuditRecord.success("schoolvisit.roster.imported", "School", String.valueOf(schoolId))
                .withDetail(school.npsn() + "; rows=" + rows + "; added=" + added + "; updated=" + (good.size() - added)
                        + "; bad=" + bad.size()));
        return new RosterReport(rows, added, good.size() - added, List.copyOf(bad));
    }

    private Optional<RosterReport.BadRow> check(int rowNumber, String rawNik, Row row, DataFormatter formatter,
                                                LocalDate visitDay, Set<String> seen, List<RosterLine> good) {
        String shown = rawNik.length() > 20 ? rawNik.substring(0, 20) + "…" : rawNik;
        Nik nik;
        try {
            nik = Nik.of(rawNik);
        } catch (RuleViolation notANik) {
            return bad(rowNumber, shown, "schoolvisit.roster.bad-nik");
        }
        LocalDate birthDate = date(row.getCell(2), formatter);
        if (birthDate == null) {
            return bad(rowNumber, shown, "schoolvisit.roster.bad-birth-date");
        }
        String className = text(row.getCell(3), formatter);
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

    private static boolean blank(Row row, DataFormatter formatter) {
        for (int i = 0; i < COLUMNS.size(); i++) {
            if (!text(row.getCell(i), formatter).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static String text(@Nullable Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.NUMERIC && !DateUtil.isCellDateFormatted(cell)) {
            // A NIK typed into a number cell: its digits, without Excel's 1.23E+15.
            return new java.math.BigDecimal(cell.getNumericCellValue()).toPlainString();
        }
        return formatter.formatCellValue(cell).strip();
    }

    /** A date cell, or a text in dd/MM/yyyy; {@code null} if neither. */
    private static @Nullable LocalDate date(@Nullable Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return null;
        }
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate();
        }
        try {
            return LocalDate.parse(formatter.formatCellValue(cell).strip(), DATE);
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }
}
