package id.dukcapil.portal.kkprint.internal;

import static id.dukcapil.portal.shared.jdbc.UtcColumns.instant;
import static id.dukcapil.portal.shared.jdbc.UtcColumns.utc;
import static id.dukcapil.portal.shared.jdbc.UtcColumns.instantOrNull;

import id.dukcapil.portal.kkprint.Inbox;
import id.dukcapil.portal.kkprint.InboxFilter;
import id.dukcapil.portal.kkprint.InboxRow;
import id.dukcapil.portal.kkprint.KkPrintReason;
import id.dukcapil.portal.kkprint.RequestState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link KkRequestSql} with {@link JdbcClient}. */
class KkRequestSqlImpl implements KkRequestSql {

    private final JdbcClient jdbc;

    KkRequestSqlImpl(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<InboxRow> inbox(Inbox inbox, InboxFilter filter, Instant now, Sort order, long offset, int limit) {
        var statement = jdbc.sql(INBOX_SQL.formatted(filter.overdueOnly() ? "AND step_due_at < ?" : "",
                INBOX_ORDER.of(order)));
        int index = 0;
        statement = statement.param(++index, inbox.name());
        if (filter.overdueOnly()) {
            statement = statement.param(++index, utc(now));
        }
        return statement.param(++index, limit).param(++index, offset).query(KkRequestSqlImpl::inboxRow).list();
    }

    @Override
    public int overdueCount(Inbox inbox, Instant now, int cap) {
        return jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM kkprint_request WHERE inbox = ? AND step_due_at < ? LIMIT ?) t")
                .params(inbox.name(), utc(now), cap).query(Integer.class).single();
    }

    @Override
    public int waitingCount(Inbox inbox, int cap) {
        return jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM kkprint_request WHERE inbox = ? LIMIT ?) t")
                .params(inbox.name(), cap).query(Integer.class).single();
    }

    @Override
    public void saveDocument(long requestId, byte[] signedPdf, Instant signedAt, String signedBy) {
        jdbc.sql("INSERT INTO kkprint_document (request_id, signed_pdf, signed_at, signed_by) VALUES (?, ?, ?, ?)")
                .params(requestId, signedPdf, utc(signedAt), signedBy).update();
    }

    @Override
    public Optional<byte[]> document(long requestId) {
        return jdbc.sql("SELECT signed_pdf FROM kkprint_document WHERE request_id = ?").param(requestId)
                .query((rs, n) -> rs.getBytes(1)).optional();
    }

    private static InboxRow inboxRow(ResultSet rs, int rowNum) throws SQLException {
        return new InboxRow(rs.getLong("id"), rs.getString("tracking_number"), rs.getString("requester_name"),
                rs.getString("kk_number"), KkPrintReason.valueOf(rs.getString("reason")),
                RequestState.valueOf(rs.getString("state")), rs.getString("holder"), rs.getString("holder_name"),
                instant(rs, "step_started_at"), instantOrNull(rs, "step_due_at"), instant(rs, "submitted_at"));
    }
}
