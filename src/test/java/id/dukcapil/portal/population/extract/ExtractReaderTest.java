package id.dukcapil.portal.population.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Reading an extract as Excel in Indonesia saves it, and as a hostile file would be made. */
class ExtractReaderTest {

    private static final String HEADER = Arrays.stream(ExtractColumn.values()).map(ExtractColumn::header)
            .collect(Collectors.joining(";"));

    @Test
    void a_semicolon_csv_with_a_byte_order_mark_and_quoted_cells_reads_each_row_with_the_line_it_starts_on() throws Exception {
        String row = "3204370101900001;3204370101100001;\"Asep; bin Ujang\";Bandung;01/01/1990"
                + ";LAKI-LAKI;ISLAM;KAWIN;KEPALA KELUARGA;SLTA/SEDERAJAT;Wiraswasta;;;\"Kp. Babakan\nBlok \"\"A\"\"\";1;2"
                + ";32.04.37.2001;PRINT READY RECORD;;;;";
        List<ExtractRow> rows = read("\uFEFF" + HEADER + "\r\n" + row + "\r\n\r\n" + row.replace("Asep", "Ujang") + "\r\n",
                ".csv");

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).line()).isEqualTo(2);
        assertThat(rows.get(0).get(ExtractColumn.FULL_NAME)).isEqualTo("Asep; bin Ujang");
        assertThat(rows.get(0).get(ExtractColumn.STREET)).isEqualTo("Kp. Babakan\nBlok \"A\"");
        assertThat(rows.get(0).get(ExtractColumn.VILLAGE_CODE)).isEqualTo("32.04.37.2001");
        assertThat(rows.get(1).line()).as("after a quoted line break and an empty line").isEqualTo(5);
    }

    @Test
    void a_hostile_field_of_megabytes_is_kept_only_to_one_character_past_the_longest_allowed() throws Exception {
        String hostile = "A".repeat(5_000_000);
        List<ExtractRow> rows = read(HEADER + "\n" + hostile + ";" + "x;".repeat(1_000) + "\n", ".csv");

        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst().get(ExtractColumn.NIK)).hasSize(ExtractColumn.FIELD_MAX_LENGTH + 1);
    }

    @Test
    void a_file_without_the_required_columns_is_refused_naming_every_missing_one_before_any_row() {
        assertThatThrownBy(() -> read("NIK;NAMA_LENGKAP\n3204370101900001;Asep\n", ".csv"))
                .isInstanceOfSatisfying(ExtractRefused.class, refused -> {
                    assertThat(refused.finding().messageKey()).isEqualTo("extract.file.missing-columns");
                    assertThat((String) refused.finding().args().getFirst()).contains("NO_KK", "TANGGAL_LAHIR")
                            .doesNotContain("NAMA_LENGKAP");
                });
    }

    @Test
    void a_file_named_xlsx_that_is_no_workbook_and_a_file_of_another_type_are_refused_in_words() {
        assertThatThrownBy(() -> read("not a zip at all", ".xlsx")).isInstanceOfSatisfying(ExtractRefused.class,
                refused -> assertThat(refused.finding().messageKey()).isEqualTo("extract.file.unreadable"));
        assertThatThrownBy(() -> ExtractReader.forFileName("ekstrak.pdf")).isInstanceOfSatisfying(ExtractRefused.class,
                refused -> assertThat(refused.finding().messageKey()).isEqualTo("extract.file.format"));
    }

    private static List<ExtractRow> read(String content, String suffix) throws Exception {
        Path file = Files.createTempFile("extract-", suffix);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        List<ExtractRow> rows = new ArrayList<>();
        try {
            ExtractReader.forFileName(file.getFileName().toString()).read(file, (row, fraction) -> rows.add(row));
        } finally {
            Files.delete(file);
        }
        return rows;
    }
}
