package id.dukcapil.portal.staff.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridTester;
import id.dukcapil.portal.PortalViewTest;
import id.dukcapil.portal.shared.region.Region;
import id.dukcapil.portal.shared.region.Regions;
import id.dukcapil.portal.staff.ServicePoint;
import id.dukcapil.portal.staff.ServicePointAdministration;
import id.dukcapil.portal.staff.ServicePointAdministration.EditablePoint;
import id.dukcapil.portal.staff.ServicePointForm;
import id.dukcapil.portal.staff.ServicePointKind;
import id.dukcapil.portal.staff.ServicePoints;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/** The administrator makes and edits the office's service points (issue 55): bound, audited, never overwriting. */
@WithUserDetails("admin")
class ServicePointsViewTest extends PortalViewTest {

    private static final AtomicInteger NEXT = new AtomicInteger();

    @Autowired ServicePointAdministration administration;
    @Autowired ServicePoints servicePoints;
    @Autowired Regions regions;
    @Autowired JdbcTemplate jdbc;

    /** A code no other test of the run has: "UKL-T" and six digits. */
    private static String newCode() {
        return "UKL-T%06d".formatted((System.nanoTime() / 1000 + NEXT.incrementAndGet()) % 1_000_000);
    }

    private Region district() {
        return regions.districtsOf("32.04").getFirst();
    }

