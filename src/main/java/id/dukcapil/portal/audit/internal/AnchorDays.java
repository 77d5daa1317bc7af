package id.dukcapil.portal.audit.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The days the daily job anchored the chain: the day's row commits with its anchor. */
@Component
public class AnchorDays {

    private final JdbcClient jdbc;

    AnchorDays(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the day in the caller's transaction: false if a run (this node's or another's) already has. A second
     * claimant waits on the first one's row and then finds it; under Galera it loses the certification and is tried
     * again whole, and then finds it.
     */
    public boolean claim(LocalDate day, Instant now) {
        try {
            jdbc.sql("INSERT INTO audit_anchor_day (day, anchored_at) VALUES (?, ?)")
                    .params(day, LocalDateTime.ofInstant(now, ZoneOffset.UTC))
                    .update();
            return true;
        } catch (DuplicateKeyException alreadyAnchored) {
            return false;
        }
    }
}
