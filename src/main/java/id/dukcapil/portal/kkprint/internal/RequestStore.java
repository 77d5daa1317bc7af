package id.dukcapil.portal.kkprint.internal;

import static id.dukcapil.portal.shared.jdbc.UtcColumns.utc;
import static id.dukcapil.portal.shared.jdbc.UtcColumns.instant;
import static id.dukcapil.portal.shared.jdbc.UtcColumns.instantOrNull;

import id.dukcapil.portal.kkprint.HistoryEntry;
import id.dukcapil.portal.kkprint.Inbox;
import id.dukcapil.portal.kkprint.InboxFilter;
import id.dukcapil.portal.kkprint.InboxRow;
import id.dukcapil.portal.kkprint.KkPrintReason;
import id.dukcapil.portal.kkprint.RequestState;
import id.dukcapil.portal.notification.Channel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The requests and their history in plain SQL. Every move is one conditional UPDATE on the state the caller saw:
 * of two officers acting at once, exactly one changes the row (docs/decisions/050-kk-print-lifecycle.md).
 */
@Repository
public class RequestStore {

    /** What an inbox row selects; shared by the grid's query and the benchmark's direct SQL. */
    public static final String INBOX_SQL = """
            SELECT id, tracking_number, requester_name, kk_number, reason, state, holder, holder_name,
                   step_started_at, step_due_at, submitted_at
            FROM kkprint_request WHERE inbox = ? %s ORDER BY step_due_at, id LIMIT ? OFFSET ?""";

    private final JdbcClient jdbc;

    RequestStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record NewRequest(String trackingNumber, String requesterNik, String requesterName,
                             @Nullable String requesterEmail, String kkNumber, KkPrintReason reason,
                             String description, Instant submittedAt, String familySnapshot,
                             @Nullable String requesterPhone, @Nullable String notifyChannel) {
    }

    /** The whole row, for the services. */
    public record Row(long id, String trackingNumber, String requesterNik, String requesterName,
                      @Nullable String requesterEmail, String kkNumber, KkPrintReason reason, String description,
                      RequestState state, @Nullable Inbox inbox, @Nullable String holder, @Nullable String holderName,
                      @Nullable String step, @Nullable Instant stepStartedAt, @Nullable Instant stepDueAt,
                      Instant submittedAt, String familySnapshot, @Nullable String requesterPhone,
                      @Nullable String notifyChannel) {

        /** The channel the requester chose for news of the request; requests from before the choice, e-mail. */
        public Channel newsChannel() {
            return notifyChannel == null ? Channel.EMAIL : Channel.valueOf(notifyChannel);
        }

        public InboxRow inboxRow() {
            Instant started = stepStartedAt != null ? stepStartedAt : submittedAt;
            return new InboxRow(id, trackingNumber, requesterName, kkNumber, reason, state, holder, holderName,
                    started, stepDueAt != null ? stepDueAt : started, submittedAt);
        }
    }

    /** Inserts an open request (its KK in {@code open_kk}); the unique key refuses a second one for that KK. */
    public long insert(NewRequest request, RequestState state, Inbox inbox, String step, Instant stepDueAt) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO kkprint_request (tracking_number, requester_nik, requester_name, requester_email,
                          kk_number, open_kk, reason, description, state, inbox, step, step_started_at, step_due_at,
                          submitted_at, family_snapshot, requester_phone, notify_channel)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(request.trackingNumber(), request.requesterNik(), request.requesterName(),
                        request.requesterEmail(), request.kkNumber(), request.kkNumber(), request.reason().name(),
                        request.description(), state.name(), inbox.name(), step, utc(request.submittedAt()),
                        utc(stepDueAt), utc(request.submittedAt()), request.familySnapshot(),
                        request.requesterPhone(), request.notifyChannel())
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public Optional<Row> find(long id) {
        return jdbc.sql("SELECT * FROM kkprint_request WHERE id = ?").param(id).query(RequestStore::row).optional();
    }

    /**
     * The latest committed row, read with a lock: after losing a conditional update, this says who won (a plain
     * read would still see the transaction's older snapshot).
     */
    public Optional<Row> findLatest(long id) {
        return jdbc.sql("SELECT * FROM kkprint_request WHERE id = ? LOCK IN SHARE MODE").param(id)
                .query(RequestStore::row).optional();
    }

