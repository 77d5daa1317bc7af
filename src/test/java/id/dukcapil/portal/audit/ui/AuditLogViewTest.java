package id.dukcapil.portal.audit.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import id.dukcapil.portal.PortalViewTest;
import id.dukcapil.portal.audit.Actor;
import id.dukcapil.portal.audit.AuditEntry;
import id.dukcapil.portal.audit.AuditExcelExport;
import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.audit.AuditTestSupport;
import id.dukcapil.portal.shared.ServicePointNames;
import id.dukcapil.portal.staff.StaffAccounts;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

@WithUserDetails("manajer")
class AuditLogViewTest extends PortalViewTest {

    @Autowired AuditLog auditLog;
    @Autowired AuditExcelExport excel;
    @Autowired AuditTestSupport support;
    @Autowired JdbcTemplate jdbc;
    @Autowired ServicePointNames points;

    /** A point of its own, the subject of entries read in words. */
    private static String point;

    @BeforeAll
    static void a_point_of_its_own(@Autowired StaffAccounts staff) {
        point = staff.servicePoint(); // named as a kecamatan's point is, without its code: the log must show the name
    }

    @BeforeEach
    void some_recorded_actions() {
        support.emptyTheChain();
        auditLog.record(AuditRecord.success("staff.account.created", "StaffAccount", "budi"));
        auditLog.record(AuditRecord.success("kkprint.request.verified", "KkPrintRequest", "KK-0001"));
        auditLog.record(AuditRecord.success("staff.password.reset", "StaffAccount", "budi"));
    }

    @Test
    void a_manager_finds_the_actions_on_one_account_newest_first() {
        AuditLogView view = navigate(AuditLogView.class);
        test(view.action).setValue("staff.");
        assertThat(test(view.grid).size()).isEqualTo(2);
        AuditEntry newest = test(view.grid).getRow(0);
        assertThat(newest.action()).isEqualTo("staff.password.reset");
        assertThat(newest.actorId()).isEqualTo("manajer");
        assertThat(newest.servicePoint()).isEqualTo("DINAS");

        test(view.action).clear();
        test(view.subject).setValue("KK-0001");
        assertThat(test(view.grid).size()).isEqualTo(1);
    }

    /** Issue 54 item 8 (decision 194): the log sorts by number, time, actor and outcome, in the database. */
    @Test
    void a_manager_sorts_the_log_by_actor_and_by_number() {
        auditLog.record(new Actor(Actor.Type.SYSTEM, "zz-job", "Zz job", Set.of(), null),
                AuditRecord.success("audit.chain.verified", "AuditLog", "zz"));
        auditLog.record(new Actor(Actor.Type.SYSTEM, "aa-job", "Aa job", Set.of(), null),
                AuditRecord.success("audit.chain.verified", "AuditLog", "aa"));
        AuditLogView view = navigate(AuditLogView.class);
        var grid = test(view.grid);
        assertThat(grid.getRow(0).actorId()).as("newest first").isEqualTo("aa-job");

        Grid.Column<AuditEntry> actor = view.grid.getColumns().get(2);
        view.grid.sort(GridSortOrder.desc(actor).build());
        assertThat(grid.getRow(0).actorId()).isEqualTo("zz-job");
        view.grid.sort(GridSortOrder.asc(actor).build());
        assertThat(grid.getRow(0).actorId()).isEqualTo("aa-job");
        view.grid.sort(GridSortOrder.asc(view.grid.getColumns().getFirst()).build());
        assertThat(grid.getRow(0).seq()).as("oldest first").isLessThan(grid.getRow(1).seq());
        assertThat(view.grid.getColumns().get(4).isSortable()).as("actions read in words, stored as codes").isFalse();
    }

    /** Issue 54 item 8: the Action filter takes the words the column shows, not only the codes behind them. */
    @Test
    void a_manager_finds_an_action_by_the_words_the_column_shows() {
        AuditLogView view = navigate(AuditLogView.class);
        test(view.action).setValue("kk DIVERIFIKASI");
        assertThat(test(view.grid).size()).isEqualTo(1);
        assertThat(test(view.grid).getRow(0).action()).isEqualTo("kkprint.request.verified");
        test(view.action).setValue("kkprint.");
        assertThat(test(view.grid).size()).as("a code's start still finds it").isEqualTo(1);
        test(view.action).setValue("tidak ada aksi seperti ini");
        assertThat(test(view.grid).size()).isZero();
    }

