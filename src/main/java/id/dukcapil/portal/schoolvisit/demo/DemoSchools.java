package id.dukcapil.portal.schoolvisit.demo;

import static id.dukcapil.portal.shared.Acting.as;
import static id.dukcapil.portal.shared.Acting.signedIn;

import id.dukcapil.portal.population.EnrolmentStatus;
import id.dukcapil.portal.schoolvisit.Kit;
import id.dukcapil.portal.schoolvisit.RosterImport;
import id.dukcapil.portal.schoolvisit.RosterReport;
import id.dukcapil.portal.schoolvisit.School;
import id.dukcapil.portal.schoolvisit.SchoolForm;
import id.dukcapil.portal.schoolvisit.SchoolLevel;
import id.dukcapil.portal.schoolvisit.Schools;
import id.dukcapil.portal.schoolvisit.VisitPlan;
import id.dukcapil.portal.schoolvisit.VisitPlanner;
import id.dukcapil.portal.shared.tx.DemoDataFill;
import id.dukcapil.portal.shared.tx.FirstStart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Demo profile, first start: three schools of the regency, two equipment kits (one under repair), the first
 * school's roster from its "Excel file" (the demo population's students of 16 to 18 as {@link DemoRoster} chooses
 * them, with two bad rows to show the report), a visit today for the demo field officer {@code lapangan} and one next
 * week. Through the services, as the demo planner, so the log and the clocks have them too.
 */
@Component
@Profile("demo & !test")
class DemoSchools {

    private static final Logger log = LoggerFactory.getLogger(DemoSchools.class);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Schools schools;
    private final RosterImport rosterImport;
    private final VisitPlanner planner;
    private final UserDetailsService users;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final FirstStart firstStart;

    DemoSchools(FirstStart firstStart,
                Schools schools, RosterImport rosterImport, VisitPlanner planner, UserDetailsService users,
                JdbcClient jdbc, Clock clock) {
        this.firstStart = firstStart;
        this.schools = schools;
        this.rosterImport = rosterImport;
        this.planner = planner;
        this.users = users;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener(DemoDataFill.class)
    @Order(DemoDataFill.SCHOOLS) // after the demo population
    void firstStart() {
        firstStart.exclusively("demo schools", this::fill);
    }

    private void fill() {
        Authentication perencana = signedIn(users, "perencana");
        as(perencana, () -> {
            if (!schools.search("", PageRequest.of(0, 1)).isEmpty()) {
                return null;
            }
            List<String> villages = schools.villages().stream().map(region -> region.code()).limit(3).toList();
            if (villages.size() < 3) {
                return null;
            }
            School first = schools.create(new SchoolForm("20205001", "SMA Negeri 1 Soreang", SchoolLevel.SMA,
                    "Jl. Raya Soreang No. 101", villages.get(0), "Drs. H. Dedi Supriadi", "022-5891234",
                    "tu@sman1soreang.sch.id", "DINAS"));
            School second = schools.create(new SchoolForm("20205002", "SMK Negeri 1 Katapang", SchoolLevel.SMK,
                    "Jl. Ciherang No. 7", villages.get(1), "Hj. Neneng Sumiati, S.Pd.", "081322334455", null,
                    "DINAS"));
            schools.create(new SchoolForm("20205003", "MA Al-Ikhlas Banjaran", SchoolLevel.MA,
                    "Jl. Pasir Nangka No. 3", villages.get(2), "Ust. Ahmad Mulyana", "085721110000", null, "DINAS"));
            planner.saveKit(new Kit("KIT-01", "Set Perekaman 1 (Dinas)", "DINAS", false, null));
            planner.saveKit(new Kit("KIT-02", "Set Perekaman 2 (Dinas)", "DINAS", true,
                    "Printer kartu sedang diservis"));
            LocalDate today = LocalDate.now(clock);
            List<DemoRoster.Row> students = students(today);
            RosterReport report = rosterImport.importRoster(first.id(), today,
                    new ByteArrayInputStream(roster(students)));
            planner.schedule(new VisitPlan(first.id(), today, Set.of("lapangan"), "KIT-01", clock.instant()));
            planner.schedule(new VisitPlan(second.id(), today.plusDays(7), Set.of("lapangan"), "KIT-01",
                    clock.instant()));
            log.info("Demo SOP D: 3 schools, a roster of {} students ({} bad rows; {} never recorded and 17 in class "
                    + "{}, for the README's walk), a visit today for lapangan", report.added(), report.badRows().size(),
                    students.stream().filter(student -> student.className().equals(DemoRoster.WALK_CLASS)).count(),
                    DemoRoster.WALK_CLASS);
            return null;
        });
    }

    /** The demo population's students of 16 to 18, chosen and in classes for the README's walk ({@link DemoRoster}). */
    private List<DemoRoster.Row> students(LocalDate today) {
        List<DemoRoster.Candidate> candidates = jdbc.sql("""
                SELECT r.nik, r.full_name, r.birth_date, r.enrolment_status,
                       EXISTS (SELECT 1 FROM population_card_print c WHERE c.resident_id = r.id) AS card_printed
                FROM population_resident r
                WHERE r.birth_date BETWEEN ? AND ? AND r.marital_status = 'NEVER_MARRIED' ORDER BY r.id""")
                .params(today.minusYears(18), today.minusYears(16))
                .query((rs, n) -> new DemoRoster.Candidate(rs.getString(1), rs.getString(2),
                        rs.getObject(3, LocalDate.class), EnrolmentStatus.valueOf(rs.getString(4)), rs.getBoolean(5)))
                .list();
        return DemoRoster.choose(candidates, today);
    }

    /** The school's file: the students, then a duplicated row and a mistyped NIK to show the import's report. */
    private byte[] roster(List<DemoRoster.Row> students) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Siswa");
            List<String> heading = List.of("NIK", "Nama", "Tanggal lahir (dd/MM/yyyy)", "Kelas");
            Row top = sheet.createRow(0);
            for (int i = 0; i < heading.size(); i++) {
                top.createCell(i).setCellValue(heading.get(i));
            }
            int r = 1;
            for (DemoRoster.Row student : students) {
                write(sheet.createRow(r++), student.nik(), student.fullName(), DATE.format(student.birthDate()),
                        student.className());
            }
            if (!students.isEmpty()) {
                DemoRoster.Row again = students.getFirst();
                write(sheet.createRow(r++), again.nik(), again.fullName(), DATE.format(again.birthDate()),
                        again.className());
                write(sheet.createRow(r), "32041234", "Salah Ketik NIK", DATE.format(again.birthDate()),
                        again.className());
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Row row, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            row.createCell(i).setCellValue(cells[i]);
        }
    }
}
