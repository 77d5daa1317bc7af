package id.dukcapil.portal.ikd.internal;

import static id.dukcapil.portal.shared.jdbc.UtcColumns.instant;
import static id.dukcapil.portal.shared.jdbc.UtcColumns.instantOrNull;
import static id.dukcapil.portal.shared.jdbc.UtcColumns.utc;

import id.dukcapil.portal.ikd.IkdFailure;
import id.dukcapil.portal.ikd.RegistrationState;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table of IKD registrations. Every change names the state it expects: two calls never both win. */
@Repository
public class RegistrationStore {

    public record Row(long id, String code, String nik, String fullName, String email, String phone,
                      String servicePoint, RegistrationState state, int faceAttempts, @Nullable String qrHash,
                      @Nullable Instant qrExpiresAt, @Nullable String qrOfficer, @Nullable String pinHash,
                      @Nullable Instant pinExpiresAt, int pinFailures, Instant registeredAt,
                      @Nullable Instant activatedAt, @Nullable String officer) {
    }

    private final JdbcClient jdbc;

    RegistrationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False if the NIK has an open or activated registration already (the unique open_nik). */
    public boolean insert(String code, String nik, String fullName, String email, String phone, String servicePoint,
                          Instant at) {
        return jdbc.sql("""
                INSERT IGNORE INTO ikd_registration (code, nik, full_name, email, phone, service_point, state, open_nik,
                    registered_at) VALUES (?, ?, ?, ?, ?, ?, 'REGISTERED', ?, ?)""")
                .params(code, nik, fullName, email, phone, servicePoint, nik, utc(at)).update() == 1;
    }

    public Optional<Row> byCode(String code) {
        return jdbc.sql("SELECT * FROM ikd_registration WHERE code = ?").param(code).query(RegistrationStore::row)
                .optional();
    }

    /** The registration, locked until the transaction ends: face checks and PIN tries on it queue up. */
    public Optional<Row> byCodeForUpdate(String code) {
        return jdbc.sql("SELECT * FROM ikd_registration WHERE code = ? FOR UPDATE").param(code)
                .query(RegistrationStore::row).optional();
    }

    public Optional<RegistrationState> stateOfNik(String nik) {
        return jdbc.sql("SELECT state FROM ikd_registration WHERE open_nik = ?").param(nik)
                .query((rs, n) -> RegistrationState.valueOf(rs.getString(1))).optional();
    }

    /**
     * The registrations of a service point waiting for an officer, oldest first: today's, and any activation still to
     * be archived.
     */
    public List<Row> waiting(String servicePoint, Instant startOfToday) {
        return jdbc.sql("""
                SELECT * FROM ikd_registration WHERE service_point = ?
                AND (state IN ('REGISTERED', 'FACE_FAILED', 'NEEDS_OFFICER', 'FACE_PASSED', 'PIN_SENT')
                     AND registered_at >= ? OR state = 'ACTIVATED')
                ORDER BY registered_at LIMIT 200""").params(servicePoint, utc(startOfToday))
                .query(RegistrationStore::row).list();
    }

    /** The unfinished registrations begun before the day started: the citizen left; each ends EXPIRED. */
    public List<Row> unfinishedBefore(Instant startOfToday, @Nullable String nik) {
        return jdbc.sql("""
                SELECT * FROM ikd_registration WHERE open_nik IS NOT NULL AND registered_at < ?
                AND state IN ('REGISTERED', 'FACE_FAILED', 'NEEDS_OFFICER', 'FACE_PASSED', 'PIN_SENT')
                AND (? IS NULL OR open_nik = ?) LIMIT 1000""")
                .params(utc(startOfToday), nik, nik).query(RegistrationStore::row).list();
    }

    /** One more face check counted where it is stored, never as a number read before. */
    public boolean faceChecked(long id, RegistrationState from, RegistrationState to, BigDecimal score) {
        return jdbc.sql("""
                UPDATE ikd_registration SET state = ?, face_attempts = face_attempts + 1, last_face_score = ?
                WHERE id = ? AND state = ?""")
                .params(to.name(), score, id, from.name()).update() == 1;
    }

