package id.dukcapil.portal.population.demo;

import id.dukcapil.portal.population.extract.ExtractCsvWriter;
import id.dukcapil.portal.population.internal.GeneratedFamily;
import java.io.Writer;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The generator's families written as a SIAK extract, so that the import can be tried and measured on a regency of
 * any size and its result compared with what was generated.
 */
public final class DemoExtract {

    private DemoExtract() {
    }

    /** Writes {@code families} families of the generator as CSV; returns them for a comparison. */
    public static List<GeneratedFamily> write(DemoPopulationGenerator generator, int families, Writer out, ZoneId zone) {
        List<GeneratedFamily> written = new ArrayList<>(families);
        write(generator, families, out, zone, written::add);
        return written;
    }

    /** Writes the families as CSV without keeping them: a whole regency for a benchmark. */
    public static void stream(DemoPopulationGenerator generator, int families, Writer out, ZoneId zone) {
        write(generator, families, out, zone, family -> { });
    }

    private static void write(DemoPopulationGenerator generator, int families, Writer out, ZoneId zone,
                              Consumer<GeneratedFamily> written) {
        ExtractCsvWriter writer = new ExtractCsvWriter(out, zone);
        for (int i = 0; i < families; i++) {
            GeneratedFamily family = generator.next();
            writer.family(family.family(), resident -> family.cards().stream()
                    .filter(card -> card.residentId() == resident.id()).map(GeneratedFamily.Card::print).toList());
            written.accept(family);
        }
        writer.flush();
    }
}