    @Test
    void a_manager_reads_actions_subjects_and_service_points_in_words_not_codes() {
        auditLog.record(AuditRecord.success("blanko.receipt", "ServicePoint", point));
        AuditLogView view = navigate(AuditLogView.class);
        var grid = test(view.grid);

        String office = points.nameOf("DINAS");
        assertThat(office).isNotEqualTo("DINAS");
        assertThat(List.of(grid.getCellText(0, 3), grid.getCellText(0, 4), grid.getCellText(0, 5)))
                .containsExactly(office, "Blanko diterima", "Tempat layanan " + points.nameOf(point));
        assertThat(List.of(grid.getCellText(1, 4), grid.getCellText(1, 5)))
                .containsExactly("Kata sandi petugas diatur ulang", "Akun petugas budi");
    }

    @Test
    void a_points_day_reads_as_the_points_name_and_the_date() {
        auditLog.record(AuditRecord.success("booking.day.closed", "BookingDay", point + "/2026-12-01"));
        AuditLogView view = navigate(AuditLogView.class);

        assertThat(test(view.grid).getCellText(0, 5)).endsWith(" " + points.nameOf(point) + ", 01/12/2026")
                .doesNotContain(point);
    }

    @Test
    void verifying_shows_an_intact_log_and_then_a_tampered_one() {
        AuditLogView view = navigate(AuditLogView.class);
        test(view.verify).click();
        assertThat(view.verification.getText()).isEqualTo("Log utuh: 3 entri diperiksa");

        jdbc.update("UPDATE audit_entry SET actor_id = 'orang-lain' WHERE action = 'kkprint.request.verified'");
        test(view.verify).click();
        assertThat(view.verification.getText()).isEqualTo("Log TIDAK utuh pada entri 2: isi entri telah diubah");
        support.emptyTheChain();
    }

    @Test
    void an_auditor_pastes_an_anchor_from_the_daily_mail_and_a_rewritten_history_shows_as_broken() {
        String entryTwo = jdbc.queryForObject("SELECT hash FROM audit_entry WHERE seq = 2", String.class);
        AuditLogView view = navigate(AuditLogView.class);
        test(view.anchors).setValue("Posisi: 2\naudit-anchor:2:" + entryTwo + "\n");
        test(view.verify).click();
        assertThat(view.verification.getText()).isEqualTo("Log utuh: 3 entri diperiksa");
        assertThat(view.verificationDetail.getText()).isEqualTo("berkunci (HMAC) sejak entri 1 · 2 jangkar dicocokkan");

        // Someone holding the key and the database rewrote entry 2 and everything after it: the pasted anchor,
        // kept in a mailbox, no longer matches.
        test(view.anchors).setValue("audit-anchor:2:" + "ab".repeat(32));
        test(view.verify).click();
        assertThat(view.verification.getText())
                .isEqualTo("Log TIDAK utuh pada entri 2: rantai tidak cocok dengan jangkar yang disimpan di luar basis "
                        + "data (riwayat ditulis ulang)");
        support.emptyTheChain();
    }

    @Test
    void the_export_is_an_excel_workbook_of_what_the_search_found() throws Exception {
        AuditLogView view = navigate(AuditLogView.class);
        test(view.action).setValue("staff.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long written = excel.export(view.filter(), Locale.of("id"), out);

        assertThat(written).isEqualTo(2);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet sheet = workbook.getSheet("Log aktivitas");
            assertThat(sheet.getRow(0).getCell(6).getStringCellValue()).isEqualTo("Aksi");
            assertThat(sheet.getRow(1).getCell(6).getStringCellValue()).isEqualTo("staff.account.created");
            assertThat(sheet.getRow(2).getCell(6).getStringCellValue()).isEqualTo("staff.password.reset");
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = 'audit.exported'", Long.class))
                .isEqualTo(1);
    }
}
