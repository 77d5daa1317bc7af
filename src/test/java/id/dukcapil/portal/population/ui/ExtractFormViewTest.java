package id.dukcapil.portal.population.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import id.dukcapil.portal.PortalViewTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The extract's upload form bound to {@link ExtractForm} (issue 55, item 4): an extract without its region is said at
 * the region's field, nothing is asked and nothing imported; the file stays ready for the region to be chosen.
 */
@WithUserDetails("admin")
class ExtractFormViewTest extends PortalViewTest {

    @Autowired JdbcTemplate jdbc;

    @Test
    void an_extract_without_its_region_is_said_at_the_region_and_not_imported() throws Exception {
        PopulationImportView view = navigate(PopulationImportView.class);
        Path file = Files.createTempFile("ekstrak-tanpa-wilayah-", ".csv");
        Files.writeString(file, "NIK,NO_KK\n");
        long imports = jdbc.queryForObject("SELECT COUNT(*) FROM population_import", Long.class);
        view.received("ekstrak-tanpa-wilayah.csv", file);
        view.scope.clear();

        test(view.start).click();

        assertThat(view.scope.isInvalid()).isTrue();
        assertThat(view.scope.getErrorMessage()).isEqualTo("Pilih wilayah ekstrak dulu.");
        assertThat(find(ConfirmDialog.class).exists()).as("nothing asked while the region is missing").isFalse();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM population_import", Long.class)).isEqualTo(imports);
        assertThat(view.start.isEnabled()).as("the file stays, to be imported once the region is chosen").isTrue();
    }
}
