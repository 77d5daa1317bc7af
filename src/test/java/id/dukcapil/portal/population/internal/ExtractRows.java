package id.dukcapil.portal.population.internal;

import id.dukcapil.portal.population.extract.ExtractColumn;
import id.dukcapil.portal.shared.KkNumber;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.Sex;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** An extract written row by row in a test: valid people by default, each test spoils what it checks. */
final class ExtractRows {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private final String districtDigits;
    private final String village;
    private final List<Map<ExtractColumn, String>> rows = new ArrayList<>();
    private int serial;

    /** @param district dotted, {@code 32.17.01}; {@code village} one of its villages */
    ExtractRows(String district, String village, int firstSerial) {
        this.districtDigits = district.replace(".", "");
        this.village = village;
        this.serial = firstSerial;
    }

    KkNumber kk() {
        return KkNumber.compose(districtDigits, LocalDate.of(2015, 3, 2), ++serial);
    }

    Nik nik(LocalDate born, Sex sex) {
        return Nik.compose(districtDigits, born, sex, ++serial);
    }

    /** A person's row with valid values; change any with {@link Map#put}. */
    Map<ExtractColumn, String> person(KkNumber kk, String relationship, LocalDate born, Sex sex) {
        Map<ExtractColumn, String> row = new EnumMap<>(ExtractColumn.class);
        Arrays.stream(ExtractColumn.values()).forEach(column -> row.put(column, ""));
        Nik nik = nik(born, sex);
        row.put(ExtractColumn.NIK, nik.value());
        row.put(ExtractColumn.KK_NUMBER, kk.value());
        row.put(ExtractColumn.FULL_NAME, "Warga Uji " + serial);
        row.put(ExtractColumn.BIRTH_PLACE, "Bandung");
        row.put(ExtractColumn.BIRTH_DATE, DATE.format(born));
        row.put(ExtractColumn.SEX, sex == Sex.MALE ? "LAKI-LAKI" : "PEREMPUAN");
        row.put(ExtractColumn.RELIGION, "ISLAM");
        row.put(ExtractColumn.MARITAL_STATUS, relationship.equals("ANAK") ? "BELUM KAWIN" : "KAWIN");
        row.put(ExtractColumn.RELATIONSHIP, relationship);
        row.put(ExtractColumn.EDUCATION, "SLTA/SEDERAJAT");
        row.put(ExtractColumn.OCCUPATION, "Wiraswasta");
        row.put(ExtractColumn.STREET, "Jl. Raya Lembang No. 12");
        row.put(ExtractColumn.RT, "1");
        row.put(ExtractColumn.RW, "2");
        row.put(ExtractColumn.VILLAGE_CODE, village);
        row.put(ExtractColumn.ENROLMENT_STATUS, "PRINT READY RECORD");
        rows.add(row);
        return row;
    }

    /** A family of a husband (head), a wife and a child. */
    List<Map<ExtractColumn, String>> family() {
        KkNumber kk = kk();
        return List.of(person(kk, "KEPALA KELUARGA", LocalDate.of(1980, 5, 17), Sex.MALE),
                person(kk, "ISTRI", LocalDate.of(1984, 8, 9), Sex.FEMALE),
                person(kk, "ANAK", LocalDate.of(2010, 1, 23), Sex.MALE));
    }

    /** Adds a copy of a row written before (a family's rows apart, a NIK in two families). */
    Map<ExtractColumn, String> again(Map<ExtractColumn, String> row) {
        Map<ExtractColumn, String> copy = new EnumMap<>(row);
        rows.add(copy);
        return copy;
    }

    /** The row written {@code index}th (from 0). */
    Map<ExtractColumn, String> rowAt(int index) {
        return rows.get(index);
    }

    /** The line a row has in the file: the header is line 1. */
    long lineOf(Map<ExtractColumn, String> row) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i) == row) {
                return i + 2;
            }
        }
        throw new IllegalArgumentException("Not a row of this extract");
    }

    String csv(char separator) {
        String header = Arrays.stream(ExtractColumn.values()).map(ExtractColumn::header)
                .collect(Collectors.joining(String.valueOf(separator)));
        return header + "\n" + rows.stream().map(row -> row.values().stream()
                        .map(value -> value.indexOf(separator) >= 0 || value.contains("\"")
                                ? '"' + value.replace("\"", "\"\"") + '"' : value)
                        .collect(Collectors.joining(String.valueOf(separator))))
                .collect(Collectors.joining("\n")) + "\n";
    }
}
