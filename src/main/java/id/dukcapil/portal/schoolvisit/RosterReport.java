package id.dukcapil.portal.schoolvisit;

import java.util.List;

/**
 * What a roster import did: rows read, students added and updated, and each bad row with its reason. Good rows are
 * saved whatever the bad ones; the fixed file can be imported again without duplicates.
 */
public record RosterReport(int rows, int added, int updated, List<BadRow> badRows) {

    /**
     * A row that was not imported.
     *
     * @param row        the row's number as the spreadsheet shows it (the heading is row 1)
     * @param nik        what the row's NIK cell held, as typed
     * @param reasonKey  the translation key of the reason
     * @param reasonArgs its arguments
     */
    public record BadRow(int row, String nik, String reasonKey, List<Object> reasonArgs) {

        public Object[] args() {
            return reasonArgs.toArray();
        }
    }
}
