package id.dukcapil.portal.booking;

/**
 * Why a card could not be printed at the counter, and what the citizen is told to do instead: while the record is
 * not print-ready they get a temporary certificate (Surat Keterangan); a duplicate record is settled centrally and
 * meanwhile the digital ID (IKD) serves.
 */
public enum CannotPrintReason {
    NOT_PRINT_READY, DUPLICATE_RECORD;

    public String labelKey() {
        return "booking.cannot-print." + name();
    }

    /** The advice the clerk reads out. */
    public String adviceKey() {
        return "booking.cannot-print.advice." + name();
    }
}