    @Test
    void an_admin_makes_a_kecamatans_ukl_that_staff_and_citizens_then_find() {
        String code = newCode();
        ServicePointsView view = navigate(ServicePointsView.class);
        test(view.create).click();
        ServicePointEditor editor = find(ServicePointEditor.class).single();
        test(editor.code).setValue(code.toLowerCase());
        test(editor.name).setValue("UKL Kecamatan Uji Baru");
        test(editor.district).selectItem(district().name());
        test(editor.address).setValue("Jl. Raya Uji No. 1");
        test(editor.save).click();

        assertThat(lastNotification()).isEqualTo("Tempat layanan UKL Kecamatan Uji Baru disimpan.");
        ServicePoint made = servicePoints.byCode(code).orElseThrow();
        assertThat(made.kind()).isEqualTo(ServicePointKind.UKL);
        assertThat(made.districtCode()).isEqualTo(district().code());
        assertThat(servicePoints.active()).extracting(ServicePoint::code).contains(code);
        assertThat(codes(test(view.grid))).contains(code);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = 'staff.service-point.created' "
                + "AND subject_id = ? AND actor_id = 'admin'", Long.class, code)).isEqualTo(1);
    }

    @Test
    void a_ukl_without_its_kecamatan_or_with_a_taken_code_is_refused_at_the_form_and_nothing_is_saved() {
        String code = newCode();
        ServicePointsView view = navigate(ServicePointsView.class);
        test(view.create).click();
        ServicePointEditor editor = find(ServicePointEditor.class).single();
        test(editor.code).setValue(code);
        test(editor.name).setValue("UKL Tanpa Kecamatan");
        test(editor.save).click();
        assertThat(editor.district.isInvalid()).isTrue();
        assertThat(editor.district.getErrorMessage()).isEqualTo("Pilih kecamatan UKL ini.");
        assertThat(servicePoints.byCode(code)).isEmpty();
        assertThat(editor.isOpened()).isTrue();

        test(editor.code).setValue("UKL-320437");
        test(editor.district).selectItem(district().name());
        test(editor.save).click();
        assertThat(lastNotification()).isEqualTo("Kode UKL-320437 sudah dipakai tempat layanan lain.");
        assertThat(editor.isOpened()).as("the form kept, with what was typed").isTrue();
        assertThat(editor.name.getValue()).isEqualTo("UKL Tanpa Kecamatan");

        test(editor.code).setValue("ukl 1");
        test(editor.save).click();
        assertThat(editor.code.getErrorMessage()).startsWith("Kode terdiri atas 2 sampai 20 huruf besar");
    }

    @Test
    void a_second_admin_saving_over_a_change_made_meanwhile_is_refused_and_the_form_kept() {
        String code = newCode();
        ServicePoint point = administration.create(new ServicePointForm(code, "UKL Kecamatan Lama", ServicePointKind.UKL,
                district().code(), null));
        ServicePointsView view = navigate(ServicePointsView.class);
        GridTester<?, EditablePoint> grid = test(view.grid);
        grid.clickRow(codes(grid).indexOf(code));
        ServicePointEditor editor = find(ServicePointEditor.class).single();
        assertThat(editor.code.isReadOnly()).as("the code stays what it was made with").isTrue();
        assertThat(editor.kind.isReadOnly()).isTrue();

        // Meanwhile another admin gives the point its address.
        long version = administration.all().stream().filter(row -> row.point().code().equals(code)).findFirst()
                .orElseThrow().version();
        administration.update(point.id(), version, new ServicePointForm(code, "UKL Kecamatan Lama", ServicePointKind.UKL,
                district().code(), "Jl. Kantor Kecamatan No. 2"));

        test(editor.name).setValue("UKL Kecamatan Baru");
        test(editor.save).click();
        assertThat(lastNotification()).contains("baru saja diubah oleh pengguna lain");
        assertThat(editor.isOpened()).isTrue();
        assertThat(editor.name.getValue()).isEqualTo("UKL Kecamatan Baru");
        ServicePoint kept = servicePoints.byCode(code).orElseThrow();
        assertThat(kept.name()).isEqualTo("UKL Kecamatan Lama");
        assertThat(kept.address()).isEqualTo("Jl. Kantor Kecamatan No. 2");
        assertThat(jdbc.queryForList("SELECT detail FROM audit_entry WHERE action = 'staff.service-point.updated' "
                + "AND subject_id = ?", String.class, code)).containsExactly("address: – → Jl. Kantor Kecamatan No. 2");
    }

    /** A kecamatan today's region list no longer has (districts split and merge) stays when the name is edited. */
    @Test
    void editing_the_name_keeps_a_kecamatan_the_region_list_no_longer_has() {
        String code = newCode();
        ServicePoint point = administration.create(new ServicePointForm(code, "UKL Kecamatan Pecahan",
                ServicePointKind.UKL, "32.04.99", null));
        ServicePointsView view = navigate(ServicePointsView.class);
        GridTester<?, EditablePoint> grid = test(view.grid);
        grid.clickRow(codes(grid).indexOf(code));
        ServicePointEditor editor = find(ServicePointEditor.class).single();
        test(editor.name).setValue("UKL Kecamatan Pecahan Baru");
        test(editor.save).click();
        ServicePoint saved = servicePoints.byCode(code).orElseThrow();
        assertThat(saved.name()).isEqualTo("UKL Kecamatan Pecahan Baru");
        assertThat(saved.districtCode()).isEqualTo("32.04.99");
        assertThat(point.id()).isEqualTo(saved.id());
    }

    /** Decision 194: the grid sorts by what it shows; a point by its name, no code on the screen. */
    @Test
    void the_points_sort_by_name() {
        ServicePointsView view = navigate(ServicePointsView.class);
        GridTester<?, EditablePoint> grid = test(view.grid);
        view.grid.sort(GridSortOrder.asc(view.grid.getColumns().getFirst()).build());
        List<String> ascending = IntStream.range(0, grid.size()).mapToObj(row -> grid.getRow(row).point().name())
                .toList();
        assertThat(ascending).hasSizeGreaterThan(3).isSortedAccordingTo(String::compareTo);
        view.grid.sort(GridSortOrder.desc(view.grid.getColumns().getFirst()).build());
        assertThat(IntStream.range(0, grid.size()).mapToObj(row -> grid.getRow(row).point().name()).toList())
                .isEqualTo(ascending.reversed());
    }

    /** A point with no kecamatan (an MPP desk) opens in its form: the walk of every view found it failing to. */
    @Test
    void a_point_without_a_kecamatan_opens_in_its_form() {
        String code = "MPP-T" + newCode().substring(5);
        administration.create(new ServicePointForm(code, "MPP Uji Tanpa Kecamatan", ServicePointKind.MPP, null, null));
        ServicePointsView view = navigate(ServicePointsView.class);
        GridTester<?, EditablePoint> grid = test(view.grid);
        grid.clickRow(codes(grid).indexOf(code));
        ServicePointEditor editor = find(ServicePointEditor.class).single();
        assertThat(editor.code.getValue()).isEqualTo(code);
        assertThat(editor.code.isReadOnly()).isTrue();
        assertThat(editor.district.getValue()).isNull();
        test(editor.address).setValue("Gedung MPP Lantai 2");
        test(editor.save).click();
        assertThat(servicePoints.byCode(code).orElseThrow().address()).isEqualTo("Gedung MPP Lantai 2");
    }

    private static List<String> codes(GridTester<?, EditablePoint> grid) {
        return IntStream.range(0, grid.size()).mapToObj(row -> grid.getRow(row).point().code()).toList();
    }
}
