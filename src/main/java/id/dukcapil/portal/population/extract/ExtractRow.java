package id.dukcapil.portal.population.extract;

/**
 * One data row of an extract as read, before any rule: the values of the columns the portal reads, trimmed, empty
 * when the file leaves a cell empty.
 *
 * @param line the row's line in the file (CSV) or its row number in the sheet (XLSX), as a person opening the file
 *             would count it: the header is line 1
 */
public record ExtractRow(long line, String[] values) {

    public String get(ExtractColumn column) {
        return values[column.ordinal()];
    }

    public boolean isBlank() {
        for (String value : values) {
            if (!value.isEmpty()) {
                return false;
            }
        }
        return true;
    }
}
