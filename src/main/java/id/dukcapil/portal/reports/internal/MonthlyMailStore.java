package id.dukcapil.portal.reports.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Which months' reports went into the outbox ({@code reports_monthly_mail}). */
@Component
public class MonthlyMailStore {

    private final JdbcClient jdbc;

    MonthlyMailStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the month in the caller's transaction: false if another run (this node or another) already has. A
     * second claimant waits on the first one's row lock and then finds the row.
     */
    public boolean claim(YearMonth month, int recipients, Instant now) {
        try {
            jdbc.sql("INSERT INTO reports_monthly_mail (month, recipients, queued_at) VALUES (?, ?, ?)")
                    .params(month.toString(), recipients, LocalDateTime.ofInstant(now, ZoneOffset.UTC)).update();
            return true;
        } catch (DuplicateKeyException alreadyClaimed) {
            return false;
        }
    }

    public boolean sent(YearMonth month) {
        return jdbc.sql("SELECT COUNT(*) FROM reports_monthly_mail WHERE month = ?").param(month.toString())
                .query(Integer.class).single() > 0;
    }
}
