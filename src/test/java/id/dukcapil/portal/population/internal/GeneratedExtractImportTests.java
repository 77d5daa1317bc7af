package id.dukcapil.portal.population.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.population.Family;
import id.dukcapil.portal.population.ImportProgress;
import id.dukcapil.portal.population.ImportState;
import id.dukcapil.portal.population.PopulationRegistry;
import id.dukcapil.portal.population.Resident;
import id.dukcapil.portal.population.demo.DemoExtract;
import id.dukcapil.portal.population.demo.DemoPopulationGenerator;
import id.dukcapil.portal.shared.region.Regions;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The extract the demo generator writes, imported as CSV and as XLSX, reads back as what was generated. */
@PortalTest
class GeneratedExtractImportTests {

    @Autowired ImportRunner runner;
    @Autowired ImportStore store;
    @Autowired Regions regions;
    @Autowired PopulationRegistry registry;
    @Autowired Clock clock;

    @Test
    void an_extract_the_generator_writes_as_csv_loads_every_family_member_and_card_as_generated() throws Exception {
        // Kecamatan Cisarua of Kabupaten Bandung Barat: no demo resident lives there.
        String district = "32.17.03";
        StringWriter csv = new StringWriter();
        List<GeneratedFamily> generated = DemoExtract.write(generator(district, 7), 300, csv, clock.getZone());

        ImportProgress done = new ImportTestSupport(runner, store).importText(csv.toString(), district);

        assertThat(done.state()).isEqualTo(ImportState.FINISHED);
        assertThat(done.rowsRejected()).isZero();
        assertThat(done.residentsAdded()).isEqualTo(generated.stream().mapToLong(f -> f.family().members().size()).sum());
        assertReadBackIdentical(generated);
    }

    @Test
    void the_same_extract_as_an_excel_workbook_loads_the_same_and_a_second_import_changes_nothing() throws Exception {
        String district = "32.17.04";
        StringWriter csv = new StringWriter();
        List<GeneratedFamily> generated = DemoExtract.write(generator(district, 8), 120, csv, clock.getZone());
        Path xlsx = asWorkbook(csv.toString());
        ImportTestSupport imports = new ImportTestSupport(runner, store);

        ImportProgress first = imports.importFile(xlsx, "ekstrak.xlsx", district);
        ImportProgress again = imports.importFile(xlsx, "ekstrak.xlsx", district);

        assertThat(first.state()).isEqualTo(ImportState.FINISHED);
        assertThat(first.rowsRejected()).isZero();
        assertReadBackIdentical(generated);
        assertThat(again.state()).isEqualTo(ImportState.FINISHED);
        assertThat(again.rowsRead()).isEqualTo(first.rowsRead());
        assertThat(again.residentsAdded() + again.residentsChanged() + again.residentsGone()).isZero();
    }

    private DemoPopulationGenerator generator(String district, long seed) {
        return new DemoPopulationGenerator(regions.villagesOf(district), seed, LocalDate.now(clock));
    }

    private void assertReadBackIdentical(List<GeneratedFamily> generated) {
        for (GeneratedFamily expected : generated) {
            Family loaded = registry.findFamily(expected.family().kkNumber()).orElseThrow();
            assertThat(loaded.address()).isEqualTo(expected.family().address());
            assertThat(loaded.members().stream().map(ImportTestSupport::withoutIds).toList())
                    .containsExactlyInAnyOrderElementsOf(expected.family().members().stream()
                            .map(ImportTestSupport::withoutIds).toList());
            for (Resident member : expected.family().members()) {
                assertThat(registry.cardHistory(member.nik())).containsExactlyElementsOf(expected.cards().stream()
                        .filter(card -> card.residentId() == member.id()).map(GeneratedFamily.Card::print).toList());
            }
        }
    }

    /** The CSV's cells as text cells of a workbook, as Excel keeps an extract whose columns are formatted as text. */
    private static Path asWorkbook(String csv) throws Exception {
        Path file = Files.createTempFile("extract-", ".xlsx");
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100); var out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("Ekstrak");
            int r = 0;
            for (String line : csv.split("\r\n")) {
                Row row = sheet.createRow(r++);
                List<String> cells = ImportTestSupport.splitCsv(line);
                for (int c = 0; c < cells.size(); c++) {
                    if (!cells.get(c).isEmpty()) {
                        row.createCell(c).setCellValue(cells.get(c));
                    }
                }
            }
            workbook.write(out);
            workbook.dispose();
        }
        return file;
    }
}
