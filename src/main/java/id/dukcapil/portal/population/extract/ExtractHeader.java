package id.dukcapil.portal.population.extract;

import id.dukcapil.portal.shared.Finding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Where each column the portal reads stands in a file's header row. */
final class ExtractHeader {

    private final int[] positions;

    private ExtractHeader(int[] positions) {
        this.positions = positions;
    }

    /** @throws ExtractRefused naming every required column the header lacks */
    static ExtractHeader of(List<String> cells) {
        int[] positions = new int[ExtractColumn.values().length];
        Arrays.fill(positions, -1);
        for (int i = 0; i < cells.size(); i++) {
            String key = ExtractColumn.headerKey(cells.get(i));
            for (ExtractColumn column : ExtractColumn.values()) {
                if (positions[column.ordinal()] < 0 && ExtractColumn.headerKey(column.header()).equals(key)) {
                    positions[column.ordinal()] = i;
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (ExtractColumn column : ExtractColumn.values()) {
            if (column.required() && positions[column.ordinal()] < 0) {
                missing.add(column.header());
            }
        }
        if (!missing.isEmpty()) {
            throw new ExtractRefused(Finding.of("extract.file.missing-columns", String.join(", ", missing)));
        }
        return new ExtractHeader(positions);
    }

    /** The row's values in {@link ExtractColumn} order; a cell past the row's end is empty. */
    ExtractRow row(long line, List<String> cells) {
        String[] values = new String[positions.length];
        for (int i = 0; i < positions.length; i++) {
            int at = positions[i];
            values[i] = at >= 0 && at < cells.size() ? cells.get(at).strip() : "";
        }
        return new ExtractRow(line, values);
    }
}
