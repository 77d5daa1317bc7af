package id.dukcapil.portal.population.internal;

import static id.dukcapil.portal.shared.jdbc.UtcColumns.instant;
import static id.dukcapil.portal.shared.jdbc.UtcColumns.utc;

import id.dukcapil.portal.population.ImportProgress;
import id.dukcapil.portal.population.ImportState;
import id.dukcapil.portal.population.extract.ExtractColumn;
import id.dukcapil.portal.population.extract.ExtractFamily;
import id.dukcapil.portal.shared.Finding;
import id.dukcapil.portal.shared.RuleViolation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The imports' job rows and refused rows. The job row is the lock that lets one import run at a time on every
 * node ({@code running} is unique), the place a resumed import finds where it stands ({@code families_done}, written
 * in the same transaction as the families), and what the progress bar reads.
 */
@Component
public class ImportStore {

    static final char ARG_SEPARATOR = '\u001F';
    private static final String PROGRESS = """
            SELECT id, file_name, scope, state, started_by, started_at, finished_at, fraction, rows_read, rows_rejected,
                   families_rejected, residents_added, residents_changed, residents_gone, failure, gone_pending,
                   region_residents
            FROM population_import""";

    /** A job as the runner needs it. */
    /**
     * @param goneConfirmed the residents an ADMIN confirmed may be marked gone (decision 128); set only once the whole
     *                      file was loaded
     */
    public record Job(long id, String scope, String fileName, String storedFile, String startedBy, long familiesDone,
                      Tally tally, @Nullable Long goneConfirmed) {
    }

    /** One refused row as the Excel report lists it. */
    public record RejectedRow(long line, String nik, String kkNumber, String fullName, Finding reason) {
    }

    private final JdbcClient jdbc;

    ImportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @throws RuleViolation {@code population.import.busy} while another import runs */
    long start(String scope, String fileName, String storedFile, String startedBy, Instant now, String node) {
        try {
            return jdbc.sql("""
                            INSERT INTO population_import (scope, file_name, stored_file, state, running, started_by,
                                started_at, heartbeat_at, node)
                            VALUES (?, ?, ?, 'RUNNING', 1, ?, ?, UTC_TIMESTAMP(3), ?) RETURNING id""")
                    .params(scope, fileName, storedFile, startedBy, utc(now), node)
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new RuleViolation("population.import.busy");
        }
    }

    Optional<Job> job(long id) {
        return jdbc.sql("""
                        SELECT id, scope, file_name, stored_file, started_by, families_done, rows_read, rows_rejected,
                               families_rejected, residents_added, residents_changed, residents_gone, gone_confirmed
                        FROM population_import WHERE id = ?""")
                .param(id)
                .query((rs, row) -> new Job(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getLong(6), new Tally(rs.getLong(7), rs.getLong(8), rs.getLong(9),
                        rs.getLong(10), rs.getLong(11), rs.getLong(12)), rs.getObject(13, Long.class)))
                .optional();
    }

    /**
     * Takes over a running import whose node stopped beating (a crash); true when this node now runs it. The beats
     * and this comparison use the database's clock only: two nodes' clocks apart by more than {@code staleAfter} made
     * a node take over an import that was running.
     */
    boolean claimAbandoned(long id, String node, Duration staleAfter) {
        return jdbc.sql("""
                        UPDATE population_import SET node = ?, heartbeat_at = UTC_TIMESTAMP(3)
                        WHERE id = ? AND state = 'RUNNING'
                          AND heartbeat_at < UTC_TIMESTAMP(3) - INTERVAL ? MICROSECOND""")
                .params(node, id, staleAfter.toNanos() / 1_000).update() == 1;
    }

    /** @throws RuleViolation {@code population.import.busy} while another import runs */
    void reopen(long id, String node) {
        try {
            int reopened = jdbc.sql("""
                            UPDATE population_import SET state = 'RUNNING', running = 1, node = ?,
                                heartbeat_at = UTC_TIMESTAMP(3),
                                finished_at = NULL, failure = NULL, cancel_requested = FALSE
                            WHERE id = ? AND state = 'FAILED'""")
                    .params(node, id).update();
            if (reopened == 0) {
                throw new RuleViolation("population.import.not-failed");
            }
        } catch (DuplicateKeyException e) {
            throw new RuleViolation("population.import.busy");
        }
    }

