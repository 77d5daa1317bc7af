package id.dukcapil.portal.population.extract;

import id.dukcapil.portal.population.CardPrint;
import id.dukcapil.portal.population.Family;
import id.dukcapil.portal.population.Resident;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Writes families as an extract in the portal's CSV form (comma, UTF-8, SIAK's words, dates {@code dd/MM/yyyy}):
 * the template's header, the example file and the demo generator's extract.
 */
public final class ExtractCsvWriter {

    private final Writer out;
    private final ZoneId zone;

    /** Writes the header at once. */
    public ExtractCsvWriter(Writer out, ZoneId zone) {
        this.out = out;
        this.zone = zone;
        line(java.util.Arrays.stream(ExtractColumn.values()).map(ExtractColumn::header).toList());
    }

    /** The family's members in card order, each with the cards printed for them. */
    public void family(Family family, Function<Resident, List<CardPrint>> cards) {
        var address = family.address();
        for (Resident r : family.members()) {
            line(List.of(r.nik().value(), family.kkNumber().value(), r.fullName(), r.birthPlace(),
                    ExtractRowRules.DATE.format(r.birthDate()), ExtractCodes.SEX.word(r.sex()),
                    ExtractCodes.RELIGION.word(r.religion()), ExtractCodes.MARITAL.word(r.maritalStatus()),
                    ExtractCodes.RELATIONSHIP.word(r.relationship()), ExtractCodes.EDUCATION.word(r.education()),
                    r.occupation(), text(r.fatherName()), text(r.motherName()), address.street(), address.rt(),
                    address.rw(), address.villageCode(), ExtractCodes.ENROLMENT.word(r.enrolmentStatus()),
                    cards.apply(r).stream().map(this::card).collect(Collectors.joining("|")), text(r.email()),
                    text(r.phone()), ""));
        }
    }

    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String card(CardPrint print) {
        return ExtractRowRules.PRINT_TIME.format(print.printedAt().atZone(zone)) + " " + print.servicePoint() + " "
                + ExtractCodes.CARD_REASON.word(print.reason());
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }

    private void line(List<String> fields) {
        try {
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                String field = fields.get(i);
                if (field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0
                        || field.indexOf(';') >= 0) {
                    out.write('"');
                    out.write(field.replace("\"", "\"\""));
                    out.write('"');
                } else {
                    out.write(field);
                }
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
