package id.dukcapil.portal.population.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
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
        ConfirmDialog confirm = $(ConfirmDialog.class).single();
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
