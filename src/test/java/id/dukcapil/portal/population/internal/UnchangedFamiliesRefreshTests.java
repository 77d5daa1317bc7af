package id.dukcapil.portal.population.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.population.ChangeReason;
import id.dukcapil.portal.population.ImportProgress;
import id.dukcapil.portal.population.ImportState;
import id.dukcapil.portal.population.PopulationRegistry;
import id.dukcapil.portal.population.ResidentCorrection;
import id.dukcapil.portal.population.extract.ExtractColumn;
import id.dukcapil.portal.shared.KkNumber;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.region.Regions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A refresh from an extract whose families mostly did not change: those families are recognised by their stored
 * fingerprint and left alone (nothing audited, nobody marked gone), while what did change — a family no longer
 * listed, a member moved to another family, a resident corrected at the desk since — is still found (decision 107).
 */
@PortalTest
class UnchangedFamiliesRefreshTests {

    @Autowired ImportRunner runner;
    @Autowired ImportStore store;
    @Autowired Regions regions;
    @Autowired PopulationRegistry registry;
    @Autowired JdbcTemplate jdbc;

    @Test
    void the_same_extract_again_leaves_its_families_alone_but_finds_who_left_moved_or_was_corrected_at_the_desk() {
        String district = regions.districtsOf("32.17").get(7).code();
        String village = regions.villagesOf(district).getFirst().code();
        ExtractRows first = new ExtractRows(district, village, 700);
        List<Map<ExtractColumn, String>> same = first.family();
        List<Map<ExtractColumn, String>> corrected = first.family();
        List<Map<ExtractColumn, String>> leaves = first.family();
        List<Map<ExtractColumn, String>> childLeaves = first.family();
        List<Map<ExtractColumn, String>> takesTheChild = first.family();
        ImportTestSupport imports = new ImportTestSupport(runner, store);
        assertThat(imports.importText(first.csv(','), district).residentsAdded()).isEqualTo(15);
        Nik correctedNik = nik(corrected.get(1));
        registry.correct(correctedNik, ResidentCorrection.none().withOccupation("Pedagang"),
                ChangeReason.RESIDENT_STATEMENT, "keterangan warga");

        ExtractRows newer = new ExtractRows(district, village, 900);
        same.forEach(newer::again);
        corrected.forEach(newer::again);
        // The child is listed with the family that takes them in: two families' rows change, the others do not.
        newer.again(childLeaves.get(0));
        newer.again(childLeaves.get(1));
        takesTheChild.forEach(newer::again);
        newer.again(childLeaves.get(2)).put(ExtractColumn.KK_NUMBER, takesTheChild.getFirst().get(ExtractColumn.KK_NUMBER));
        // A family of three of the district's fifteen left out: confirmed as the ADMIN would (decision 128).
        ImportProgress refresh = imports.importConfirmingGone(newer.csv(','), district, 3);

        assertThat(refresh.state()).isEqualTo(ImportState.FINISHED);
        assertThat(refresh.residentsChanged()).as("the corrected occupation set back to SIAK's, the child moved")
                .isEqualTo(2);
        assertThat(refresh.residentsGone()).as("the family no longer listed").isEqualTo(3);
        assertThat(registry.findByNik(correctedNik).orElseThrow().occupation()).isEqualTo("Wiraswasta");
        assertThat(registry.findFamily(KkNumber.of(kk(takesTheChild))).orElseThrow().members()).hasSize(4);
        assertThat(registry.findFamily(KkNumber.of(kk(childLeaves))).orElseThrow().members()).hasSize(2);
        assertThat(same).allSatisfy(row -> assertThat(registry.findByNik(nik(row))).isPresent());
        assertThat(leaves).allSatisfy(row -> assertThat(registry.findByNik(nik(row))).isEmpty());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action LIKE 'population.%.refreshed' "
                + "AND detail LIKE ? AND subject_id IN (?, ?, ?, ?)", Integer.class, "%import=" + refresh.id() + ";%",
                kk(same), nik(same.get(0)).value(), nik(same.get(1)).value(), nik(same.get(2)).value()))
                .as("an unchanged family has nothing to audit").isZero();
        assertThat(jdbc.queryForObject("SELECT unchanged_import FROM population_family WHERE kk_number = ?", Long.class,
                kk(same))).as("the unchanged family was recognised, not compared member by member")
                .isEqualTo(refresh.id());

        ImportProgress again = imports.importText(newer.csv(','), district);
        assertThat(again.residentsChanged() + again.residentsGone() + again.residentsAdded())
                .as("the same extract a third time changes nothing").isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM population_family WHERE kk_number IN (?, ?, ?, ?) "
                        + "AND unchanged_import = ?", Integer.class, kk(same), kk(corrected), kk(childLeaves),
                kk(takesTheChild), again.id())).isEqualTo(4);
    }

    private static Nik nik(Map<ExtractColumn, String> row) {
        return Nik.of(row.get(ExtractColumn.NIK));
    }

    private static String kk(List<Map<ExtractColumn, String>> family) {
        return family.getFirst().get(ExtractColumn.KK_NUMBER);
    }
}
