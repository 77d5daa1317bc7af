package id.dukcapil.portal.population.extract;

import id.dukcapil.portal.shared.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Groups an extract's checked rows into families: consecutive rows with the same KK number are one family, as
 * SIAK writes an extract sorted by KK. A family is handed on as soon as the next one begins, so only one family is
 * held at a time; a block longer than {@link #MAX_MEMBERS} rows is no family card and is refused.
 */
public final class FamilyBlocks {

    public static final int MAX_MEMBERS = 60;

    private final Consumer<ExtractFamily> sink;
    private final List<CheckedRow> rows = new ArrayList<>();
    private String kk = "";

    public FamilyBlocks(Consumer<ExtractFamily> sink) {
        this.sink = sink;
    }

    public void add(CheckedRow row) {
        String key = row.row().get(ExtractColumn.KK_NUMBER).replaceAll("\\s", "");
        if (!rows.isEmpty() && !key.equals(kk)) {
            flush(false);
        } else if (rows.size() == MAX_MEMBERS) {
            flush(true);
        }
        kk = key;
        rows.add(row);
    }

    /** Hands on the last family. */
    public void finish() {
        if (!rows.isEmpty()) {
            flush(false);
        }
    }

    private void flush(boolean tooLarge) {
        List<Finding> findings = tooLarge
                ? List.of(Finding.of("extract.family.too-large", MAX_MEMBERS))
                : ExtractFamilyRules.check(rows);
        sink.accept(new ExtractFamily(kk, rows, findings));
        rows.clear();
    }
}
