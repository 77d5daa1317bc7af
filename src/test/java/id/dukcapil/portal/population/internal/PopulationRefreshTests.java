package id.dukcapil.portal.population.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.population.ImportProgress;
import id.dukcapil.portal.population.ImportState;
import id.dukcapil.portal.population.PopulationChanged;
import id.dukcapil.portal.population.PopulationRegistry;
import id.dukcapil.portal.population.extract.ExtractColumn;
import id.dukcapil.portal.shared.KkNumber;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.region.Regions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * A newer extract of a district updates the people and families that changed, adds the new ones and marks the
 * ones gone (died, moved away) without deleting them; every change is audited with before and after and announced
 * to the procedure modules.
 */
@PortalTest
@RecordApplicationEvents
class PopulationRefreshTests {

    @Autowired ImportRunner runner;
    @Autowired ImportStore store;
    @Autowired Regions regions;
    @Autowired PopulationRegistry registry;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApplicationEvents events;

    @Test
    void a_newer_extract_changes_adds_and_marks_gone_keeping_every_record_and_its_before_and_after() {
        String district = regions.districtsOf("32.17").get(6).code();
        String village = regions.villagesOf(district).getFirst().code();
        ExtractRows first = new ExtractRows(district, village, 100);
        List<Map<ExtractColumn, String>> stays = first.family();
        List<Map<ExtractColumn, String>> loses = first.family();
        List<Map<ExtractColumn, String>> movesAway = first.family();
        ImportTestSupport imports = new ImportTestSupport(runner, store);
        assertThat(imports.importText(first.csv(','), district).residentsAdded()).isEqualTo(9);

        ExtractRows newer = new ExtractRows(district, village, 500);
        stays.forEach(row -> newer.again(row).put(ExtractColumn.RT, "3"));
        newer.rowAt(0).put(ExtractColumn.OCCUPATION, "Guru");
        newer.rowAt(2).put(ExtractColumn.FULL_NAME, "Nama Baru Dari Akta");
        loses.forEach(newer::again);
        newer.rowAt(4).put(ExtractColumn.RESIDENT_STATUS, "MATI");
        List<Map<ExtractColumn, String>> arrives = newer.family();

        // Three of the district's eleven residents left out: more than the share an import marks gone without asking.
        ImportProgress refresh = imports.importConfirmingGone(newer.csv(','), district, 3);

        assertThat(refresh.state()).isEqualTo(ImportState.FINISHED);
        assertThat(refresh.residentsAdded()).isEqualTo(3);
        assertThat(refresh.residentsChanged()).isEqualTo(2);
        assertThat(refresh.residentsGone()).isEqualTo(4);
        Nik child = nik(stays.get(2));
        assertThat(registry.findByNik(child).orElseThrow().fullName()).isEqualTo("Nama Baru Dari Akta");
        assertThat(registry.findFamily(kk(stays.getFirst())).orElseThrow().address().rt()).isEqualTo("003");
        assertThat(registry.findFamily(kk(arrives.getFirst())).orElseThrow().members()).hasSize(3);
        // The gone are no longer found, and nothing of them is deleted.
        assertThat(registry.findByNik(nik(loses.get(1)))).isEmpty();
        assertThat(registry.findFamily(kk(loses.getFirst())).orElseThrow().members()).hasSize(2);
        assertThat(movesAway).allSatisfy(row -> assertThat(registry.findByNik(nik(row))).isEmpty());
        assertThat(jdbc.queryForObject("SELECT gone_reason FROM population_resident WHERE nik = ?", String.class,
                nik(loses.get(1)).value())).isEqualTo("DIED");
        assertThat(jdbc.queryForList("SELECT gone_reason FROM population_resident WHERE nik IN (?, ?, ?)", String.class,
                nik(movesAway.get(0)).value(), nik(movesAway.get(1)).value(), nik(movesAway.get(2)).value()))
                .containsOnly("NOT_IN_EXTRACT").hasSize(3);

        assertThat(auditDetail("population.resident.refreshed", child.value()))
                .contains("full_name: " + stays.get(2).get(ExtractColumn.FULL_NAME) + " → Nama Baru Dari Akta");
        assertThat(auditDetail("population.family.refreshed", kk(stays.getFirst()).value())).contains("rt: 001 → 003");
        assertThat(auditDetail("population.resident.gone", nik(loses.get(1)).value()))
                .contains("gone_reason: null → DIED");
        assertThat(auditDetail("population.resident.gone", nik(movesAway.getFirst()).value()))
                .contains("gone_reason: null → NOT_IN_EXTRACT");

        List<PopulationChanged> announced = events.stream(PopulationChanged.class)
                .filter(changed -> changed.importId() == refresh.id()).toList();
        assertThat(announced.stream().flatMap(changed -> changed.residents().stream()))
                .contains(child, nik(loses.get(1)), nik(movesAway.getFirst()));
        assertThat(announced.stream().flatMap(changed -> changed.families().stream()))
                .contains(kk(stays.getFirst()), kk(loses.getFirst()), kk(movesAway.getFirst()));
    }

    private String auditDetail(String action, String subject) {
        return jdbc.queryForObject("SELECT detail FROM audit_entry WHERE action = ? AND subject_id = ? ORDER BY seq DESC "
                + "LIMIT 1", String.class, action, subject);
    }

    private static Nik nik(Map<ExtractColumn, String> row) {
        return Nik.of(row.get(ExtractColumn.NIK));
    }

    private static KkNumber kk(Map<ExtractColumn, String> row) {
        return KkNumber.of(row.get(ExtractColumn.KK_NUMBER));
    }
}
