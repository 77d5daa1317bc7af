package id.dukcapil.portal.shared.spreadsheet;

/**
 * A workbook {@link XlsxSheetReader} will not read on: each module says why in its own words (a roster, an extract).
 */
public final class SheetRefused extends RuntimeException {

    /** Why the reading stopped. */
    public enum Reason {
        /** The workbook has no sheet. */
        NO_SHEET,
        /** Not an XLSX workbook, a damaged one, or one POI's zip-bomb guard refuses. */
        UNREADABLE,
        /** A row past the reader's limit holds a value: the reading stopped there. */
        TOO_MANY_ROWS
    }

    private final Reason reason;
    private final long rowLimit;

    SheetRefused(Reason reason, long rowLimit) {
        super(reason.name(), null, false, false);
        this.reason = reason;
        this.rowLimit = rowLimit;
    }

    public Reason reason() {
        return reason;
    }

    /** The last row number the reader took; meaningful for {@link Reason#TOO_MANY_ROWS}. */
    public long rowLimit() {
        return rowLimit;
    }
}
