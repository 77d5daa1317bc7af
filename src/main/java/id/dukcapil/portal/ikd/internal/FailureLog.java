package id.dukcapil.portal.ikd.internal;

import static id.dukcapil.portal.shared.jdbc.UtcColumns.utc;

import id.dukcapil.portal.ikd.IkdFailure;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The point's failures ({@code ikd_failure}), one row each, appended and never changed: no aggregate, a count the
 * daily report's rollups read ({@link DayReportStore}). A refused registration that never existed is counted too.
 */
@Repository
public class FailureLog {

    private final JdbcClient jdbc;

    FailureLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void failure(String servicePoint, @Nullable String registrationCode, @Nullable String officer,
                        IkdFailure reason, Instant at) {
        jdbc.sql("""
                INSERT INTO ikd_failure (service_point, registration_code, officer, reason, occurred_at)
                VALUES (?, ?, ?, ?, ?)""").params(servicePoint, registrationCode, officer, reason.name(), utc(at))
                .update();
    }
}
