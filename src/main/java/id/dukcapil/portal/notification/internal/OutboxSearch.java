package id.dukcapil.portal.notification.internal;

import static id.dukcapil.portal.shared.jdbc.UtcColumns.instant;
import static id.dukcapil.portal.shared.jdbc.UtcColumns.instantOrNull;

import id.dukcapil.portal.notification.Channel;
import id.dukcapil.portal.notification.MessageState;
import id.dukcapil.portal.notification.OutboxFilter;
import id.dukcapil.portal.notification.OutboxMessage;
import id.dukcapil.portal.shared.jdbc.LikePattern;
import id.dukcapil.portal.shared.jdbc.SqlOrder;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The outbox as ADMIN's outbox screen reads it: the messages by state and recipient, newest first (or oldest), and
 * one by id.
 */
@Component
public class OutboxSearch {

    private final JdbcClient jdbc;

    OutboxSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * How the list may be sorted: by its number (and so by when each was queued), either way, through the primary
     * key. Another column would sort a year of messages whole for each page.
     */
    public static final SqlOrder ORDER = new SqlOrder(Map.of("id", "id"), "id DESC");

    public List<OutboxMessage> page(OutboxFilter filter, Sort order, long offset, int limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT id, message_id, recipient, template_key, subject, state, attempts, created_at, next_attempt_at,
                    sent_at, last_answer, channel, delivery
                FROM notification_message WHERE 1 = 1""");
        Map<String, Object> params = new HashMap<>();
        if (filter.state() != null) {
            sql.append(" AND state = :state");
            params.put("state", filter.state().name());
        }
        if (StringUtils.hasText(filter.recipient())) {
            sql.append(" AND recipient LIKE :recipient");
            params.put("recipient", LikePattern.startsWith(filter.recipient().strip()));
        }
        sql.append(' ').append(ORDER.of(order)).append(" LIMIT :limit OFFSET :offset");
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql(sql.toString()).params(params).query(OutboxSearch::message).list();
    }

    public java.util.Optional<OutboxMessage> byId(long id) {
        return jdbc.sql("""
                SELECT id, message_id, recipient, template_key, subject, state, attempts, created_at, next_attempt_at,
                    sent_at, last_answer, channel, delivery
                FROM notification_message WHERE id = ?""")
                .param(id).query(OutboxSearch::message).optional();
    }

    private static OutboxMessage message(ResultSet rs, int row) throws SQLException {
        return new OutboxMessage(rs.getLong("id"), rs.getString("message_id"), rs.getString("recipient"),
                rs.getString("template_key"), rs.getString("subject"), MessageState.valueOf(rs.getString("state")),
                rs.getInt("attempts"), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("next_attempt_at")), instantOrNull(rs.getTimestamp("sent_at")),
                rs.getString("last_answer"), Channel.valueOf(rs.getString("channel")), rs.getString("delivery"));
    }
}
