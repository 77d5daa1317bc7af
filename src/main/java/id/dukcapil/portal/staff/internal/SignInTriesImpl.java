package id.dukcapil.portal.staff.internal;

import static id.dukcapil.portal.shared.jdbc.UtcColumns.utc;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link SignInTries} in two conditional statements: an entity read, changed and written would hold the row for the
 * read and the write, and a burst of tries on one name would wait on one another's version (decision 175).
 */
class SignInTriesImpl implements SignInTries {

    private final JdbcClient jdbc;

    SignInTriesImpl(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public SignInTry reserveSignInTry(long id, Instant now, int maxFailures, Duration lockout) {
        LocalDateTime at = utc(now);
        if (jdbc.sql("""
                UPDATE staff_account SET failed_sign_ins = failed_sign_ins + 1, version = version + 1
                WHERE id = ? AND (locked_until IS NULL OR locked_until <= ?) AND failed_sign_ins + 1 < ?""")
                .params(id, at, maxFailures).update() == 1) {
            return SignInTry.CHECK;
        }
        return jdbc.sql("""
                UPDATE staff_account SET failed_sign_ins = 0, locked_until = ?, version = version + 1
                WHERE id = ? AND (locked_until IS NULL OR locked_until <= ?) AND failed_sign_ins + 1 >= ?""")
                .params(utc(now.plus(lockout)), id, at, maxFailures).update() == 1
                ? SignInTry.LAST_CHECK : SignInTry.LOCKED;
    }
}