    /** Keeps the family as the verifier approved it, for the card to be signed against. */
    public void saveFamilyAtVerification(long id, String snapshot) {
        jdbc.sql("UPDATE kkprint_request SET family_at_verification = ? WHERE id = ?").params(snapshot, id).update();
    }

    /** Empty for requests verified before snapshots were kept. */
    public Optional<String> familyAtVerification(String trackingNumber) {
        return jdbc.sql("SELECT family_at_verification FROM kkprint_request WHERE tracking_number = ?")
                .param(trackingNumber).query((rs, n) -> Optional.ofNullable(rs.getString(1))).optional()
                .flatMap(found -> found);
    }

    public Optional<Row> findByTrackingNumber(String trackingNumber) {
        return jdbc.sql("SELECT * FROM kkprint_request WHERE tracking_number = ?").param(trackingNumber)
                .query(RequestStore::row).optional();
    }

    /** One page of an inbox, nearest standard first, {@code limit} rows (callers ask one more to know of a next). */
    public List<InboxRow> inbox(Inbox inbox, InboxFilter filter, Instant now, long offset, int limit) {
        var statement = jdbc.sql(INBOX_SQL.formatted(filter.overdueOnly() ? "AND step_due_at < ?" : ""));
        int index = 0;
        statement = statement.param(++index, inbox.name());
        if (filter.overdueOnly()) {
            statement = statement.param(++index, utc(now));
        }
        return statement.param(++index, limit).param(++index, offset).query(RequestStore::inboxRow).list();
    }

    /**
     * Moves a request from one of the expected states to {@code to}, if it is still there and (with
     * {@code holderMustBe}) still held by that user. Returns whether this call changed the row.
     */
    public boolean move(long id, RequestState expected, @Nullable String holderMustBe, RequestState to,
                        @Nullable Inbox inbox) {
        return jdbc.sql("""
                        UPDATE kkprint_request SET state = ?, inbox = ?, holder = NULL, holder_name = NULL,
                          open_kk = CASE WHEN ? THEN kk_number ELSE NULL END, version = version + 1
                        WHERE id = ? AND state = ? AND (? IS NULL OR holder = ?)""")
                .params(to.name(), inbox == null ? null : inbox.name(), to.open(), id, expected.name(),
                        holderMustBe, holderMustBe)
                .update() == 1;
    }

    /** Sets the step the request is now in (after {@link #move} won the row), or none. */
    public void setStep(long id, @Nullable String step, @Nullable Instant startedAt, @Nullable Instant dueAt) {
        jdbc.sql("""
                        UPDATE kkprint_request SET step = ?, step_started_at = ?, step_due_at = ?,
                          overdue_notified = FALSE WHERE id = ?""")
                .params(step, utc(startedAt), utc(dueAt), id).update();
    }

    /** Claims an unheld request of the operator's inbox; false if someone else was faster. */
    public boolean claim(long id, String holder, String holderName) {
        return jdbc.sql("""
                        UPDATE kkprint_request SET state = 'IN_CHECK', holder = ?, holder_name = ?, version = version + 1
                        WHERE id = ? AND state = 'SUBMITTED' AND holder IS NULL""")
                .params(holder, holderName, id).update() == 1;
    }

    public boolean release(long id) {
        return jdbc.sql("""
                        UPDATE kkprint_request SET state = 'SUBMITTED', holder = NULL, holder_name = NULL,
                          version = version + 1
                        WHERE id = ? AND state = 'IN_CHECK'""").param(id).update() == 1;
    }

