package id.dukcapil.portal.population.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import id.dukcapil.portal.GridInput;
import id.dukcapil.portal.PortalViewTest;
import id.dukcapil.portal.population.ImportState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The ADMIN's import screen: the file arrives, the region is chosen, a confirmation says what the import will do,
 * and the import's outcome shows in the list, here a file that is no extract, refused in words with nothing loaded.
 */
@WithUserDetails("admin")
class PopulationImportViewTest extends PortalViewTest {

    @Autowired JdbcTemplate jdbc;

    @Test
    void the_admin_confirms_what_the_import_will_do_and_sees_a_file_that_is_no_extract_refused_in_words() throws Exception {
        PopulationImportView view = navigate(PopulationImportView.class);
        assertThat(view.start.isEnabled()).as("nothing to import before a file").isFalse();
        assertThat(view.scope.getValue().name()).isEqualTo("Kabupaten Bandung");
        Path file = Files.createTempFile("bukan-ekstrak-", ".csv");
        Files.writeString(file, "NAMA,ALAMAT\nBudi,Jl. Merdeka\n");
        long families = jdbc.queryForObject("SELECT COUNT(*) FROM population_family", Long.class);

        view.received("daftar-tamu.csv", file);
        test(view.start).click();
        ConfirmDialog confirm = find(ConfirmDialog.class).single();
        assertThat(confirm.getElement().getProperty("message")).contains("daftar-tamu.csv", "seluruh kabupaten",
                "ditandai tidak aktif");
        test(confirm).confirm();

        assertThat(lastNotification()).contains("Impor daftar-tamu.csv dimulai");
        awaitEnd();
        view.refresh();
        assertThat(test(view.imports).getCellText(0, 2)).isEqualTo("Gagal");
        assertThat(test(view.imports).getCellText(0, 3)).contains("kolom NIK, NO_KK");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM population_family", Long.class)).isEqualTo(families);
        assertThat(view.start.isEnabled()).isFalse();
        assertThat(GridInput.showsAction(view.imports, 0, "refused-")).as("no row was refused: the file was").isFalse();

        GridInput.clickAction(view.imports, 0, "resume-");
        assertThat(lastNotification()).contains("Impor daftar-tamu.csv dilanjutkan");
        awaitEnd();
        view.refresh();
        assertThat(test(view.imports).getCellText(0, 2)).as("no extract still").isEqualTo("Gagal");

        // The history sorts by start and by file (decision 194); the newest first again when unsorted.
        var started = view.imports.getColumns().getFirst();
        view.imports.sort(com.vaadin.flow.component.grid.GridSortOrder.asc(started).build());
        java.util.List<java.time.Instant> ascending = java.util.stream.IntStream.range(0, test(view.imports).size())
                .mapToObj(row -> test(view.imports).getRow(row).startedAt()).toList();
        assertThat(ascending).isSorted();
        assertThat(view.imports.getColumns().get(1).isSortable()).isTrue();
        assertThat(view.imports.getColumns().get(3).isSortable()).as("a summary is words").isFalse();
    }

    /**
     * Issue 41 item 6: a header-only extract of a district stops before marking its residents gone; the screen names
     * how many it would mark and asks again; stopped there, nobody is marked gone.
     */
    @Test
    void a_header_only_extract_stops_and_the_screen_names_how_many_residents_it_would_mark_gone() throws Exception {
        PopulationImportView view = navigate(PopulationImportView.class);
        var district = view.scope.getListDataView().getItems().filter(region -> region.code().length() == 8)
                .findFirst().orElseThrow();
        long residents = jdbc.queryForObject("""
                SELECT COUNT(*) FROM population_resident r JOIN population_family f ON f.id = r.family_id
                WHERE f.village_code LIKE ? AND r.gone_on IS NULL""", Long.class, district.code() + ".%");
        Path file = Files.createTempFile("ekstrak-kosong-", ".csv");
        Files.writeString(file, java.util.Arrays.stream(id.dukcapil.portal.population.extract.ExtractColumn.values())
                .map(id.dukcapil.portal.population.extract.ExtractColumn::header)
                .collect(java.util.stream.Collectors.joining(",")) + "\n");

        view.received("ekstrak-kosong.csv", file);
        view.scope.setValue(district);
        test(view.start).click();
        test(find(ConfirmDialog.class).single()).confirm();
        awaitEnd();
        view.refresh();

        assertThat(view.awaiting.isVisible()).isTrue();
        String count = java.text.NumberFormat.getIntegerInstance(java.util.Locale.of("id")).format(residents);
        assertThat(view.awaitingText.getText()).contains("ekstrak-kosong.csv", "tidak berisi satu baris data pun",
                "Ekstrak ini akan menandai " + count + " penduduk Kecamatan " + district.name() + " sebagai tidak ada lagi");
        assertThat(view.confirmGone.getText()).isEqualTo("Ya, tandai " + count + " penduduk sebagai tidak ada lagi");
        assertThat(test(view.imports).getCellText(0, 2)).isEqualTo("Menunggu konfirmasi");

        test(view.cancelAwaiting).click();

        assertThat(lastNotification()).contains("tidak ada penduduk yang ditandai tidak ada lagi");
        assertThat(view.awaiting.isVisible()).isFalse();
        assertThat(test(view.imports).getCellText(0, 2)).isEqualTo("Dihentikan");
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM population_resident r JOIN population_family f ON f.id = r.family_id
                WHERE f.village_code LIKE ? AND r.gone_on IS NULL""", Long.class, district.code() + ".%"))
                .isEqualTo(residents);
    }

    private void awaitEnd() throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(until)) {
            if (!jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM population_import WHERE state = ?)", Boolean.class,
                    ImportState.RUNNING.name())) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("The import did not end within 30 s");
    }
}