    /**
     * The whole file is loaded and the import stops to ask before marking anyone gone (decision 128): it keeps the
     * one-import lock ({@code running}) while it waits, and no node beats for it or takes it over.
     */
    void awaitConfirmation(long id, long gonePending, long regionResidents) {
        jdbc.sql("""
                        UPDATE population_import SET state = 'AWAITING_CONFIRMATION', gone_pending = ?,
                            region_residents = ?, gone_confirmed = NULL, gone_confirmed_by = NULL
                        WHERE id = ? AND state = 'RUNNING'""")
                .params(gonePending, regionResidents, id).update();
    }

    /**
     * The ADMIN's second confirmation, of the number they were shown: the import runs on, on this node.
     *
     * @throws RuleViolation {@code population.import.not-awaiting} when it no longer waits, or waits for another number
     */
    void confirmGone(long id, long residents, String confirmedBy, String node) {
        int confirmed = jdbc.sql("""
                        UPDATE population_import SET state = 'RUNNING', gone_confirmed = ?, gone_confirmed_by = ?,
                            node = ?, heartbeat_at = UTC_TIMESTAMP(3)
                        WHERE id = ? AND state = 'AWAITING_CONFIRMATION' AND gone_pending = ?""")
                .params(residents, confirmedBy, node, id, residents).update();
        if (confirmed == 0) {
            throw new RuleViolation("population.import.not-awaiting");
        }
    }

    /** Ends an import that waits for confirmation without marking anyone gone; false when it was not waiting. */
    boolean cancelAwaiting(long id, Instant now) {
        return jdbc.sql("""
                        UPDATE population_import SET state = 'CANCELLED', running = NULL, finished_at = ?
                        WHERE id = ? AND state = 'AWAITING_CONFIRMATION'""")
                .params(utc(now), id).update() == 1;
    }

    /** The import waiting for a confirmation, if one is. */
    Optional<Long> awaiting() {
        return jdbc.sql("SELECT id FROM population_import WHERE state = 'AWAITING_CONFIRMATION'").query(Long.class)
                .optional();
    }

    List<Long> running() {
        return jdbc.sql("SELECT id FROM population_import WHERE state = 'RUNNING'").query(Long.class).list();
    }

    /** Progress of families written in the caller's transaction; true when an ADMIN asked to stop. */
    boolean progressed(long id, long familiesDone, double fraction, Tally tally) {
        jdbc.sql("""
                        UPDATE population_import SET families_done = ?, fraction = ?, rows_read = ?, rows_rejected = ?,
                            families_rejected = ?, residents_added = ?, residents_changed = ?, residents_gone = ?,
                            heartbeat_at = UTC_TIMESTAMP(3)
                        WHERE id = ?""")
                .params(familiesDone, fraction, tally.rowsRead, tally.rowsRejected, tally.familiesRejected,
                        tally.residentsAdded, tally.residentsChanged, tally.residentsGone, id)
                .update();
        return cancelRequested(id);
    }

    boolean cancelRequested(long id) {
        return jdbc.sql("SELECT cancel_requested FROM population_import WHERE id = ?").param(id).query(Boolean.class)
                .single();
    }

    boolean requestCancel(long id) {
        return jdbc.sql("UPDATE population_import SET cancel_requested = TRUE WHERE id = ? AND state = 'RUNNING'")
                .param(id).update() == 1;
    }

    void finish(long id, ImportState state, @Nullable Finding failure, Instant now) {
        jdbc.sql("""
                        UPDATE population_import SET state = ?, running = NULL, finished_at = ?, failure = ?
                        WHERE id = ? AND state = 'RUNNING'""")
                .params(state.name(), utc(now), failure == null ? null : encode(failure), id)
                .update();
    }

