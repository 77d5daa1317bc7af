package id.dukcapil.portal.booking.internal;

import static id.dukcapil.portal.shared.jdbc.UtcColumns.instant;
import static id.dukcapil.portal.shared.jdbc.UtcColumns.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The codes sent by SMS to prove a phone for a citizen account ({@code booking_phone_code}, decision 182), stored
 * hashed: the newest unused one of an account is the live one, five tries, ten minutes.
 */
@Component
public class PhoneCodeStore {

    private static final String COLUMNS = "SELECT id, phone, code_hash, created_at, expires_at, attempts FROM booking_phone_code";

    private final JdbcClient jdbc;

    PhoneCodeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new code for this number; the account's older ones can no longer be used. */
    public long insert(long citizenId, String phone, String codeHash, Instant at, Instant expiresAt) {
        jdbc.sql("UPDATE booking_phone_code SET used_at = ? WHERE citizen_id = ? AND used_at IS NULL")
                .params(utc(at), citizenId).update();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO booking_phone_code (citizen_id, phone, code_hash, created_at, expires_at, attempts)
                VALUES (?, ?, ?, ?, ?, 0)""")
                .params(citizenId, phone, codeHash, utc(at), utc(expiresAt)).update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    /** The account's newest code, used or not: when it was sent, for the pause between two. */
    public Optional<Code> latest(long citizenId) {
        return jdbc.sql(COLUMNS + " WHERE citizen_id = ? ORDER BY id DESC LIMIT 1").param(citizenId)
                .query(PhoneCodeStore::code).optional();
    }

    /** The account's code still usable at {@code now} (unused, not expired, tries left), locked: one try at a time. */
    public Optional<Code> liveForUpdate(long citizenId, Instant now, int maxAttempts) {
        return jdbc.sql(COLUMNS + """
                 WHERE citizen_id = ? AND used_at IS NULL AND expires_at > ? AND attempts < ?
                ORDER BY id DESC LIMIT 1 FOR UPDATE""")
                .params(citizenId, utc(now), maxAttempts).query(PhoneCodeStore::code).optional();
    }

    /** The number awaiting its code, if the account's live code has not expired. */
    public Optional<Code> pending(long citizenId, Instant now, int maxAttempts) {
        return jdbc.sql(COLUMNS + """
                 WHERE citizen_id = ? AND used_at IS NULL AND expires_at > ? AND attempts < ?
                ORDER BY id DESC LIMIT 1""")
                .params(citizenId, utc(now), maxAttempts).query(PhoneCodeStore::code).optional();
    }

    public void attempt(long codeId) {
        jdbc.sql("UPDATE booking_phone_code SET attempts = attempts + 1 WHERE id = ?").param(codeId).update();
    }

    /** The code was given back: every code of the account is spent. */
    public void used(long citizenId, Instant at) {
        jdbc.sql("UPDATE booking_phone_code SET used_at = ? WHERE citizen_id = ? AND used_at IS NULL")
                .params(utc(at), citizenId).update();
    }

    private static Code code(ResultSet rs, int row) throws SQLException {
        return new Code(rs.getLong("id"), rs.getString("phone"), rs.getString("code_hash"),
                instant(rs, "created_at"), instant(rs, "expires_at"), rs.getInt("attempts"));
    }

    public record Code(long id, String phone, String codeHash, Instant createdAt, Instant expiresAt, int attempts) {

        @Override
        public String toString() {
            return "Code[" + id + "]";
        }
    }
}
