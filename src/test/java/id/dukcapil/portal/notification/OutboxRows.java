package id.dukcapil.portal.notification;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A queued message's row, awaited while the outbox's scheduled runs move it on. A wait that runs out says where the
 * outbox stood: the row, the sender's cluster lock, what was due on each channel, and what the sender's threads were
 * doing. Awaitility's "not fulfilled within" alone cannot tell a slow run from a stuck lane or a held lock.
 */
final class OutboxRows {

    /** Longer than one message ahead may take within the SMTP timeouts (5 + 15 + 15 s, application.yaml). */
    static final Duration DELIVERY = Duration.ofSeconds(40);

    private OutboxRows() {
    }

    static Map<String, Object> awaitRow(JdbcTemplate jdbc, long id, String awaited,
                                        Predicate<Map<String, Object>> reached) {
        try {
            await().atMost(DELIVERY).until(() -> reached.test(row(jdbc, id)));
        } catch (ConditionTimeoutException timedOut) {
            throw new AssertionError("Message " + id + " not " + awaited + " within " + DELIVERY.toSeconds() + " s\n"
                    + whereTheOutboxStood(jdbc, id), timedOut);
        }
        return row(jdbc, id);
    }

    static Map<String, Object> row(JdbcTemplate jdbc, long id) {
        return jdbc.queryForMap("SELECT * FROM notification_message WHERE id = ?", id);
    }

    private static String whereTheOutboxStood(JdbcTemplate jdbc, long id) {
        Map<String, Object> row = row(jdbc, id);
        row.remove("body");
        row.remove("secret_values");
        return "the message: " + row
                + "\nthe sender's lock: "
                + jdbc.queryForList("SELECT * FROM shedlock WHERE name = ?", OneMessageDelivery.SENDER_LOCK)
                + "\ndue or being sent, by channel and state: " + jdbc.queryForList("""
                        SELECT channel, state, COUNT(*) AS messages, MIN(next_attempt_at) AS earliest
                        FROM notification_message WHERE state IN ('PENDING', 'RETRY', 'SENDING')
                        GROUP BY channel, state""")
                + "\nthe sender's threads:\n" + Thread.getAllStackTraces().entrySet().stream()
                        .filter(thread -> thread.getKey().getName().startsWith("outbox-lane-")
                                || thread.getKey().getName().startsWith("scheduling-"))
                        .map(thread -> thread.getKey().getName() + " " + thread.getKey().getState()
                                + at(thread.getValue()))
                        .collect(Collectors.joining("\n"));
    }

    /** Where a thread was in the portal's code; a scheduler thread without any is between its jobs. */
    private static String at(StackTraceElement[] stack) {
        if (Arrays.stream(stack).noneMatch(frame -> frame.getClassName().startsWith("id.dukcapil."))) {
            return " (between jobs)";
        }
        return "\n    at " + Arrays.stream(stack).limit(30).map(String::valueOf)
                .collect(Collectors.joining("\n    at "));
    }
}
