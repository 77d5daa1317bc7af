package id.dukcapil.portal.notification.internal;

import static id.dukcapil.portal.shared.jdbc.UtcColumns.instantOrNull;

import id.dukcapil.portal.notification.Channel;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The outbox's queues as the operator's meters read them ({@link OutboxMeters}, decision 178). */
@Component
class OutboxBacklog {

    private final JdbcClient jdbc;

    OutboxBacklog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One channel's queue for the meters (decision 178): messages still to be handed over (pending, retrying or being
     * sent), the oldest of them, and those left UNCERTAIN.
     */
    public record Backlog(Channel channel, long waiting, @Nullable Instant oldest, long uncertain) {
    }

    /** Each channel's backlog, in one grouped read of the (channel, state, ...) index; channels with none absent. */
    public List<Backlog> backlog() {
        return jdbc.sql("""
                SELECT channel,
                       SUM(state IN ('PENDING', 'RETRY', 'SENDING')) AS waiting,
                       MIN(CASE WHEN state IN ('PENDING', 'RETRY', 'SENDING') THEN created_at END) AS oldest,
                       SUM(state = 'UNCERTAIN') AS uncertain
                FROM notification_message
                WHERE state IN ('PENDING', 'RETRY', 'SENDING', 'UNCERTAIN')
                GROUP BY channel""")
                .query((rs, row) -> new Backlog(Channel.valueOf(rs.getString("channel")), rs.getLong("waiting"),
                        instantOrNull(rs, "oldest"), rs.getLong("uncertain")))
                .list();
    }
}