    public void appendHistory(long requestId, Instant at, String actor, @Nullable RequestState from, RequestState to,
                              @Nullable String reason, boolean reasonPublic) {
        jdbc.sql("""
                        INSERT INTO kkprint_history (request_id, at, actor, from_state, to_state, reason, reason_public)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(requestId, utc(at), actor, from == null ? null : from.name(), to.name(), reason, reasonPublic)
                .update();
    }

    public List<HistoryEntry> history(long requestId) {
        return jdbc.sql("SELECT * FROM kkprint_history WHERE request_id = ? ORDER BY id").param(requestId)
                .query((rs, n) -> new HistoryEntry(instant(rs, "at"), rs.getString("actor"),
                        rs.getString("from_state") == null ? null : RequestState.valueOf(rs.getString("from_state")),
                        RequestState.valueOf(rs.getString("to_state")), rs.getString("reason"),
                        rs.getBoolean("reason_public")))
                .list();
    }

    /** Open steps past their due time by more than the margin, not yet reported; at most {@code limit}. */
    /** Step 10 waits for the citizen to come to a kiosk, days perhaps: not the office's delay, never reported. */
    public List<Row> overdueNotNotified(Instant dueBefore, int limit) {
        return jdbc.sql("""
                        SELECT * FROM kkprint_request WHERE overdue_notified = FALSE AND step_due_at < ?
                            AND step <> 'B10_ADM_PRINT'
                        ORDER BY step_due_at LIMIT ?""")
                .params(utc(dueBefore), limit).query(RequestStore::row).list();
    }

    public boolean markOverdueNotified(long id, Instant stepDueAt) {
        return jdbc.sql("UPDATE kkprint_request SET overdue_notified = TRUE WHERE id = ? AND step_due_at = ? AND overdue_notified = FALSE")
                .params(id, utc(stepDueAt)).update() == 1;
    }

    /** How many requests of an inbox are over their standard now, counting at most {@code cap}. */
    public int overdueCount(Inbox inbox, Instant now, int cap) {
        return jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM kkprint_request WHERE inbox = ? AND step_due_at < ? LIMIT ?) t")
                .params(inbox.name(), utc(now), cap).query(Integer.class).single();
    }

    /** How many requests wait in an inbox, counting at most {@code cap}. */
    public int waitingCount(Inbox inbox, int cap) {
        return jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM kkprint_request WHERE inbox = ? LIMIT ?) t")
                .params(inbox.name(), cap).query(Integer.class).single();
    }

    private static InboxRow inboxRow(ResultSet rs, int rowNum) throws SQLException {
        return new InboxRow(rs.getLong("id"), rs.getString("tracking_number"), rs.getString("requester_name"),
                rs.getString("kk_number"), KkPrintReason.valueOf(rs.getString("reason")),
                RequestState.valueOf(rs.getString("state")), rs.getString("holder"), rs.getString("holder_name"),
                instant(rs, "step_started_at"), instant(rs, "step_due_at"), instant(rs, "submitted_at"));
    }

    /** Marks the open requests of these family cards as changed by an import of the register; how many. */
    public int markRegistryRefreshed(java.util.Collection<String> kkNumbers, Instant at) {
        if (kkNumbers.isEmpty()) {
            return 0;
        }
        List<Object> params = new java.util.ArrayList<>();
        params.add(utc(at));
        params.addAll(kkNumbers);
        return jdbc.sql("UPDATE kkprint_request SET registry_refreshed_at = ? WHERE open_kk IN ("
                + String.join(", ", java.util.Collections.nCopies(kkNumbers.size(), "?")) + ")").params(params).update();
    }

    /** When an import last changed the request's family while it was open. */
    public Optional<Instant> registryRefreshedAt(long id) {
        return jdbc.sql("SELECT registry_refreshed_at FROM kkprint_request WHERE id = ? AND registry_refreshed_at IS NOT NULL")
                .param(id).query((rs, n) -> instant(rs, "registry_refreshed_at")).optional();
    }

    private static Row row(ResultSet rs, int rowNum) throws SQLException {
        String inbox = rs.getString("inbox");
        return new Row(rs.getLong("id"), rs.getString("tracking_number"), rs.getString("requester_nik"),
                rs.getString("requester_name"), rs.getString("requester_email"), rs.getString("kk_number"),
                KkPrintReason.valueOf(rs.getString("reason")), rs.getString("description"),
                RequestState.valueOf(rs.getString("state")), inbox == null ? null : Inbox.valueOf(inbox),
                rs.getString("holder"), rs.getString("holder_name"), rs.getString("step"),
                instantOrNull(rs, "step_started_at"), instantOrNull(rs, "step_due_at"), instant(rs, "submitted_at"),
                rs.getString("family_snapshot"), rs.getString("requester_phone"), rs.getString("notify_channel"));
    }
}
