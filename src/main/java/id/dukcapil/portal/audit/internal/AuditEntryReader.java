package id.dukcapil.portal.audit.internal;

import static id.dukcapil.portal.shared.jdbc.UtcColumns.utc;

import id.dukcapil.portal.audit.Actor;
import id.dukcapil.portal.audit.AuditEntry;
import id.dukcapil.portal.audit.AuditFilter;
import id.dukcapil.portal.audit.Outcome;
import id.dukcapil.portal.shared.jdbc.LikePattern;
import id.dukcapil.portal.shared.jdbc.SqlOrder;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Reads the log: filtered pages for the view, filtered streams for the export, the whole chain in order
 * for verification. Streams read row by row (the driver's streaming mode), never the whole table at once.
 */
@Component
public class AuditEntryReader {

    /** What a page of the log may be sorted by, and the column each is: the grid's sort properties. */
    public static final Map<String, String> SORTABLE = Map.of("seq", "seq", "actor", "actor_name", "outcome", "outcome");
    private static final SqlOrder ORDER = new SqlOrder(SORTABLE, "seq DESC");
    static final String COLUMNS = "seq, occurred_at, actor_type, actor_id, actor_name, actor_roles, service_point, "
            + "action, subject_type, subject_id, outcome, detail";
    private static final int STREAM_FETCH_SIZE = 1000;

    private final JdbcTemplate jdbc;

    AuditEntryReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * In the order asked for (the columns of {@link #SORTABLE}), newest first within it and when none is asked for;
     * {@code limit} rows from {@code offset}.
     *
     * @throws IllegalArgumentException for an order by anything else: the SQL is never made of what a request names
     */
    public List<AuditEntry> page(AuditFilter filter, ZoneId zone, long offset, int limit, Sort order) {
        Where where = Where.of(filter, zone);
        List<Object> params = new ArrayList<>(where.params());
        params.add(limit);
        params.add(offset);
        return jdbc.query("SELECT " + COLUMNS + " FROM audit_entry" + where.sql() + " " + ORDER.of(order)
                + " LIMIT ? OFFSET ?", ENTRY, params.toArray());
    }

    /** Every matching entry, oldest first, one at a time. */
    public void forEach(AuditFilter filter, ZoneId zone, Consumer<AuditEntry> consumer) {
        Where where = Where.of(filter, zone);
        stream("SELECT " + COLUMNS + " FROM audit_entry" + where.sql() + " ORDER BY seq", where.params(),
                rs -> consumer.accept(ENTRY.mapRow(rs, 0)));
    }

    /** The entries after a position, oldest first, at most {@code limit}. */
    public List<AuditEntry> after(long seq, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM audit_entry WHERE seq > ? ORDER BY seq LIMIT ?", ENTRY, seq,
                limit);
    }

    /** The entries after a position with their stored hashes, oldest first, at most {@code limit}. */
    public void forEachLinkAfter(long seq, int limit, RowCallbackHandler handler) {
        stream("SELECT " + COLUMNS + ", algorithm, key_id, prev_hash, hash FROM audit_entry WHERE seq > ? "
                + "ORDER BY seq LIMIT ?", List.of(seq, limit), handler);
    }

    /** The stored hash of the entry at a position, if it is there. */
    public java.util.Optional<String> hashAt(long seq) {
        return jdbc.query("SELECT hash FROM audit_entry WHERE seq = ?", (rs, n) -> rs.getString(1), seq).stream()
                .findFirst();
    }

    /** An entry as read with its link. */
    public static AuditEntry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
        return ENTRY.mapRow(rs, 0);
    }

    /** The whole chain in order, with the stored hashes, one row at a time. */
    public void forEachLink(RowCallbackHandler handler) {
        stream("SELECT " + COLUMNS + ", algorithm, key_id, prev_hash, hash FROM audit_entry ORDER BY seq", List.of(), handler);
    }

    public ChainHeadRow head() {
        return jdbc.queryForObject("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1",
                (rs, n) -> new ChainHeadRow(rs.getLong(1), rs.getString(2)));
    }

    /** The chain's last entry: position, time (UTC) and action; empty for an empty chain. */
    public java.util.Optional<LastEntry> last() {
        return jdbc.query("SELECT seq, occurred_at, action FROM audit_entry ORDER BY seq DESC LIMIT 1",
                (rs, n) -> new LastEntry(rs.getLong(1), rs.getObject(2, java.time.LocalDateTime.class)
                        .toInstant(java.time.ZoneOffset.UTC), rs.getString(3))).stream().findFirst();
    }

    /** Entries per module, the module being the first word of the action ({@code booking.created}: booking). */
    public java.util.Map<String, Long> countsByModule() {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        jdbc.query("SELECT SUBSTRING_INDEX(action, '.', 1) AS module, COUNT(*) AS entries FROM audit_entry GROUP BY 1",
                (RowCallbackHandler) rs -> counts.put(rs.getString(1), rs.getLong(2)));
        return counts;
    }

    public record LastEntry(long seq, java.time.Instant at, String action) {
    }

    private void stream(String sql, List<Object> params, RowCallbackHandler handler) {
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(STREAM_FETCH_SIZE);
            for (int i = 0; i < params.size(); i++) {
                statement.setObject(i + 1, params.get(i));
            }
            return statement;
        }, handler);
    }

    public record ChainHeadRow(long lastSeq, String lastHash) {
    }

    static final RowMapper<AuditEntry> ENTRY = (rs, n) -> new AuditEntry(
            rs.getLong("seq"),
            rs.getObject("occurred_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
            Actor.Type.valueOf(rs.getString("actor_type")),
            rs.getString("actor_id"),
            rs.getString("actor_name"),
            rs.getString("actor_roles"),
            rs.getString("service_point"),
            rs.getString("action"),
            rs.getString("subject_type"),
            rs.getString("subject_id"),
            Outcome.valueOf(rs.getString("outcome")),
            rs.getString("detail"));

    /** The WHERE clause of a filter; office-local days become UTC bounds. */
    private record Where(String sql, List<Object> params) {

        static Where of(AuditFilter filter, ZoneId zone) {
            List<String> conditions = new ArrayList<>();
            List<Object> params = new ArrayList<>();
            if (filter.from() != null) {
                conditions.add("occurred_at >= ?");
                params.add(utc(filter.from().atStartOfDay(zone).toInstant()));
            }
            if (filter.to() != null) {
                conditions.add("occurred_at < ?");
                params.add(utc(filter.to().plusDays(1).atStartOfDay(zone).toInstant()));
            }
            if (StringUtils.hasText(filter.actor())) {
                conditions.add("(actor_id LIKE ? OR actor_name LIKE ?)");
                String like = LikePattern.contains(filter.actor().strip());
                params.add(like);
                params.add(like);
            }
            if (StringUtils.hasText(filter.action())) {
                // The code's start, or an action whose words the manager typed (at most every action there is).
                String named = filter.actionsNamed().isEmpty() ? ""
                        : " OR action IN (" + String.join(", ", java.util.Collections.nCopies(filter.actionsNamed().size(), "?")) + ")";
                conditions.add("(action LIKE ?" + named + ")");
                params.add(LikePattern.startsWith(filter.action().strip()));
                params.addAll(filter.actionsNamed());
            }
            if (StringUtils.hasText(filter.subjectType())) {
                conditions.add("subject_type = ?");
                params.add(filter.subjectType().strip());
            }
            if (StringUtils.hasText(filter.subject())) {
                conditions.add("subject_id = ?");
                params.add(filter.subject().strip());
            }
            String sql = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
            return new Where(sql, params);
        }
    }

}