    /** A QR code for a face that passed, or to replace a PIN that expired unused. */
    public boolean qrShown(long id, String qrHash, Instant expiresAt, String officer, Instant now) {
        return jdbc.sql("""
                UPDATE ikd_registration SET qr_hash = ?, qr_expires_at = ?, qr_officer = ?
                WHERE id = ? AND (state = 'FACE_PASSED' OR (state = 'PIN_SENT' AND pin_expires_at <= ?))""")
                .params(qrHash, utc(expiresAt), officer, id, utc(now)).update() == 1;
    }

    /** The QR code is used up (single use), the PIN issued; wrong PINs so far still count against the lock. */
    public boolean pinSent(long id, RegistrationState from, String qrHash, String pinHash, Instant pinExpiresAt) {
        return jdbc.sql("""
                UPDATE ikd_registration SET state = 'PIN_SENT', qr_hash = NULL, pin_hash = ?, pin_expires_at = ?,
                    officer = qr_officer
                WHERE id = ? AND state = ? AND qr_hash = ?""")
                .params(pinHash, utc(pinExpiresAt), id, from.name(), qrHash).update() == 1;
    }

    /**
     * One more wrong PIN, counted where it is stored; the one that reaches {@code maxWrongPins} locks it. The count
     * is assigned last, so the lock's test reads the count before this PIN whatever order the server assigns in.
     */
    public void pinFailed(long id, int maxWrongPins) {
        jdbc.sql("""
                UPDATE ikd_registration SET state = IF(pin_failures + 1 >= ?, 'LOCKED', state),
                    open_nik = IF(pin_failures + 1 >= ?, NULL, open_nik), pin_failures = pin_failures + 1
                WHERE id = ? AND state = 'PIN_SENT'""")
                .params(maxWrongPins, maxWrongPins, id).update();
    }

    public boolean activated(long id, Instant at) {
        return jdbc.sql("""
                UPDATE ikd_registration SET state = 'ACTIVATED', activated_at = ?, pin_hash = NULL
                WHERE id = ? AND state = 'PIN_SENT'""").params(utc(at), id).update() == 1;
    }

    /** Ends a registration unactivated (retry later, referred): the NIK may register again. */
    public boolean close(long id, RegistrationState from, RegistrationState to) {
        return jdbc.sql("UPDATE ikd_registration SET state = ?, open_nik = NULL WHERE id = ? AND state = ?")
                .params(to.name(), id, from.name()).update() == 1;
    }

    /** The officer's archive: the NIK stays activated. */
    public boolean archived(long id, Instant at, String officer, String checklist) {
        return jdbc.sql("""
                UPDATE ikd_registration SET state = 'ARCHIVED', archived_at = ?, archived_by = ?, archive_checklist = ?
                WHERE id = ? AND state = 'ACTIVATED'""").params(utc(at), officer, checklist, id).update() == 1;
    }

    public void failure(String servicePoint, @Nullable String registrationCode, @Nullable String officer,
                        IkdFailure reason, Instant at) {
        jdbc.sql("""
                INSERT INTO ikd_failure (service_point, registration_code, officer, reason, occurred_at)
                VALUES (?, ?, ?, ?, ?)""").params(servicePoint, registrationCode, officer, reason.name(), utc(at))
                .update();
    }

    private static Row row(ResultSet rs, int rowNum) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("code"), rs.getString("nik"), rs.getString("full_name"),
                rs.getString("email"), rs.getString("phone"), rs.getString("service_point"),
                RegistrationState.valueOf(rs.getString("state")), rs.getInt("face_attempts"), rs.getString("qr_hash"),
                instantOrNull(rs, "qr_expires_at"), rs.getString("qr_officer"), rs.getString("pin_hash"),
                instantOrNull(rs, "pin_expires_at"), rs.getInt("pin_failures"), instant(rs, "registered_at"),
                instantOrNull(rs, "activated_at"), rs.getString("officer"));
    }
}
