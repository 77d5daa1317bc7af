package id.dukcapil.portal.schoolvisit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.jdbc.core.JdbcTemplate;

/** Residents of the demo registry for SOP D's tests, and a school's roster as the school's Excel file. */
public final class SchoolVisitTestSupport {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private SchoolVisitTestSupport() {
    }

    /** One row of the school's file, as typed: NIK, name, birth date, class. */
    public record Line(String nik, String name, String birthDate, String className) {
    }

    /**
     * Residents born between the two days (both included) with the enrolment status, on no school's roster yet,
     * whose NIK agrees with their birth date.
     */
    public static List<String[]> residents(JdbcTemplate jdbc, LocalDate bornFrom, LocalDate bornTo, String status,
                                           int count) {
        // The NIK's birth digits (DDMMYY, a woman's day plus 40) agree with the birth date: read so, not filtered
        // after a LIMIT, which left a test short of residents the register had.
        List<String[]> agreeing = jdbc.query("""
                SELECT r.nik, r.full_name, r.birth_date FROM population_resident r
                WHERE r.birth_date BETWEEN ? AND ? AND r.enrolment_status = ? AND r.marital_status = 'NEVER_MARRIED'
                AND MOD(CAST(SUBSTRING(r.nik, 7, 2) AS UNSIGNED), 40) = DAY(r.birth_date)
                AND CAST(SUBSTRING(r.nik, 9, 2) AS UNSIGNED) = MONTH(r.birth_date)
                AND CAST(SUBSTRING(r.nik, 11, 2) AS UNSIGNED) = MOD(YEAR(r.birth_date), 100)
                AND NOT EXISTS (SELECT 1 FROM schoolvisit_student s WHERE s.nik = r.nik)
                AND NOT EXISTS (SELECT 1 FROM population_card_print p WHERE p.resident_id = r.id)
                ORDER BY r.id LIMIT ?""",
                (rs, n) -> new String[] {rs.getString(1), rs.getString(2),
                        DATE.format(rs.getObject(3, LocalDate.class))},
                bornFrom, bornTo, status, count);
        assertThat(agreeing).hasSize(count);
        return agreeing;
    }

    /** A school with a roster and a kit, its visit on the day with the officer's team, arranged by the planner. */
    public record Arranged(School school, SchoolVisit visit, List<String[]> students) {
    }

    /**
     * Arranges a visit on the day for the officer: a new school (on the DINAS point), its roster of the given
     * residents, a new kit, and the schedule. The portal's clock must already stand on the day or before it.
     */
    public static Arranged visit(Schools schools, RosterImport rosterImport, VisitPlanner planner,
                                 org.springframework.security.core.userdetails.UserDetailsService users,
                                 String plannerName, String officer, LocalDate day, List<String[]> students,
                                 JdbcTemplate jdbc) {
        return visit(schools, rosterImport, planner, users, plannerName, java.util.Set.of(officer), day, students,
                jdbc);
    }

    /** The same with a team of several officers. */
    public static Arranged visit(Schools schools, RosterImport rosterImport, VisitPlanner planner,
                                 org.springframework.security.core.userdetails.UserDetailsService users,
                                 String plannerName, java.util.Set<String> team, LocalDate day,
                                 List<String[]> students, JdbcTemplate jdbc) {
        School school = rostered(schools, rosterImport, users, plannerName, day, students, jdbc);
        String kit = kit(planner, users, plannerName, school);
        SchoolVisit visit = id.dukcapil.portal.SignedInAs.call(users, plannerName, () -> planner.schedule(
                new VisitPlan(school.id(), day, team, kit, java.time.Instant.now())));
        return new Arranged(school, visit, students);
    }

    /**
     * A new school (on the DINAS point) and its roster of the given residents, checked against the day chosen at the
     * import: the school's list of students, which begins the coordination of its visit (SOP D step 1).
     */
    public static School rostered(Schools schools, RosterImport rosterImport,
                                  org.springframework.security.core.userdetails.UserDetailsService users,
                                  String plannerName, LocalDate rosterDay, List<String[]> students, JdbcTemplate jdbc) {
        School school = school(schools, users, plannerName, jdbc);
        id.dukcapil.portal.SignedInAs.run(users, plannerName, () -> rosterImport.importRoster(school.id(), rosterDay,
                new java.io.ByteArrayInputStream(rosterOf(students))));
        return school;
    }

    /** A new school on the DINAS point, its NPSN unique to the test run. */
    public static School school(Schools schools, org.springframework.security.core.userdetails.UserDetailsService users,
                                String plannerName, JdbcTemplate jdbc) {
        return id.dukcapil.portal.SignedInAs.call(users, plannerName, () -> {
            String village = jdbc.queryForObject("SELECT MIN(code) FROM shared_region_village", String.class);
            String npsn = String.valueOf(10_000_000 + Math.floorMod(System.nanoTime(), 89_999_999));
            return schools.create(new SchoolForm(npsn, "SMA Negeri Uji " + npsn, SchoolLevel.SMA,
                    "Jl. Pelajar No. 17", village, "Dra. Rina Marlina", "081234567890", null, "DINAS"));
        });
    }

    /** A new recording kit for the school's visits; its code. */
    public static String kit(VisitPlanner planner, org.springframework.security.core.userdetails.UserDetailsService users,
                             String plannerName, School school) {
        String kit = "KIT-" + school.npsn();
        id.dukcapil.portal.SignedInAs.run(users, plannerName, () -> planner.saveKit(new Kit(kit,
                "Set Perekaman " + school.npsn(), "DINAS", false, null)));
        return kit;
    }

    /** The school's visit on the day with the officer's team and a new kit: step 1 ends. */
    public static SchoolVisit scheduled(VisitPlanner planner,
                                        org.springframework.security.core.userdetails.UserDetailsService users,
                                        String plannerName, School school, String officer, LocalDate day) {
        String kit = kit(planner, users, plannerName, school);
        return id.dukcapil.portal.SignedInAs.call(users, plannerName, () -> planner.schedule(new VisitPlan(
                school.id(), day, java.util.Set.of(officer), kit, java.time.Instant.now())));
    }

    /** The school's file of the given residents, each in class XII IPA 1. */
    public static byte[] rosterOf(List<String[]> students) {
        return roster(students.stream().map(r -> new Line(r[0], r[1], r[2], "XII IPA 1")).toList());
    }

    /** The Kepala Dinas's signature reaches the handover record after the signing transaction commits. */
    public static void awaitSigned(JdbcTemplate jdbc, long handoverId) throws InterruptedException {
        long until = System.nanoTime() + 10_000_000_000L;
        while (jdbc.queryForObject("SELECT signed_at IS NULL FROM schoolvisit_handover WHERE id = ?", Boolean.class,
                handoverId) && System.nanoTime() < until) {
            Thread.sleep(50);
        }
    }

    public static byte[] roster(List<Line> lines) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Siswa");
            Row heading = sheet.createRow(0);
            List<String> columns = List.of("NIK", "Nama", "Tanggal lahir (dd/MM/yyyy)", "Kelas");
            for (int i = 0; i < columns.size(); i++) {
                heading.createCell(i).setCellValue(columns.get(i));
            }
            for (int r = 0; r < lines.size(); r++) {
                Row row = sheet.createRow(r + 1);
                Line line = lines.get(r);
                row.createCell(0).setCellValue(line.nik());
                row.createCell(1).setCellValue(line.name());
                row.createCell(2).setCellValue(line.birthDate());
                row.createCell(3).setCellValue(line.className());
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
