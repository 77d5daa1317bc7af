package id.dukcapil.portal.crash;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.browser.Browser;
import id.dukcapil.portal.outpost.DinasLink;
import id.dukcapil.portal.packaged.Database;
import id.dukcapil.portal.packaged.PortalProcess;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * Issue 53's outpost node end to end (decision 199), two processes of the packaged jar on loopback: the Dinas (the
 * demo) and a field team's laptop (profile {@code outpost}, its own folder and embedded database) reaching it through
 * a link the test cuts ({@link DinasLink}). The planner completes the demo roster to 30 from the school's file; on the
 * laptop, in Chromium at tablet size, its administrator takes the visit with the field officer's Dinas password, and
 * the link goes down. The officer works through every branch of SOP D student by student (ten cards printed, one
 * spoiled, two corrections from the birth certificate, absent, refusing, recorded); halfway the laptop's JVM is killed
 * ({@code kill -9}) and started again, the roster sealed until the officer's password opens it. Meanwhile a UKL desk at
 * the Dinas records one of the students. The link comes back losing the first answer: the bundle is sent twice. The
 * Dinas has the checkout back, each step taken once, the cards balanced, the one recorded at the UKL on the
 * reconciliation list, and the laptop holds no one's personal data any more.
 */
class OutpostNodeCrashIT {

    private static final String PASSWORD = PortalTest.DEMO_PASSWORD;
    private static final String OFFICER = "lapangan";
    private static final String ADMIN = "pengelola";
    private static final String ADMIN_PASSWORD = "Laptop-Tim1#2026";
    private static final String PLANNER = "perencana";
    /** The roster's students at least, as issue 53's scenario has them. */
    private static final int ROSTER = 30;
    private static final int CARDS_OUT = 12;
    private static final int TO_PRINT = 10;
    /**
     * The register's words for a student a card can be printed for at the school: 17, print-ready, no card yet (two
     * days clear of a birthday: the database's day may be the office's day before).
     */
    private static final String PRINTABLE = "r.enrolment_status = 'PRINT_READY' AND r.birth_date <= CURDATE() - "
            + "INTERVAL 17 YEAR - INTERVAL 2 DAY AND NOT EXISTS (SELECT 1 FROM population_card_print p "
            + "WHERE p.resident_id = r.id)";

    private Path folder;
    private PortalProcess dinas;
    private PortalProcess outpost;
    private DinasLink link;
    private long freshStartMillis;

