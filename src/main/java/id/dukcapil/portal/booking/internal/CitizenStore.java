package id.dukcapil.portal.booking.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** Citizen accounts ({@code booking_citizen}), their one-time codes and their API tokens, all secrets hashed. */
@Component
public class CitizenStore {

    private static final String COLUMNS = """
            SELECT id, full_name, email, phone, password_hash, locale, verified_at, failed_sign_ins, locked_until
            FROM booking_citizen""";

    private final JdbcClient jdbc;

    CitizenStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Citizen> byEmail(String email) {
        return jdbc.sql(COLUMNS + " WHERE email = ?").param(email).query(CitizenStore::citizen).optional();
    }

    public Optional<Citizen> byEmailForUpdate(String email) {
        return jdbc.sql(COLUMNS + " WHERE email = ? FOR UPDATE").param(email).query(CitizenStore::citizen).optional();
    }

    public Optional<Citizen> byId(long id) {
        return jdbc.sql(COLUMNS + " WHERE id = ?").param(id).query(CitizenStore::citizen).optional();
    }

    public long insert(String fullName, String email, String phone, String passwordHash, String locale, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO booking_citizen (full_name, email, phone, password_hash, locale, created_at, failed_sign_ins)
                VALUES (?, ?, ?, ?, ?, ?, 0)""")
                .params(fullName, email, phone, passwordHash, locale, utc(at)).update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    /** A registration again for an address not yet verified: the newest details count. */
    public void replaceUnverified(long id, String fullName, String phone, String passwordHash, String locale) {
        jdbc.sql("UPDATE booking_citizen SET full_name = ?, phone = ?, password_hash = ?, locale = ? WHERE id = ? AND verified_at IS NULL")
                .params(fullName, phone, passwordHash, locale, id).update();
    }

    public void verified(long id, Instant at) {
        jdbc.sql("UPDATE booking_citizen SET verified_at = ? WHERE id = ? AND verified_at IS NULL").params(utc(at), id).update();
    }

    public void changePassword(long id, String passwordHash) {
        jdbc.sql("UPDATE booking_citizen SET password_hash = ?, failed_sign_ins = 0, locked_until = NULL WHERE id = ?")
                .params(passwordHash, id).update();
    }

    public void signInFailed(long id, int failures, @Nullable Instant lockedUntil) {
        jdbc.sql("UPDATE booking_citizen SET failed_sign_ins = ?, locked_until = ? WHERE id = ?")
                .params(failures, lockedUntil == null ? null : utc(lockedUntil), id).update();
    }

    public void signedIn(long id) {
        jdbc.sql("UPDATE booking_citizen SET failed_sign_ins = 0, locked_until = NULL WHERE id = ?").param(id).update();
    }

    // One-time codes

    public long insertOtp(long citizenId, String purpose, String codeHash, Instant at, Instant expiresAt) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO booking_otp (citizen_id, purpose, code_hash, created_at, expires_at, attempts)
                VALUES (?, ?, ?, ?, ?, 0)""")
                .params(citizenId, purpose, codeHash, utc(at), utc(expiresAt)).update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    /** The newest code of that purpose, locked: attempts are counted one at a time. */
    public Optional<Otp> latestOtpForUpdate(long citizenId, String purpose) {
        return jdbc.sql("""
                SELECT id, code_hash, created_at, expires_at, attempts, used_at FROM booking_otp
                WHERE citizen_id = ? AND purpose = ? ORDER BY id DESC LIMIT 1 FOR UPDATE""")
                .params(citizenId, purpose)
                .query((rs, row) -> new Otp(rs.getLong(1), rs.getString(2), instant(rs, 3), instant(rs, 4), rs.getInt(5),
                        rs.getObject(6) != null))
                .optional();
    }

    public int otpsSince(long citizenId, Instant since) {
        return jdbc.sql("SELECT COUNT(*) FROM booking_otp WHERE citizen_id = ? AND created_at >= ?")
                .params(citizenId, utc(since)).query(Integer.class).single();
    }

    public void otpAttempt(long otpId) {
        jdbc.sql("UPDATE booking_otp SET attempts = attempts + 1 WHERE id = ?").param(otpId).update();
    }

    public void otpUsed(long otpId, Instant at) {
        jdbc.sql("UPDATE booking_otp SET used_at = ? WHERE id = ?").params(utc(at), otpId).update();
    }

    // API tokens

    public void insertToken(String tokenHash, long citizenId, Instant at, Instant expiresAt) {
        jdbc.sql("INSERT INTO booking_token (token_hash, citizen_id, created_at, expires_at) VALUES (?, ?, ?, ?)")
                .params(tokenHash, citizenId, utc(at), utc(expiresAt)).update();
    }

    /** The citizen a token belongs to while it has not expired: one read. */
    public Optional<Citizen> tokenOwner(String tokenHash, Instant now) {
        return jdbc.sql(COLUMNS.replace("FROM booking_citizen", "FROM booking_citizen JOIN booking_token t ON t.citizen_id = id")
                        + " WHERE t.token_hash = ? AND t.expires_at > ?")
                .params(tokenHash, utc(now)).query(CitizenStore::citizen).optional();
    }

    public void deleteToken(String tokenHash) {
        jdbc.sql("DELETE FROM booking_token WHERE token_hash = ?").param(tokenHash).update();
    }

    public void deleteTokensOf(long citizenId) {
        jdbc.sql("DELETE FROM booking_token WHERE citizen_id = ?").param(citizenId).update();
    }

    private static Citizen citizen(ResultSet rs, int row) throws SQLException {
        return new Citizen(rs.getLong("id"), rs.getString("full_name"), rs.getString("email"), rs.getString("phone"),
                rs.getString("password_hash"), rs.getString("locale"), rs.getObject("verified_at") != null,
                rs.getInt("failed_sign_ins"), instantOrNull(rs, "locked_until"));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC);
    }

    private static @Nullable Instant instantOrNull(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    private static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    public record Citizen(long id, String fullName, String email, String phone, String passwordHash, String locale,
                          boolean verified, int failedSignIns, @Nullable Instant lockedUntil) {
    }

    public record Otp(long id, String codeHash, Instant createdAt, Instant expiresAt, int attempts, boolean used) {
    }
}
