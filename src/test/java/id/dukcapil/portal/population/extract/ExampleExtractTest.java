package id.dukcapil.portal.population.extract;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.population.PopulationImports;
import id.dukcapil.portal.population.demo.DemoExtract;
import id.dukcapil.portal.population.demo.DemoPopulationGenerator;
import id.dukcapil.portal.shared.region.Region;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The example extract an ADMIN downloads is the generator's, and every row and family of it meets the rules. Run
 * with {@code -DwriteExample=true} to write it anew after a change of the format.
 */
class ExampleExtractTest {

    private static final LocalDate MADE_ON = LocalDate.of(2026, 11, 21);
    private static final ZoneId OFFICE = ZoneId.of("Asia/Jakarta");

    @Test
    void the_example_extract_is_the_generators_and_every_family_in_it_would_load() throws IOException {
        List<Region> villages = villagesOfKabupatenBandung();
        StringWriter written = new StringWriter();
        DemoExtract.write(new DemoPopulationGenerator(villages, 19, MADE_ON), 12, written, OFFICE);
        if (Boolean.getBoolean("writeExample")) {
            Files.writeString(Path.of("src/main/resources", PopulationImports.EXAMPLE_RESOURCE), written.toString());
        }
        String shipped;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(PopulationImports.EXAMPLE_RESOURCE)) {
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(shipped).isEqualTo(written.toString());

        Set<String> codes = villages.stream().map(Region::code).collect(Collectors.toSet());
        ExtractRowRules rules = new ExtractRowRules("32.04", codes, codes::contains, code -> true, MADE_ON, OFFICE);
        List<ExtractFamily> families = new ArrayList<>();
        FamilyBlocks blocks = new FamilyBlocks(families::add);
        Path file = Files.createTempFile("example-", ".csv");
        Files.writeString(file, shipped);
        ExtractReader.forFileName("contoh.csv").read(file, (row, fraction) -> blocks.add(rules.check(row)));
        blocks.finish();

        assertThat(families).hasSize(12);
        assertThat(families.stream().flatMap(family -> family.rows().stream()).flatMap(row -> row.findings().stream()))
                .isEmpty();
        assertThat(families.stream().flatMap(family -> family.familyFindings().stream())).isEmpty();
        assertThat(families.getFirst().firstLine()).isEqualTo(2);
    }

    private static List<Region> villagesOfKabupatenBandung() throws IOException {
        try (InputStream in = ExampleExtractTest.class.getClassLoader()
                .getResourceAsStream("db/data/shared/villages.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1)
                    .map(line -> line.split(",", 3)).filter(cells -> cells[0].startsWith("32.04."))
                    .map(cells -> new Region(cells[0], cells[2], cells[1])).toList();
        }
    }
}
