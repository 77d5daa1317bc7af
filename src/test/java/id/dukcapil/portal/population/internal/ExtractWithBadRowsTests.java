package id.dukcapil.portal.population.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.population.Family;
import id.dukcapil.portal.population.ImportProgress;
import id.dukcapil.portal.population.ImportState;
import id.dukcapil.portal.population.PopulationImports;
import id.dukcapil.portal.population.PopulationRegistry;
import id.dukcapil.portal.population.Relationship;
import id.dukcapil.portal.population.extract.ExtractColumn;
import id.dukcapil.portal.shared.KkNumber;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.i18n.PortalMessages;
import id.dukcapil.portal.shared.region.Regions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * An extract with every kind of bad row: the good families load, every row of a family with a bad row is refused
 * with its reason (never half a family), and the ADMIN downloads the refused rows as Excel in Indonesian.
 */
@PortalTest
class ExtractWithBadRowsTests {

    private static final String LEMBANG = "32.17.01";

    @Autowired ImportRunner runner;
    @Autowired ImportStore store;
    @Autowired Regions regions;
    @Autowired PopulationRegistry registry;
    @Autowired PopulationImports imports;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    @WithUserDetails("admin")
    void every_bad_row_is_refused_with_its_reason_its_family_with_it_and_the_good_families_load() throws Exception {
        String village = regions.villagesOf(LEMBANG).getFirst().code();
        String otherDistrictsVillage = regions.villagesOf("32.17.02").getFirst().code();
        ExtractRows extract = new ExtractRows(LEMBANG, village, 100);
        Map<String, Map<ExtractColumn, String>> spoiled = new HashMap<>();
        List<KkNumber> refusedFamilies = new ArrayList<>();

        List<Map<ExtractColumn, String>> good = extract.family();
        spoil(extract, spoiled, refusedFamilies, "nik.day", 2, ExtractColumn.NIK, "3217017205800001");
        spoil(extract, spoiled, refusedFamilies, "nik.disagrees.birth-date", 1, ExtractColumn.BIRTH_DATE, "18/05/1980");
        spoil(extract, spoiled, refusedFamilies, "nik.disagrees.sex-MALE", 0, ExtractColumn.SEX, "PEREMPUAN");
        spoil(extract, spoiled, refusedFamilies, "extract.row.code", 0, ExtractColumn.RELIGION, "JEDI");
        spoil(extract, spoiled, refusedFamilies, "extract.row.missing", 1, ExtractColumn.FULL_NAME, "");
        spoil(extract, spoiled, refusedFamilies, "extract.row.birth-date", 2, ExtractColumn.BIRTH_DATE, "31/02/2010");
        spoil(extract, spoiled, refusedFamilies, "extract.row.village-unknown", 0, ExtractColumn.VILLAGE_CODE,
                "32.17.01.9999");
        spoil(extract, spoiled, refusedFamilies, "extract.row.village-outside", 0, ExtractColumn.VILLAGE_CODE,
                otherDistrictsVillage);
        spoil(extract, spoiled, refusedFamilies, "extract.row.neighbourhood", 1, ExtractColumn.RT, "0");
        spoil(extract, spoiled, refusedFamilies, "extract.row.email", 1, ExtractColumn.EMAIL, "ibu@@example");
        spoil(extract, spoiled, refusedFamilies, "extract.row.phone", 1, ExtractColumn.PHONE, "12ab");
        spoil(extract, spoiled, refusedFamilies, "extract.row.too-long", 0, ExtractColumn.OCCUPATION, "x".repeat(61));
        spoil(extract, spoiled, refusedFamilies, "extract.row.card", 0, ExtractColumn.CARD_PRINTS, "kemarin di Dinas");
        spoil(extract, spoiled, refusedFamilies, "extract.family.heads", 2, ExtractColumn.RELATIONSHIP, "KEPALA KELUARGA");
        spoil(extract, spoiled, refusedFamilies, "extract.family.no-head", 0, ExtractColumn.RELATIONSHIP, "FAMILI LAIN");
        spoil(extract, spoiled, refusedFamilies, "extract.family.address", 2, ExtractColumn.STREET, "Gg. Lain No. 3");
        spoil(extract, spoiled, refusedFamilies, "extract.family.spouse-sex", 1, ExtractColumn.RELATIONSHIP, "SUAMI");
        // The first good family's head again, further down: its rows are not together.
        Map<ExtractColumn, String> apart = extract.again(good.getFirst());
        spoiled.put("extract.family.again", apart);
        // A family whose child has the NIK of the first family's child.
        List<Map<ExtractColumn, String>> twice = extract.family();
        twice.get(2).put(ExtractColumn.NIK, good.get(2).get(ExtractColumn.NIK));
        spoiled.put("extract.family.nik-elsewhere", twice.get(2));
        refusedFamilies.add(KkNumber.of(twice.getFirst().get(ExtractColumn.KK_NUMBER)));
        List<Map<ExtractColumn, String>> alsoGood = extract.family();
        alsoGood.get(0).put(ExtractColumn.CARD_PRINTS, "02/03/2015 10:15:00 UKL-321701 BARU|05/06/2020 09:00:00 DINAS HILANG");

        ImportProgress done = new ImportTestSupport(runner, store).importText(extract.csv(';'), LEMBANG);

        assertThat(done.state()).isEqualTo(ImportState.FINISHED);
        for (List<Map<ExtractColumn, String>> family : List.of(good, alsoGood)) {
            Family loaded = registry.findFamily(KkNumber.of(family.getFirst().get(ExtractColumn.KK_NUMBER))).orElseThrow();
            assertThat(loaded.members()).hasSize(3);
            assertThat(loaded.head().orElseThrow().relationship()).isEqualTo(Relationship.HEAD);
        }
        assertThat(registry.cardHistory(Nik.of(alsoGood.getFirst().get(ExtractColumn.NIK)))).hasSize(2);
        assertThat(refusedFamilies).allSatisfy(kk -> assertThat(registry.findFamily(kk)).isEmpty());

        Map<Long, List<String>> reasons = new HashMap<>();
        store.refusedRows(done.id(), row -> reasons.computeIfAbsent(row.line(), line -> new ArrayList<>())
                .add(row.reason().messageKey()));
        spoiled.forEach((reason, row) -> assertThat(reasons.get(extract.lineOf(row))).as(reason).contains(reason));
        // Every row of a refused family is reported; the good rows say which line refused their family.
        assertThat(done.rowsRejected()).isEqualTo(refusedFamilies.size() * 3L + 1);
        assertThat(done.residentsAdded()).isEqualTo(6);

        ByteArrayOutputStream excel = new ByteArrayOutputStream();
        imports.refusedRows(done.id(), PortalMessages.INDONESIAN, excel);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(excel.toByteArray()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(4).getStringCellValue()).isEqualTo("Alasan");
            List<String> texts = new ArrayList<>();
            for (Row row : sheet) {
                texts.add(row.getCell(4).getStringCellValue());
            }
            assertThat(texts).contains("Tanggal lahir 31/02/2010 tidak sah: tulis dd/MM/yyyy, misalnya 17/08/1990.",
                    "Isi kolom AGAMA \"JEDI\" tidak dikenal; yang dikenal: ISLAM, KRISTEN, KATHOLIK, HINDU, BUDHA, "
                            + "KHONGHUCU, KEPERCAYAAN TERHADAP TUHAN YME.",
                    "Keluarga punya 2 kepala keluarga; harus tepat satu.");
            assertThat(sheet.getLastRowNum()).isEqualTo(reasons.values().stream().mapToInt(List::size).sum());
        }
        // The workbook names residents: its download is on record for the ADMIN's "who saw this NIK" (decision 129).
        KkNumber refusedFamily = refusedFamilies.getFirst();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_personal_data_view WHERE kind = 'DOWNLOAD' AND "
                + "screen = 'population-refused-rows-xlsx' AND subject_type = 'KK' AND subject = ? AND staff_id = 'admin'",
                Integer.class, refusedFamily.value())).isEqualTo(1);
    }

    /** A new family with one value of one member spoiled: the family is refused for that reason. */
    private static void spoil(ExtractRows extract, Map<String, Map<ExtractColumn, String>> spoiled,
                              List<KkNumber> refused, String reason, int member, ExtractColumn column, String value) {
        List<Map<ExtractColumn, String>> family = extract.family();
        family.get(member).put(column, value);
        spoiled.put(reason, family.get(member));
        refused.add(KkNumber.of(family.getFirst().get(ExtractColumn.KK_NUMBER)));
    }
}
