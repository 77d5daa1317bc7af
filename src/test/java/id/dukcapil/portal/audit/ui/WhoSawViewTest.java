package id.dukcapil.portal.audit.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.tabs.TabSheet;
import id.dukcapil.portal.PortalViewTest;
import id.dukcapil.portal.SignedInAs;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.audit.AuditExcelExport;
import id.dukcapil.portal.audit.PersonalData;
import id.dukcapil.portal.audit.PersonalDataAccessSearch;
import id.dukcapil.portal.audit.PersonalDataViews;
import id.dukcapil.portal.audit.internal.PersonalDataViewBuffer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;

/** The ADMIN asks the log who saw a NIK: staff, screen, time and address; nobody else may ask. */
@WithUserDetails("admin")
class WhoSawViewTest extends PortalViewTest {

    @Autowired PersonalDataViews personalData;
    @Autowired PersonalDataViewBuffer buffer;
    @Autowired PersonalDataAccessSearch accesses;
    @Autowired AuditExcelExport excel;
    @Autowired UserDetailsService users;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;

    String nik;

    @BeforeEach
    void two_officers_saw_a_resident_and_one_downloaded_the_register() {
        nik = "8" + String.format("%015d", ThreadLocalRandom.current().nextLong(1_000_000_000_000_000L));
        clock.setInstant(Instant.parse("2026-11-20T02:00:00Z"));
        SignedInAs.run(users, "operator", () -> personalData.viewed("residents", PersonalData.nik(nik)));
        clock.advance(Duration.ofMinutes(1));
        SignedInAs.run(users, "registrasi", () -> personalData.viewed("registrasi", PersonalData.nik(nik)));
        clock.advance(Duration.ofMinutes(1));
        SignedInAs.run(users, "registrasi",
                () -> personalData.downloaded("registrasi/register-xlsx", PersonalData.nik(nik)));
        buffer.flush();
        clock.reset();
    }

    @Test
    void the_admin_types_a_nik_and_reads_who_saw_it_on_which_screen_newest_first() {
        AuditLogView view = whoSawTab();

        test(view.viewedNumber).setValue(nik);

        var viewers = test(view.viewers);
        assertThat(viewers.size()).isEqualTo(3);
        String staff = "";
        String screens = "";
        for (int row = 0; row < 3; row++) {
            staff += viewers.getCellText(row, 1) + "|";
            screens += viewers.getCellText(row, 3) + "|";
        }
        assertThat(staff).contains("(operator)").contains("(registrasi)");
        assertThat(screens).contains("Dilihat: Cari Penduduk").contains("Dilihat: Registrasi Perekaman")
                .contains("Diunduh: Register harian perekaman (Excel)");
        assertThat(viewers.getCellText(0, 0)).isEqualTo("20/11/2026 09:02:00"); // office time, the download last
        assertThat(viewers.getCellText(0, 3)).isEqualTo("Diunduh: Register harian perekaman (Excel)");
        assertThat(viewers.getCellText(0, 4)).isEqualTo("NIK");
        assertThat(viewers.getCellText(0, 5)).isEqualTo("127.0.0.1"); // the browserless request's address
    }

    @Test
    void a_number_nobody_saw_finds_nobody() {
        AuditLogView view = whoSawTab();
        test(view.viewedNumber).setValue("3204370101900099");

        assertThat(test(view.viewers).size()).isZero();
        assertThat(view.viewers.getEmptyStateText()).startsWith("Belum ada petugas yang melihat");
    }

    @Test
    void the_answer_goes_to_excel_and_the_export_itself_is_in_the_log() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long written = excel.exportWhoSaw(nik, Locale.of("id"), out);

        assertThat(written).isEqualTo(3);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet sheet = workbook.getSheet("Siapa melihat");
            assertThat(sheet.getRow(0).getCell(5).getStringCellValue()).isEqualTo("Layar atau unduhan");
            assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("operator");
            assertThat(sheet.getRow(1).getCell(5).getStringCellValue()).isEqualTo("residents");
            assertThat(sheet.getRow(3).getCell(1).getStringCellValue()).isEqualTo("DOWNLOAD");
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = 'audit.views.exported' "
                + "AND subject_id = ?", Long.class, nik)).isEqualTo(1);
    }

    private AuditLogView whoSawTab() {
        AuditLogView view = navigate(AuditLogView.class);
        test(find(TabSheet.class).single()).select("Siapa melihat NIK ini");
        roundTrip(); // the tab sheet shows a tab's content on the way back to the browser
        return view;
    }

    @Test
    @WithUserDetails("manajer")
    void a_manager_reads_the_log_but_is_not_offered_the_question_nor_answered_it() {
        AuditLogView view = navigate(AuditLogView.class);

        assertThat(find(TabSheet.class).exists()).isFalse();
        assertThat(view.whoSaw.getParent()).isEmpty();
        assertThatThrownBy(() -> accesses.whoSaw(nik, PageRequest.of(0, 10)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> excel.exportWhoSaw(nik, Locale.of("id"), new ByteArrayOutputStream()))
                .isInstanceOf(AccessDeniedException.class);
    }
}