    void reject(long id, List<ExtractFamily> families) {
        List<Object[]> rows = new ArrayList<>();
        for (ExtractFamily family : families) {
            for (ExtractFamily.Rejection rejection : family.rejections()) {
                var row = rejection.row();
                rows.add(new Object[] {id, row.line(), row.get(ExtractColumn.NIK), row.get(ExtractColumn.KK_NUMBER),
                        row.get(ExtractColumn.FULL_NAME), rejection.reason().messageKey(),
                        rejection.reason().args().stream().map(String::valueOf)
                                .collect(Collectors.joining(String.valueOf(ARG_SEPARATOR)))});
            }
        }
        MultiRowInsert.into(jdbc, "population_import_rejection",
                List.of("import_id", "line", "nik", "kk_number", "full_name", "reason_key", "reason_args"), rows);
    }

    /** Every refused row of an import in file order, streamed. */
    public void refusedRows(long id, Consumer<RejectedRow> sink) {
        jdbc.sql("""
                        SELECT line, nik, kk_number, full_name, reason_key, reason_args FROM population_import_rejection
                        WHERE import_id = ? ORDER BY line, id""")
                .param(id)
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> sink.accept(new RejectedRow(
                        rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        decode(rs.getString(5), rs.getString(6)))));
    }

    public Optional<ImportProgress> progress(long id) {
        return jdbc.sql(PROGRESS + " WHERE id = ?").param(id).query(ImportStore::progress).optional();
    }

    public List<ImportProgress> recentImports(int limit) {
        return jdbc.sql(PROGRESS + " ORDER BY id DESC LIMIT ?").param(limit).query(ImportStore::progress).list();
    }

    private static ImportProgress progress(ResultSet rs, int row) throws SQLException {
        String failure = rs.getString(15);
        Finding finding = failure == null ? null : decode(failure.substring(0, failure.indexOf(ARG_SEPARATOR)),
                failure.substring(failure.indexOf(ARG_SEPARATOR) + 1));
        LocalDateTime finished = rs.getObject(7, LocalDateTime.class);
        return new ImportProgress(rs.getLong(1), rs.getString(2), rs.getString(3), ImportState.valueOf(rs.getString(4)),
                rs.getString(5), instant(rs.getObject(6, LocalDateTime.class)), finished == null ? null : instant(finished),
                rs.getDouble(8), rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getLong(12), rs.getLong(13),
                rs.getLong(14), finding == null ? null : finding.messageKey(),
                finding == null ? List.of() : finding.args().stream().map(String::valueOf).toList(), rs.getLong(16),
                rs.getLong(17));
    }

    private static String encode(Finding finding) {
        String text = finding.messageKey() + ARG_SEPARATOR + finding.args().stream().map(String::valueOf)
                .collect(Collectors.joining(String.valueOf(ARG_SEPARATOR)));
        return text.length() > 500 ? text.substring(0, 500) : text;
    }

    private static Finding decode(String key, String args) {
        return new Finding(key, args.isEmpty() ? List.of()
                : Arrays.stream(args.split(String.valueOf(ARG_SEPARATOR), -1)).map(Object.class::cast).toList());
    }

    /** The counts an import keeps as it goes; they are written with each chunk of families. */
    public static final class Tally {
        long rowsRead;
        long rowsRejected;
        long familiesRejected;
        long residentsAdded;
        long residentsChanged;
        long residentsGone;

        Tally(long rowsRead, long rowsRejected, long familiesRejected, long residentsAdded, long residentsChanged,
              long residentsGone) {
            this.rowsRead = rowsRead;
            this.rowsRejected = rowsRejected;
            this.familiesRejected = familiesRejected;
            this.residentsAdded = residentsAdded;
            this.residentsChanged = residentsChanged;
            this.residentsGone = residentsGone;
        }

        Tally copy() {
            return new Tally(rowsRead, rowsRejected, familiesRejected, residentsAdded, residentsChanged, residentsGone);
        }
    }
}
