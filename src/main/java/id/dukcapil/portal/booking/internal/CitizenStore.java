package id.dukcapil.portal.booking.internal;

import static id.dukcapil.portal.shared.jdbc.UtcColumns.utc;
import static id.dukcapil.portal.shared.jdbc.UtcColumns.instant;
import static id.dukcapil.portal.shared.jdbc.UtcColumns.instantOrNull;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
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

    private static final String OTP_COLUMNS = """
            SELECT id, code_hash, created_at, expires_at, attempts, used_at, full_name, phone, password_hash, locale,
                attempt_key
            FROM booking_otp""";

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

    /** Verification by a code: the account takes the details of the registration attempt the code was sent for. */
    public void verifiedWith(long id, Attempt attempt, Instant at) {
        jdbc.sql("""
                UPDATE booking_citizen SET full_name = ?, phone = ?, password_hash = ?, locale = ?, verified_at = ?
                WHERE id = ? AND verified_at IS NULL""")
                .params(attempt.fullName(), attempt.phone(), attempt.passwordHash(), attempt.locale(), utc(at), id).update();
    }

    public void changePassword(long id, String passwordHash) {
        jdbc.sql("UPDATE booking_citizen SET password_hash = ?, failed_sign_ins = 0, locked_until = NULL WHERE id = ?")
                .params(passwordHash, id).update();
    }

    // One-time codes

    /** @param attempt the registration attempt a verification code is sent for; null for other codes */
    public long insertOtp(long citizenId, String purpose, String codeHash, Instant at, Instant expiresAt,
                          @Nullable Attempt attempt) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO booking_otp (citizen_id, purpose, code_hash, created_at, expires_at, attempts,
                    full_name, phone, password_hash, locale, attempt_key)
                VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)""")
                .params(citizenId, purpose, codeHash, utc(at), utc(expiresAt),
                        attempt == null ? null : attempt.fullName(), attempt == null ? null : attempt.phone(),
                        attempt == null ? null : attempt.passwordHash(), attempt == null ? null : attempt.locale(),
                        attempt == null ? null : attempt.key())
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    /**
     * The codes of that purpose and attempt (its key; null: codes of no attempt, as reset codes) still usable at
     * {@code now}, newest first, locked; at most {@code limit}.
     */
    public java.util.List<Otp> liveOtpsForUpdate(long citizenId, String purpose, @Nullable String attemptKey, Instant now,
                                                 int maxAttempts, int limit) {
        return jdbc.sql(OTP_COLUMNS + """
                 WHERE citizen_id = ? AND purpose = ? AND attempt_key <=> ? AND used_at IS NULL AND expires_at > ?
                AND attempts < ? ORDER BY id DESC LIMIT ? FOR UPDATE""")
                .params(citizenId, purpose, attemptKey, utc(now), maxAttempts, limit).query(CitizenStore::otp).list();
    }

    /** The details a registration attempt typed, from its newest code, locked: only its own key finds them. */
    public Optional<Attempt> attemptForUpdate(long citizenId, String attemptKey) {
        return jdbc.sql(OTP_COLUMNS
                        + " WHERE citizen_id = ? AND purpose = 'VERIFY' AND attempt_key = ? ORDER BY id DESC LIMIT 1 FOR UPDATE")
                .params(citizenId, attemptKey).query(CitizenStore::otp).optional().map(Otp::attempt);
    }

    /** Older codes of that purpose for the same attempt (its key, or none) can no longer be used. */
    public void otpsReplaced(long citizenId, String purpose, @Nullable String attemptKey, Instant at) {
        jdbc.sql("""
                UPDATE booking_otp SET used_at = ?
                WHERE citizen_id = ? AND purpose = ? AND used_at IS NULL AND attempt_key <=> ?""")
                .params(utc(at), citizenId, purpose, attemptKey).update();
    }

    /** Every code of that purpose is spent (an account verified, a password reset): none opens it again. */
    public void otpsUsed(long citizenId, String purpose, Instant at) {
        jdbc.sql("UPDATE booking_otp SET used_at = ? WHERE citizen_id = ? AND purpose = ? AND used_at IS NULL")
                .params(utc(at), citizenId, purpose).update();
    }

    /** The newest code of that purpose, locked: attempts are counted one at a time. */
    public Optional<Otp> latestOtpForUpdate(long citizenId, String purpose) {
        return jdbc.sql(OTP_COLUMNS + " WHERE citizen_id = ? AND purpose = ? ORDER BY id DESC LIMIT 1 FOR UPDATE")
                .params(citizenId, purpose).query(CitizenStore::otp).optional();
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

    /** The citizen a token belongs to while it has not expired, and until when: one read. */
    public Optional<TokenOwner> tokenOwner(String tokenHash, Instant now) {
        return jdbc.sql(COLUMNS.replace("FROM booking_citizen",
                        ", t.expires_at FROM booking_citizen JOIN booking_token t ON t.citizen_id = id")
                        + " WHERE t.token_hash = ? AND t.expires_at > ?")
                .params(tokenHash, utc(now))
                .query((rs, n) -> new TokenOwner(citizen(rs, n), instant(rs.getTimestamp("expires_at")))).optional();
    }

    public record TokenOwner(Citizen citizen, Instant expiresAt) {
    }

    public void deleteToken(String tokenHash) {
        jdbc.sql("DELETE FROM booking_token WHERE token_hash = ?").param(tokenHash).update();
    }

    /** The channel the citizen chose for the portal's messages (EMAIL, WHATSAPP, SMS). */
    public String notifyChannel(long citizenId) {
        return jdbc.sql("SELECT notify_channel FROM booking_citizen WHERE id = ?").param(citizenId)
                .query(String.class).single();
    }

    public void setNotifyChannel(long citizenId, String channel) {
        jdbc.sql("UPDATE booking_citizen SET notify_channel = ? WHERE id = ?").params(channel, citizenId).update();
    }

    /** The account's phone, if a code sent to it was given back (decision 182): the only phone a channel may use. */
    public Optional<String> provedPhone(long citizenId) {
        return jdbc.sql("SELECT phone FROM booking_citizen WHERE id = ? AND phone_proved_at IS NOT NULL")
                .param(citizenId).query(String.class).optional();
    }

    /** The account's phone as registered or last proved, and whether it is proved; locked, for a proof's change. */
    public PhoneOfAccount phoneForUpdate(long citizenId) {
        return jdbc.sql("SELECT phone, phone_proved_at FROM booking_citizen WHERE id = ? FOR UPDATE").param(citizenId)
                .query((rs, n) -> new PhoneOfAccount(rs.getString("phone"), rs.getObject("phone_proved_at") != null))
                .single();
    }

    /** The account's phone as registered or last proved, and whether it is proved. */
    public PhoneOfAccount phone(long citizenId) {
        return jdbc.sql("SELECT phone, phone_proved_at FROM booking_citizen WHERE id = ?").param(citizenId)
                .query((rs, n) -> new PhoneOfAccount(rs.getString("phone"), rs.getObject("phone_proved_at") != null))
                .single();
    }

    /** The code sent to this number was given back: it is the account's phone, proved. */
    public void phoneProved(long citizenId, String phone, Instant at) {
        jdbc.sql("UPDATE booking_citizen SET phone = ?, phone_proved_at = ? WHERE id = ?")
                .params(phone, utc(at), citizenId).update();
    }

    public record PhoneOfAccount(String phone, boolean proved) {
    }

    public void deleteTokensOf(long citizenId) {
        jdbc.sql("DELETE FROM booking_token WHERE citizen_id = ?").param(citizenId).update();
    }

    private static Citizen citizen(ResultSet rs, int row) throws SQLException {
        return new Citizen(rs.getLong("id"), rs.getString("full_name"), rs.getString("email"), rs.getString("phone"),
                rs.getString("password_hash"), rs.getString("locale"), rs.getObject("verified_at") != null,
                rs.getInt("failed_sign_ins"), instantOrNull(rs, "locked_until"));
    }

    private static Otp otp(ResultSet rs, int row) throws SQLException {
        String passwordHash = rs.getString("password_hash");
        return new Otp(rs.getLong("id"), rs.getString("code_hash"), instant(rs, 3), instant(rs, 4), rs.getInt("attempts"),
                rs.getObject("used_at") != null, passwordHash == null ? null
                : new Attempt(rs.getString("full_name"), rs.getString("phone"), passwordHash, rs.getString("locale"),
                        rs.getString("attempt_key")));
    }

    public record Citizen(long id, String fullName, String email, String phone, String passwordHash, String locale,
                          boolean verified, int failedSignIns, @Nullable Instant lockedUntil) {
    }

    /** @param attempt the registration attempt a verification code was sent for (none for older codes) */
    public record Otp(long id, String codeHash, Instant createdAt, Instant expiresAt, int attempts, boolean used,
                      @Nullable Attempt attempt) {
    }

    /**
     * What one registration typed: a code sent for it makes these the account's details, nothing else does.
     *
     * @param key the SHA-256 of the handle only that attempt's client holds (null for codes older than issue 41)
     */
    public record Attempt(String fullName, String phone, String passwordHash, String locale, @Nullable String key) {

        @Override
        public String toString() {
            return "Attempt[" + fullName + "]";
        }
    }
}
