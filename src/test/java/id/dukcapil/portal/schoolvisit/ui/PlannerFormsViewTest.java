package id.dukcapil.portal.schoolvisit.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalViewTest;
import java.time.LocalDate;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/** The calendar's kit and leave forms, bound to their records' constraints: what is wrong is said at its field. */
@WithUserDetails("admin")
class PlannerFormsViewTest extends PortalViewTest {

    @Autowired JdbcTemplate jdbc;

    @Test
    void a_kit_without_a_name_is_said_at_the_name_and_not_saved() {
        VisitCalendarView view = navigate(VisitCalendarView.class);
        view.openKits();
        roundTrip(); // the dialog attached, as after a click
        KitEditor editor = Objects.requireNonNull(view.kitEditor);
        String code = "FORM-" + Math.floorMod(System.nanoTime(), 1_000_000);
        test(editor.code).setValue(code);
        editor.point.setValue("DINAS");

        test(editor.save).click();

        assertThat(editor.name.isInvalid()).isTrue();
        assertThat(editor.name.getErrorMessage())
                .isEqualTo("Kode set peralatan paling banyak 20 karakter dan namanya paling banyak 100 karakter.");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM schoolvisit_kit WHERE code = ?", Integer.class, code))
                .isZero();

        test(editor.name).setValue("Set Formulir");
        test(editor.save).click();

        assertThat(editor.name.isInvalid()).isFalse();
        assertThat(jdbc.queryForObject("SELECT name FROM schoolvisit_kit WHERE code = ?", String.class, code))
                .isEqualTo("Set Formulir");
    }

    @Test
    void a_leave_ending_before_it_starts_is_said_at_its_last_day_and_a_missing_reason_at_the_reason() {
        VisitCalendarView view = navigate(VisitCalendarView.class);
        view.openLeave();
        roundTrip(); // the dialog attached, as after a click
        LeaveEditor editor = Objects.requireNonNull(view.leaveEditor);
        editor.officer.setValue(editor.officer.getListDataView().getItem(0));
        LocalDate first = LocalDate.of(2031, 3, 10);
        editor.first.setValue(first);
        editor.last.setValue(first.minusDays(2));

        test(editor.save).click();

        assertThat(editor.last.isInvalid()).isTrue();
        assertThat(editor.last.getErrorMessage())
                .isEqualTo("Tanggal akhir cuti tidak boleh sebelum tanggal awal, dan alasan wajib diisi.");
        assertThat(editor.reason.getErrorMessage()).isEqualTo("Alasan cuti wajib diisi (paling banyak 200 karakter).");
        assertThat(editor.officer.isInvalid()).isFalse();
        assertThat(editor.isOpened()).isTrue();
    }
}