    @BeforeEach
    void twoNodes() throws Exception {
        folder = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "crash-outpost-");
        dinas = new PortalProcess(folder.resolve("dinas"), Map.of());
        dinas.start();
        link = new DinasLink(dinas.url("/").getPort()); // the network between the school and the Dinas
        outpost = new PortalProcess("outpost", folder.resolve("laptop"),
                Map.of("PORTAL_ADMIN_USERNAME", ADMIN, "PORTAL_ADMIN_PASSWORD", ADMIN_PASSWORD),
                "--portal.outpost.name=Laptop Tim 1", "--portal.outpost.dinas-url=" + link.dinas());
        freshStartMillis = outpost.start();
    }

    @AfterEach
    void stopBoth() throws Exception {
        if (link != null) {
            link.close();
        }
        if (outpost != null) {
            outpost.stop();
        }
        if (dinas != null) {
            dinas.stop();
        }
        FileSystemUtils.deleteRecursively(folder);
    }

    @Test
    void a_visit_of_30_students_worked_without_the_dinas_through_every_branch_and_killed_midway_is_checked_in_once()
            throws Exception {
        // The school's file completes the demo roster to 30, ten of them 17, print-ready and without a card: the
        // planner uploads it on the schools screen, as the school sends it.
        Visit visit = demoVisit();
        Path file = rosterFile(visit, folder.resolve("daftar-siswa.xlsx"));
        try (Browser office = tablet(dinas)) {
            signIn(office, PLANNER, PASSWORD);
            office.open("sekolah");
            office.tapRow("school-grid", visit.school());
            office.await(By.id("roster-upload"));
            office.upload("#roster-upload", file);
            office.awaitTextAnywhere("siswa baru");
        }
        List<Student> roster = roster(visit);
        assertThat(roster).hasSizeGreaterThanOrEqualTo(ROSTER);
        // The office sets the visit out on the Dinas's own field screen, as its officer does before leaving.
        try (Browser office = tablet(dinas)) {
            signIn(office, OFFICER, PASSWORD);
            office.open("lapangan");
            office.await(By.cssSelector("#field-cards input")).sendKeys(Keys.chord(Keys.CONTROL, "a"),
                    Integer.toString(CARDS_OUT));
            office.await(By.id("field-set-out")).click();
            office.awaitText(By.id("field-visit-line"), "blangko dibawa: " + CARDS_OUT);
        }
        // One the team records at school is recorded at a UKL's desk meanwhile: the Dinas's register moves on.
        Student elsewhere = roster.stream().filter(student -> student.status().equals("NOT_RECORDED")
                && student.seventeen()).findFirst().orElseThrow();
        Branches team = new Branches(elsewhere.id());

        try (Browser laptop = tablet(outpost)) {
            signIn(laptop, ADMIN, ADMIN_PASSWORD);
            laptop.open("pos-lapangan");
            type(laptop, "#outpost-username input", OFFICER);
            type(laptop, "#outpost-password input", PASSWORD);
            laptop.await(By.id("outpost-find")).click();
            laptop.await(By.cssSelector("vaadin-button[id^='outpost-take-']"));
            laptop.screenshot("outpost-take-tablet");
            laptop.await(By.cssSelector("vaadin-button[id^='outpost-take-']")).click();
            laptop.await(By.id("outpost-roster"));
            assertThat(count(outpost, "SELECT COUNT(*) FROM staff_account WHERE username = ? AND active AND "
                    + "password_hash = ?", OFFICER, hashAtTheDinas())).as("the officer's account carried").isOne();
            link.cut(); // no route to the Dinas from here on: the school has no signal

            laptop.await(By.id("sign-out")).click();
            laptop.await(By.tagName("vaadin-login-form"));
            openTheScreenAsTheOfficer(laptop);
            for (Student student : roster.subList(0, roster.size() / 2)) {
                team.work(laptop, student);
            }
            team.spoiled(laptop, "E2E-RUSAK-1");
            laptop.screenshot("outpost-roster-tablet");
            assertThat(count(dinas, "SELECT COUNT(*) FROM schoolvisit_checkout WHERE state = 'OUT'")).isOne();
            assertThat(count(dinas, "SELECT COUNT(*) FROM schoolvisit_outpost_operation")).as("nothing sent yet")
                    .isZero();
            outpost.killJvm(); // the laptop's power cut halfway through the roster, the tablet still on the screen
        }
        long ready = outpost.start();
        System.out.printf("%nBENCHMARK outpost start: fresh (its database made, Liquibase, first administrator) "
                + "%,d ms; again after kill -9 (InnoDB's recovery) %,d ms%n%n", freshStartMillis, ready);
        assertThat(count(outpost, "SELECT COUNT(*) FROM outpost_operation")).as("every step kept across the kill")
                .isEqualTo(team.steps());

        try (Browser laptop = tablet(outpost)) {
            signIn(laptop, OFFICER, PASSWORD);
            laptop.open("pos-lapangan");
            laptop.await(By.id("outpost-unlock-username"));
            laptop.screenshot("outpost-unlock-tablet");
            assertThat(laptop.driver.findElements(By.cssSelector("#outpost-roster vaadin-button")))
                    .as("nothing of the roster while sealed").isEmpty();
            type(laptop, "#outpost-unlock-password input", PASSWORD);
            laptop.await(By.id("outpost-unlock")).click();
            laptop.await(By.id("outpost-roster"));
            for (Student student : roster.subList(roster.size() / 2, roster.size())) {
                team.work(laptop, student);
            }
            assertNoNikInPlainText();
            assertThat(team.printed).isEqualTo(TO_PRINT);
            assertThat(List.of(team.corrections.size(), team.absent, team.refused)).as("every branch taken")
                    .containsExactly(2, 2, 1);
            recordAtTheUkl(elsewhere);
            Set<String> operations = strings(outpost, "SELECT operation_id FROM outpost_operation");

            // The signal back, weak: the bundle reaches the Dinas, its answer never reaches the laptop.
            link.loseAnswers(true);
            link.restore();
            laptop.await(By.id("outpost-check-in")).click();
            type(laptop, "#outpost-check-in-password input", PASSWORD);
            laptop.await(By.id("outpost-check-in-send")).click();
            laptop.awaitTextAnywhere("jawabannya tidak diterima");
            awaitCount(dinas, "SELECT COUNT(*) FROM schoolvisit_checkout WHERE state = 'BACK'", 1);
            // Sent again from the same dialog once the answers come through: the Dinas applies nothing twice.
            link.loseAnswers(false);
            laptop.await(By.id("outpost-check-in-send")).click();
            laptop.await(By.id("outpost-last-back"));
            laptop.awaitText(By.id("outpost-last-back"), "seimbang");
            laptop.awaitText(By.id("outpost-last-back"), "Berita acara serah terima BAST/");
            laptop.screenshot("outpost-back-tablet");

            assertThat(strings(dinas, "SELECT operation_id FROM schoolvisit_outpost_operation"))
                    .as("each step the laptop kept taken once at the Dinas").isEqualTo(operations)
                    .hasSize(team.steps());
            assertThat(count(dinas, "SELECT COUNT(*) FROM schoolvisit_outpost_operation WHERE outcome = 'APPLIED'"))
                    .isEqualTo(team.steps() - 1);
            assertThat(strings(dinas, "SELECT CONCAT(student_id, ' ', settled_at IS NULL) FROM "
                    + "schoolvisit_reconciliation")).as("the one the UKL recorded, on the supervisor's list")
                    .containsExactly(elsewhere.id() + " 1");
            assertThat(count(dinas, "SELECT COUNT(DISTINCT student_id) FROM schoolvisit_outpost_operation"))
                    .as("every student of the roster").isEqualTo(roster.size());
            assertThat(count(dinas, "SELECT COUNT(*) FROM schoolvisit_student WHERE school_id = ? AND state = "
                    + "'PRINTED'", visit.schoolId())).as("the cards printed at the school").isEqualTo(TO_PRINT);
            assertThat(count(dinas, "SELECT COUNT(*) FROM schoolvisit_student s JOIN schoolvisit_outpost_operation "
                    + "o ON o.student_id = s.id AND o.kind = 'CARD_PRINTED' WHERE s.handover_id IS NOT NULL"))
                    .as("the cards printed at the school on a handover record, to be signed").isEqualTo(TO_PRINT);
            assertThat(count(dinas, "SELECT COUNT(*) FROM schoolvisit_checkout WHERE cards_out = ? AND "
                    + "cards_brought_back = 1", CARDS_OUT)).as("12 out: 10 printed, 1 spoiled, 1 back").isOne();
            for (Map.Entry<Long, String> fixed : team.corrections.entrySet()) {
                assertThat(count(dinas, "SELECT COUNT(*) FROM schoolvisit_student s JOIN population_resident r ON "
                        + "r.nik = s.nik WHERE s.id = ? AND r.full_name = ? AND s.state = 'WAITING'", fixed.getKey(),
                        fixed.getValue())).as("corrected from the birth certificate, then recorded").isOne();
            }
            assertThat(count(dinas, "SELECT COUNT(*) FROM audit_entry WHERE action = 'schoolvisit.outpost.journal'"))
                    .as("the laptop's log joined the Dinas's").isGreaterThan(team.steps());
            assertThat(count(dinas, "SELECT COUNT(*) FROM audit_entry WHERE action = "
                    + "'schoolvisit.outpost.journal-gap'")).as("no gap in it").isZero();
            assertThat(count(dinas, "SELECT COUNT(*) FROM audit_entry WHERE action = "
                    + "'schoolvisit.outpost.journal-broken'")).as("checked on the laptop, linked at the Dinas").isZero();
            assertThat(count(dinas, "SELECT COUNT(*) FROM audit_entry WHERE action = "
                    + "'schoolvisit.visit.check-in-repeated'")).as("the bundle again changed nothing").isOne();
        }
        assertThat(count(outpost, "SELECT COUNT(*) FROM outpost_student")).as("the roster left the laptop").isZero();
        assertThat(count(outpost, "SELECT COUNT(*) FROM outpost_key_slot")).as("no key slot left").isZero();
        assertThat(count(outpost, "SELECT COUNT(*) FROM staff_account WHERE username = ? AND password_hash = ?",
                OFFICER, hashAtTheDinas())).as("the carried account closed: the Dinas's hash left the laptop").isZero();
        System.out.printf("CRASH outpost: %d students, %d steps (%d cards printed, %d corrections), the laptop ready "
                + "again in %d ms after kill -9, all applied once, the bundle sent twice%n", roster.size(),
                team.steps(), team.printed, team.corrections.size(), ready);
    }

    private static Browser tablet(PortalProcess node) {
        return new Browser(node.url("/").getPort(), 800, 1280);
    }

    private static void signIn(Browser browser, String username, String password) {
        browser.signIn(username, password);
        browser.await(By.tagName("vaadin-app-layout"));
        browser.awaitSettled();
    }

    private static void openTheScreenAsTheOfficer(Browser laptop) {
        signIn(laptop, OFFICER, PASSWORD);
        laptop.open("pos-lapangan");
        laptop.await(By.id("outpost-roster"));
    }

    /** Replaces a field's value as a user does (all selected, typed over). */
    private static void type(Browser browser, String input, String text) {
        browser.await(By.cssSelector(input)).sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
    }

    /**
     * Waits until the roster, filtered by name (sent a moment after the last key), shows only the rows the filter
     * keeps (the students of the visit's school whose name holds it), the student's own among them: a button found
     * before the roster is drawn again moves under the pointer.
     */
    @SuppressWarnings("unchecked")
    private void onlyTheirRowShown(Browser laptop, Student student) throws Exception {
        Set<String> kept = strings(dinas, """
                SELECT s.id FROM schoolvisit_student s
                JOIN schoolvisit_visit v ON v.school_id = s.school_id JOIN schoolvisit_checkout c ON c.visit_id = v.id
                WHERE LOWER(s.full_name) LIKE CONCAT('%', LOWER(?), '%')""", student.name());
        new WebDriverWait(laptop.driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                .until(driver -> {
                    List<String> shown = (List<String>) laptop.driver.executeScript("""
                            return [...document.querySelectorAll('#outpost-roster vaadin-button')]
                              .filter(button => button.checkVisibility()).map(button => button.id);""");
                    return shown.stream().anyMatch(id -> id.endsWith("-" + student.id()))
                            && shown.stream().allMatch(id -> kept.contains(id.substring(id.lastIndexOf('-') + 1)));
                });
        laptop.awaitSettled();
    }

    /** Taps the step's button (its dialog filled in and saved, if it asks) and waits until the step is kept. */
    private void step(Browser laptop, String button, @Nullable Fill dialog) throws Exception {
        int kept = count(outpost, "SELECT COUNT(*) FROM outpost_operation");
        // The shown one: a grid keeps rows it no longer shows, hidden, with their old buttons and ids.
        WebElement target = new WebDriverWait(laptop.driver, Duration.ofSeconds(60))
                .ignoring(StaleElementReferenceException.class).until(driver -> driver.findElements(By.id(button))
                        .stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
        // In the middle of the window: not under the bar at its foot or a message in a corner.
        laptop.driver.executeScript("arguments[0].scrollIntoView({ block: 'center' });", target);
        laptop.awaitSettled();
        target.click();
        if (dialog != null) {
            dialog.in(laptop);
        }
        try {
            // Gone from sight: a grid keeps a row it no longer shows, hidden, with its old content.
            new WebDriverWait(laptop.driver, Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class)
                    .until(driver -> driver.findElements(By.id(button)).stream().noneMatch(WebElement::isDisplayed));
        } catch (org.openqa.selenium.TimeoutException stillThere) {
            laptop.screenshot("outpost-step-not-kept-" + button);
            throw stillThere;
        }
        awaitCount(outpost, "SELECT COUNT(*) FROM outpost_operation", kept + 1);
    }

    private record Visit(long id, long schoolId, String school) {
    }

    /** A student of the roster, with what the register says of them. */
    private record Student(long id, String name, String nik, String status, boolean seventeen) {
    }

    /** The demo's visit today: the one the demo's field officer takes. */
    private Visit demoVisit() throws Exception {
        try (Connection db = dinas.database(); PreparedStatement select = db.prepareStatement("""
                SELECT v.id, s.id, s.name FROM schoolvisit_visit v JOIN schoolvisit_school s ON s.id = v.school_id
                WHERE EXISTS (SELECT 1 FROM schoolvisit_student st WHERE st.school_id = s.id)
                ORDER BY v.day DESC, v.id LIMIT 1"""); ResultSet row = select.executeQuery()) {
            assertThat(row.next()).as("the demo's visit").isTrue();
            return new Visit(row.getLong(1), row.getLong(2), row.getString(3));
        }
    }

    /**
     * The school's file of the students the demo roster lacks: as many 17-year-olds print-ready without a card as
     * make {@value #TO_PRINT}, and never-recorded 16-year-olds to make {@value #ROSTER}, from the Dinas's register.
     */
    private Path rosterFile(Visit visit, Path file) throws Exception {
        String notOnTheRoster = " AND r.nik NOT IN (SELECT nik FROM schoolvisit_student WHERE school_id = "
                + visit.schoolId() + ")";
        int onRoster = count(dinas, "SELECT COUNT(*) FROM schoolvisit_student WHERE school_id = ?", visit.schoolId());
        int printable = count(dinas, "SELECT COUNT(*) FROM schoolvisit_student s JOIN population_resident r ON "
                + "r.nik = s.nik WHERE s.school_id = ? AND " + PRINTABLE, visit.schoolId());
        int toPrint = Math.max(0, TO_PRINT - printable);
        List<String[]> rows = new ArrayList<>(residents("SELECT r.nik, r.full_name, r.birth_date FROM "
                + "population_resident r WHERE " + PRINTABLE + notOnTheRoster + " ORDER BY r.id LIMIT " + toPrint));
        int more = Math.max(0, ROSTER - onRoster - rows.size());
        rows.addAll(residents("SELECT r.nik, r.full_name, r.birth_date FROM population_resident r WHERE "
                + "r.enrolment_status = 'NOT_RECORDED' AND r.birth_date BETWEEN CURDATE() - INTERVAL 17 YEAR "
                + "+ INTERVAL 2 DAY AND CURDATE() - INTERVAL 16 YEAR - INTERVAL 2 DAY" + notOnTheRoster
                + " ORDER BY r.id LIMIT " + more));
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("Daftar siswa");
            List<String[]> lines = new ArrayList<>();
            lines.add(new String[] {"NIK", "Nama", "Tanggal lahir (dd/MM/yyyy)", "Kelas"});
            lines.addAll(rows);
            for (int i = 0; i < lines.size(); i++) {
                Row row = sheet.createRow(i);
                for (int column = 0; column < lines.get(i).length; column++) {
                    row.createCell(column).setCellValue(lines.get(i)[column]);
                }
            }
            workbook.write(out);
        }
        return file;
    }

    /** Residents as the school's file lists them: NIK, name, birth date (dd/MM/yyyy), class. */
    private List<String[]> residents(String sql) throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (Connection db = dinas.database(); PreparedStatement select = db.prepareStatement(sql);
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                LocalDate born = row.getObject(3, LocalDate.class);
                rows.add(new String[] {row.getString(1), row.getString(2),
                        DateTimeFormatter.ofPattern("dd/MM/uuuu").format(born), "XII IPA 3"});
            }
        }
        return rows;
    }

    /** The visit's roster as the Dinas has it, in its order. */
    private List<Student> roster(Visit visit) throws Exception {
        List<Student> roster = new ArrayList<>();
        try (Connection db = dinas.database(); PreparedStatement select = db.prepareStatement("""
                SELECT s.id, s.full_name, s.nik, r.enrolment_status, r.birth_date <= CURDATE() - INTERVAL 17 YEAR
                FROM schoolvisit_student s JOIN population_resident r ON r.nik = s.nik
                WHERE s.school_id = ? ORDER BY s.id""")) {
            select.setLong(1, visit.schoolId());
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    roster.add(new Student(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                            row.getBoolean(5)));
                }
            }
        }
        return roster;
    }

    /**
     * SOP C at the Dinas's UKL while the team is at the school: the registration desk gives the student a number,
     * the recording desk calls and records them; the register has them recorded.
     */
    private void recordAtTheUkl(Student student) throws Exception {
        try (Browser desk = tablet(dinas)) {
            signIn(desk, "registrasi", PASSWORD);
            desk.open("registrasi");
            type(desk, "#recording-nik input", student.nik());
            desk.await(By.id("recording-find")).click();
            desk.await(By.id("recording-received")).click();
            desk.await(By.id("recording-documents-ok"));
            desk.driver.executeScript("""
                    const panel = document.getElementById('recording-documents-ok').parentElement.parentElement;
                    panel.querySelectorAll('vaadin-checkbox').forEach(box => { if (!box.checked) box.click(); });""");
            desk.awaitSettled();
            desk.await(By.id("recording-documents-ok")).click();
            desk.await(By.id("recording-not-recorded")).click();
            desk.await(By.id("recording-ticket"));
        }
        try (Browser desk = tablet(dinas)) {
            signIn(desk, "perekaman", PASSWORD);
            desk.open("perekaman");
            desk.await(By.id("recording-call-next")).click();
            desk.await(By.id("recording-called"));
            desk.await(By.id("recording-recorded")).click();
            desk.awaitSettled();
        }
        awaitCount(dinas, "SELECT COUNT(*) FROM population_resident WHERE nik = '" + student.nik()
                + "' AND enrolment_status <> 'NOT_RECORDED'", 1);
    }

    /**
     * The team's work on the tablet, student by student, each found by name: the steps the outpost offers, through
     * every branch in turn: a card for each student it can print for, until {@value #TO_PRINT}; of those never
     * recorded, two corrected from the birth certificate and recorded, two absent, one refusing, the rest recorded.
     */
    private final class Branches {

        private final long recordedElsewhere;
        private final Map<Long, String> corrections = new java.util.LinkedHashMap<>();
        private int printed;
        private int absent;
        private int refused;
        private int spoiled;
        private int steps;

        Branches(long recordedElsewhere) {
            this.recordedElsewhere = recordedElsewhere;
        }

        int steps() {
            return steps;
        }

        void work(Browser laptop, Student student) throws Exception {
            type(laptop, "#outpost-filter input", student.name());
            onlyTheirRowShown(laptop, student);
            Set<String> offered = offered(laptop, student);
            if (offered.contains("found_recorded")) {
                step(laptop, "found_recorded", student, null);
                if (printed < TO_PRINT && offered(laptop, student).contains("card_printed")) {
                    String serial = "E2E-%04d".formatted(printed + 1);
                    step(laptop, "card_printed", student, dialog -> {
                        type(dialog, "#outpost-card-serial input", serial);
                        dialog.await(By.id("outpost-card-save")).click();
                    });
                    printed++;
                }
            } else if (offered.contains("recorded") && student.id() != recordedElsewhere && corrections.size() < 2) {
                String certificate = (student.name() + " Akta").substring(0, Math.min(100, student.name().length()
                        + 5));
                step(laptop, "corrected", student, dialog -> {
                    type(dialog, "#outpost-fix-name input", certificate);
                    type(dialog, "#outpost-fix-note textarea", "Akta kelahiran " + student.id() + ": nama berbeda");
                    dialog.await(By.id("outpost-fix-save")).click();
                });
                corrections.put(student.id(), certificate);
                step(laptop, "recorded", student, null);
            } else if (offered.contains("recorded") && student.id() != recordedElsewhere && absent < 2) {
                step(laptop, "absent", student, null);
                absent++;
            } else if (offered.contains("recorded") && student.id() != recordedElsewhere && refused < 1) {
                step(laptop, "refused", student, null);
                refused++;
            } else if (offered.contains("recorded")) {
                step(laptop, "recorded", student, null);
            } else {
                assertThat(offered).as("a step for " + student).contains("absent");
                step(laptop, "absent", student, null);
            }
        }

        /** A blank card spoiled in the printer: its serial typed, saved. */
        void spoiled(Browser laptop, String serial) throws Exception {
            int kept = count(outpost, "SELECT COUNT(*) FROM outpost_operation");
            laptop.await(By.id("outpost-spoiled")).click();
            type(laptop, "#outpost-card-serial input", serial);
            laptop.await(By.id("outpost-card-save")).click();
            awaitCount(outpost, "SELECT COUNT(*) FROM outpost_operation", kept + 1);
            spoiled++;
            steps++;
        }

        private void step(Browser laptop, String kind, Student student, @Nullable Fill dialog) throws Exception {
            OutpostNodeCrashIT.this.step(laptop, "outpost-" + kind + "-" + student.id(), dialog);
            steps++;
        }
    }

    /** The steps the roster shows for the student now (their buttons' kinds). */
    @SuppressWarnings("unchecked")
    private static Set<String> offered(Browser laptop, Student student) {
        laptop.awaitSettled();
        List<String> ids = (List<String>) laptop.driver.executeScript("""
                return [...document.querySelectorAll('#outpost-roster vaadin-button')]
                  .filter(button => button.checkVisibility() && button.id.endsWith('-' + arguments[0]))
                  .map(button => button.id);""", String.valueOf(student.id()));
        Set<String> kinds = new HashSet<>();
        for (String id : ids) {
            kinds.add(id.substring("outpost-".length(), id.lastIndexOf('-')));
        }
        return kinds;
    }

    /** What a step's dialog asks, filled in and saved. */
    @FunctionalInterface
    private interface Fill {
        void in(Browser laptop) throws Exception;
    }


    /** The roster's NIKs as the Dinas has them: none of them readable in any column of the laptop's roster. */
    private void assertNoNikInPlainText() throws Exception {
        Set<String> niks = strings(dinas, """
                SELECT s.nik FROM schoolvisit_student s JOIN schoolvisit_visit v ON v.school_id = s.school_id
                JOIN schoolvisit_checkout c ON c.visit_id = v.id""");
        assertThat(niks).isNotEmpty();
        List<String> rows = new ArrayList<>();
        try (Connection db = outpost.database(); PreparedStatement select = db.prepareStatement(
                "SELECT * FROM outpost_student"); ResultSet row = select.executeQuery()) {
            ResultSetMetaData columns = row.getMetaData();
            while (row.next()) {
                StringBuilder all = new StringBuilder();
                for (int column = 1; column <= columns.getColumnCount(); column++) {
                    all.append(row.getString(column)).append('|');
                }
                rows.add(all.toString());
            }
        }
        assertThat(rows).as("the roster held, sealed").isNotEmpty();
        for (String nik : niks) {
            assertThat(rows).as("NIK in plain text on the laptop").noneMatch(row -> row.contains(nik));
        }
    }

    private String hashAtTheDinas() throws Exception {
        return strings(dinas, "SELECT password_hash FROM staff_account WHERE username = '" + OFFICER + "'")
                .iterator().next();
    }

    private static void awaitCount(Database node, String sql, int wanted) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (count(node, sql) != wanted) {
            assertThat(System.nanoTime()).as(sql + " reaches " + wanted).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static int count(Database node, String sql, Object... parameters) throws Exception {
        try (Connection db = node.database(); PreparedStatement select = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private static Set<String> strings(Database node, String sql, Object... parameters) throws Exception {
        Set<String> values = new HashSet<>();
        try (Connection db = node.database(); PreparedStatement select = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    values.add(row.getString(1));
                }
            }
        }
        return values;
    }
}
