package id.dukcapil.portal.kkprint.internal;

import id.dukcapil.portal.kkprint.Inbox;
import id.dukcapil.portal.kkprint.InboxFilter;
import id.dukcapil.portal.kkprint.InboxRow;
import id.dukcapil.portal.shared.jdbc.SqlOrder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.Sort;

/**
 * The requests' SQL beside the repository (decision 171's table): the inboxes' page walks
 * {@code ix_kkprint_request_inbox} with LIMIT n+1 and no count, its plan checked by {@code KkPrintInboxBenchmark};
 * the home widgets count up to a cap in one statement (JPQL has no LIMIT in a subquery); the signed PDF is a blob
 * written once and read by the kiosk, kept off the request's entity so that no load of a request carries it.
 */
public interface KkRequestSql {

    /** What an inbox row selects; shared by the grid's query and the benchmark's direct SQL. */
    String INBOX_SQL = """
            SELECT id, tracking_number, requester_name, kk_number, reason, state, holder, holder_name,
                   step_started_at, step_due_at, submitted_at
            FROM kkprint_request WHERE inbox = ? %s %s LIMIT ? OFFSET ?""";

    /**
     * How an inbox's page may be sorted (the grid's sort properties), and its own order: nearest standard first.
     * The clock column shows the time in the step: short first is the latest start first.
     */
    SqlOrder INBOX_ORDER = new SqlOrder(Map.of("trackingNumber", "tracking_number", "requesterName", "requester_name",
            "clock", "-step_started_at", "holderName", "holder_name"), "step_due_at, id");

    /**
     * One page of an inbox in the order asked for (see {@link #INBOX_ORDER}), {@code limit} rows (callers ask one
     * more to know of a next).
     */
    List<InboxRow> inbox(Inbox inbox, InboxFilter filter, Instant now, Sort order, long offset, int limit);

    /** How many requests of an inbox are over their standard now, counting at most {@code cap}. */
    int overdueCount(Inbox inbox, Instant now, int cap);

    /** How many requests wait in an inbox, counting at most {@code cap}. */
    int waitingCount(Inbox inbox, int cap);

    /** Keeps the signed card of a request (once: the request is SIGNED once). */
    void saveDocument(long requestId, byte[] signedPdf, Instant signedAt, String signedBy);

    Optional<byte[]> document(long requestId);
}
