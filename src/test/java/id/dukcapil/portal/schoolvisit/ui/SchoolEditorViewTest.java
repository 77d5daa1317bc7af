package id.dukcapil.portal.schoolvisit.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalViewTest;
import id.dukcapil.portal.schoolvisit.School;
import id.dukcapil.portal.schoolvisit.SchoolForm;
import id.dukcapil.portal.schoolvisit.SchoolLevel;
import id.dukcapil.portal.schoolvisit.Schools;
import id.dukcapil.portal.shared.region.Region;
import com.vaadin.flow.component.grid.GridSortOrder;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The planner's school form, bound to its record's constraints: what is wrong is said at its field, nothing is saved
 * while it is, a taken NPSN is said at the NPSN, and a school another planner saved meanwhile is said in words with
 * what was typed kept.
 */
@WithUserDetails("admin")
class SchoolEditorViewTest extends PortalViewTest {

    @Autowired Schools schools;
    @Autowired JdbcTemplate jdbc;

    /** Issue 54 item 8: the schools sort by a column's header, in the database, by name until one is chosen. */
    @Test
    void an_admin_sorts_the_schools_by_npsn_either_way() {
        for (int i = 0; i < 3; i++) { // schools of its own to sort, whichever classes ran before it
            schools.create(valid(npsn(), "SMA Urutan " + npsn()));
        }
        SchoolsView view = navigate(SchoolsView.class);
        var grid = test(view.schools);
        view.schools.sort(GridSortOrder.asc(view.schools.getColumns().get(1)).build());
        List<String> ascending = IntStream.range(0, grid.size()).mapToObj(row -> grid.getRow(row).npsn()).toList();
        view.schools.sort(GridSortOrder.desc(view.schools.getColumns().get(1)).build());
        List<String> descending = IntStream.range(0, grid.size()).mapToObj(row -> grid.getRow(row).npsn()).toList();
        assertThat(ascending).hasSizeGreaterThan(2).isSorted();
        assertThat(descending).isEqualTo(ascending.reversed());
    }

    @Test
    void a_short_npsn_is_said_at_its_field_and_the_school_is_not_saved() {
        SchoolsView view = navigate(SchoolsView.class);
        view.openForm(null);
        roundTrip(); // the dialog attached, as after a click
        SchoolEditor editor = Objects.requireNonNull(view.editor);
        String name = "SMA Salah Ketik " + npsn();
        fillValid(editor, "123", name);

        test(editor.save).click();

        assertThat(editor.npsn.isInvalid()).isTrue();
        assertThat(editor.npsn.getErrorMessage()).isEqualTo("NPSN terdiri atas 8 angka.");
        assertThat(editor.name.isInvalid()).isFalse();
        assertThat(editor.isOpened()).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM schoolvisit_school WHERE name = ?", Integer.class, name))
                .isZero();
    }

    @Test
    void an_empty_name_and_no_level_are_said_at_their_fields() {
        SchoolsView view = navigate(SchoolsView.class);
        view.openForm(null);
        roundTrip(); // the dialog attached, as after a click
        SchoolEditor editor = Objects.requireNonNull(view.editor);
        fillValid(editor, npsn(), "");
        editor.level.clear();

        test(editor.save).click();

        assertThat(editor.name.getErrorMessage()).isEqualTo("Nama sekolah wajib diisi (paling banyak 100 karakter).");
        assertThat(editor.level.isInvalid()).isTrue();
        assertThat(editor.npsn.isInvalid()).isFalse();
        assertThat(editor.isOpened()).isTrue();
    }

    @Test
    void an_npsn_taken_by_another_school_is_said_at_the_npsn() {
        School first = schools.create(valid(npsn(), "SMA Pertama " + npsn()));
        SchoolsView view = navigate(SchoolsView.class);
        view.openForm(null);
        roundTrip(); // the dialog attached, as after a click
        SchoolEditor editor = Objects.requireNonNull(view.editor);
        fillValid(editor, first.npsn(), "SMA Kedua " + npsn());

        test(editor.save).click();

        assertThat(editor.npsn.getErrorMessage()).isEqualTo("NPSN ini sudah terdaftar untuk " + first.name() + ".");
        assertThat(editor.isOpened()).isTrue();
    }

    @Test
    void a_school_saved_meanwhile_by_another_planner_is_said_in_words_and_the_form_keeps_what_was_typed() {
        School school = schools.create(valid(npsn(), "SMA Bersamaan " + npsn()));
        SchoolsView view = navigate(SchoolsView.class);
        view.openForm(school);
        roundTrip(); // the dialog attached, as after a click
        SchoolEditor editor = Objects.requireNonNull(view.editor);

        // Meanwhile another planner changes the contact.
        SchoolForm theirs = SchoolForm.of(school);
        schools.update(school.id(), school.version(), new SchoolForm(theirs.npsn(), theirs.name(), theirs.level(),
                theirs.address(), theirs.villageCode(), "Ibu Kepala Baru", theirs.contactPhone(), null,
                theirs.servicePoint()));

        test(editor.name).setValue("SMA Bersamaan Diubah");
        test(editor.save).click();

        assertThat(editor.isOpened()).isTrue();
        assertThat(editor.changedMeanwhile.isVisible()).isTrue();
        assertThat(editor.changedMeanwhile.getText()).contains("baru saja diubah petugas lain");
        assertThat(editor.name.getValue()).isEqualTo("SMA Bersamaan Diubah");
        School stored = schools.find(school.id());
        assertThat(stored.name()).isEqualTo(school.name());
        assertThat(stored.contactName()).isEqualTo("Ibu Kepala Baru");
    }

    @Test
    void a_valid_form_saves_the_school() {
        SchoolsView view = navigate(SchoolsView.class);
        view.openForm(null);
        roundTrip(); // the dialog attached, as after a click
        SchoolEditor editor = Objects.requireNonNull(view.editor);
        String npsn = npsn();
        fillValid(editor, npsn, "SMA Tersimpan " + npsn);

        test(editor.save).click();

        assertThat(editor.isOpened()).isFalse();
        assertThat(lastNotification()).contains("SMA Tersimpan " + npsn);
        assertThat(jdbc.queryForObject("SELECT name FROM schoolvisit_school WHERE npsn = ?", String.class, npsn))
                .isEqualTo("SMA Tersimpan " + npsn);
    }

    private void fillValid(SchoolEditor editor, String npsn, String name) {
        test(editor.npsn).setValue(npsn);
        test(editor.name).setValue(name);
        editor.level.setValue(SchoolLevel.SMA);
        test(editor.address).setValue("Jl. Pendidikan No. 1");
        editor.village.setValue(village());
        test(editor.contact).setValue("Bapak Guru");
        test(editor.phone).setValue("0812 0000 1111");
        editor.point.setValue(schools.servicePoints().stream().filter(p -> p.code().equals("DINAS")).findFirst()
                .orElseThrow());
    }

    private SchoolForm valid(String npsn, String name) {
        return new SchoolForm(npsn, name, SchoolLevel.SMA, "Jl. Pendidikan No. 2", village().code(), "Bapak Guru",
                "081200001111", null, "DINAS");
    }

    private Region village() {
        return schools.villages().getFirst();
    }

    private static String npsn() {
        return String.valueOf(Math.floorMod(System.nanoTime(), 89_999_999) + 10_000_000);
    }
}
