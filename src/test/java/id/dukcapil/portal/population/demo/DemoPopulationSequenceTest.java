package id.dukcapil.portal.population.demo;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.population.Family;
import id.dukcapil.portal.population.Resident;
import id.dukcapil.portal.population.internal.GeneratedFamily;
import id.dukcapil.portal.shared.region.Region;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo population is the same for the same villages, seed and day, release after release: the demo's generated
 * residents are recognised by making them again ({@code GeneratedResidentCheck}), so a change in the sequence of
 * families or numbers would make yesterday's demo residents strangers. Pinned for seed 2026 on a fixed day, as the
 * generator made them before it was split into its parts.
 */
class DemoPopulationSequenceTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 21);
    private static List<GeneratedFamily> families;

    @BeforeAll
    static void two_thousand_families_of_kabupaten_bandung() throws IOException {
        families = new ArrayList<>();
        new DemoPopulationGenerator(villagesOfKabupatenBandung(), 2026, DAY).generate(2_000, families::add);
    }

    @Test
    void the_first_families_have_the_kk_numbers_addresses_and_niks_they_always_had() {
        Family first = families.getFirst().family();
        assertThat(first.kkNumber().value()).isEqualTo("3204462605200001");
        assertThat(first.address().street()).isEqualTo("Jl. Raya Ciwidey No. 148");
        assertThat(first.address().villageCode()).isEqualTo("32.04.46.2004");
        assertThat(niks(first)).containsExactly("3204462606640001", "3204465204660001");
        assertThat(first.members()).extracting(Resident::fullName).containsExactly("Wawan Supriatna", "Nunung Hasanah");

        Family second = families.get(1).family();
        assertThat(second.kkNumber().value()).isEqualTo("3204161507220001");
        assertThat(niks(second))
                .containsExactly("3204131110790001", "3204166701790001", "3204166508050001", "3204165703100001");
        assertThat(second.members()).extracting(Resident::email)
                .containsExactly("cepi.fauzi88@example.com", null, "putri.putri54@example.com", null);
        assertThat(second.members()).extracting(Resident::phone)
                .containsExactly("085329620748", "089572061660", null, "081392542825");
    }

    @Test
    void later_families_and_their_cards_are_where_they_always_were() {
        Family hundredth = families.get(99).family();
        assertThat(hundredth.kkNumber().value()).isEqualTo("3204151801180001");
        assertThat(niks(hundredth)).containsExactly("3204153101660001", "3204157009700001");
        assertThat(families.get(99).cards()).singleElement().satisfies(card -> {
            assertThat(card.residentId()).isEqualTo(317);
            assertThat(card.print().servicePoint()).isEqualTo("DINAS");
            assertThat(card.print().printedAt()).hasToString("2012-12-22T01:13:45Z");
        });
        Family fiveHundredth = families.get(499).family();
        assertThat(fiveHundredth.kkNumber().value()).isEqualTo("3204341805200001");
        assertThat(niks(fiveHundredth)).containsExactly("3204345910980001");
        assertThat(families.get(2).cards()).hasSize(4);
    }

    @Test
    void all_two_thousand_families_are_exactly_those_made_before() throws NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        families.forEach(family -> digest.update(family.toString().getBytes(StandardCharsets.UTF_8)));
        assertThat(HexFormat.of().formatHex(digest.digest()))
                .isEqualTo("9c99c87950b36ca01814ace98125dbb905af9605ba30d92d6db6594bc41c9000");
    }

    private static List<String> niks(Family family) {
        return family.members().stream().map(resident -> resident.nik().value()).toList();
    }

    private static List<Region> villagesOfKabupatenBandung() throws IOException {
        try (InputStream in = DemoPopulationSequenceTest.class.getClassLoader()
                .getResourceAsStream("db/data/shared/villages.csv")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines().skip(1).map(line -> line.split(",", 3)).filter(cells -> cells[0].startsWith("32.04."))
                    .map(cells -> new Region(cells[0], cells[2], cells[1])).toList();
        }
    }
}
