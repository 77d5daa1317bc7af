package id.dukcapil.portal.booking.internal;

import static id.dukcapil.portal.shared.jdbc.UtcColumns.utc;
import static id.dukcapil.portal.shared.jdbc.UtcColumns.instant;
import static id.dukcapil.portal.shared.jdbc.UtcColumns.instantOrNull;

import id.dukcapil.portal.booking.Booking;
import id.dukcapil.portal.booking.CalendarDay;
import id.dukcapil.portal.booking.BookingStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link BookingSql} with {@code JdbcClient} and, for the burst's batches, {@code JdbcTemplate}. */
class BookingSqlImpl implements BookingSql {

    private static final String COLUMNS = """
            SELECT id, code, nik, resident_name, service_point, day, queue_number, status, citizen_id, booked_by,
                   from_reserve, created_at, arrived_at, finished_at, spoiled, outcome_reason, outcome_note
            FROM booking_booking""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    BookingSqlImpl(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    @Override
    public void insertAll(List<NewBooking> rows) {
        batch.batchUpdate("""
                INSERT INTO booking_booking (code, nik, open_nik, resident_name, service_point, day, queue_number, status,
                    citizen_id, booked_by, from_reserve, created_at, spoiled)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'BOOKED', ?, ?, ?, ?, 0)""", rows.stream()
                .map(row -> new Object[] {row.code(), row.nik(), row.nik(), row.residentName(), row.point(), row.day(),
                        row.queueNumber(), row.citizenId(), row.bookedBy(), row.fromReserve(), utc(row.at())})
                .toList());
    }

    @Override
    public Map<String, Long> idsOf(List<String> codes) {
        return jdbc.sql("SELECT code, id FROM booking_booking WHERE code IN (:codes)").param("codes", codes)
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Override
    public void keysUsed(List<KeyClaim> claims) {
        batch.batchUpdate("INSERT INTO booking_idempotency (owner, idem_key, request_hash, created_at, booking_id) "
                        + "VALUES (?, ?, ?, ?, ?)", claims.stream()
                .map(claim -> new Object[] {claim.owner(), claim.key(), claim.requestHash(), utc(claim.at()), claim.bookingId()})
                .toList());
    }

    @Override
    public Optional<Booking> byCode(String code) {
        return jdbc.sql(COLUMNS + " WHERE code = ?").param(code).query(BookingSqlImpl::booking).optional();
    }

    @Override
    public Optional<String> openCodeOf(String nik) {
        return jdbc.sql("SELECT code FROM booking_booking WHERE open_nik = ?").param(nik).query(String.class).optional();
    }

    @Override
    public Standing standing(long citizenId, String nik, String owner, @Nullable String idempotencyKey, String point,
                             LocalDate day) {
        return jdbc.sql("""
                SELECT (SELECT code FROM booking_booking WHERE open_nik = ?) AS open_code,
                       (SELECT COUNT(DISTINCT nik) FROM booking_booking WHERE citizen_id = ?) AS people,
                       EXISTS (SELECT 1 FROM booking_booking WHERE citizen_id = ? AND nik = ?) AS booked_before,
                       EXISTS (SELECT 1 FROM booking_idempotency WHERE owner = ? AND idem_key = ?) AS key_used,
                       d.service_point, d.day, d.quota, d.quota_override, d.reserve, d.booked, d.closed, d.closed_reason,
                       0 AS arrived, 0 AS printed
                FROM (SELECT 1) AS one
                LEFT JOIN booking_day d ON d.service_point = ? AND d.day = ?""")
                // No key is asked for as the empty string, which is never one: a null parameter costs the driver a round trip.
                .params(nik, citizenId, citizenId, nik, owner, idempotencyKey == null ? "" : idempotencyKey, point, day)
                .query((rs, row) -> new Standing(rs.getString("open_code"), rs.getInt("people"),
                        rs.getBoolean("booked_before"), rs.getBoolean("key_used"),
                        rs.getString("service_point") == null ? null : DayStore.counterRow(rs)))
                .single();
    }

    @Override
    public boolean markResidentGone(long id, @Nullable Instant at) {
        return jdbc.sql("UPDATE booking_booking SET resident_gone_at = ? WHERE id = ? AND open_nik IS NOT NULL "
                + "AND (resident_gone_at IS NULL) = ?").params(at == null ? null : utc(at), id, at != null).update() == 1;
    }

    @Override
    public List<Booking> toRemind(LocalDate day, Instant bookedBefore, int limit) {
        return jdbc.sql(COLUMNS + " WHERE day = ? AND status = 'BOOKED' AND reminded_at IS NULL AND created_at < ? "
                        + "ORDER BY id LIMIT ?")
                .params(day, utc(bookedBefore), limit).query(BookingSqlImpl::booking).list();
    }

    @Override
    public void reminded(long id, Instant at) {
        jdbc.sql("UPDATE booking_booking SET reminded_at = ? WHERE id = ?").params(utc(at), id).update();
    }

    @Override
    public void reminderForgotten(long id) {
        jdbc.sql("UPDATE booking_booking SET reminded_at = NULL WHERE id = ?").param(id).update();
    }

    @Override
    public List<StatusCount> counts(String point, LocalDate day) {
        return jdbc.sql("SELECT status, COUNT(*), COALESCE(SUM(spoiled), 0) FROM booking_booking "
                        + "WHERE service_point = ? AND day = ? GROUP BY status")
                .params(point, day)
                .query((rs, row) -> new StatusCount(BookingStatus.valueOf(rs.getString(1)), rs.getInt(2), rs.getInt(3)))
                .list();
    }

    @Override
    public Optional<KeyUse> keyUse(String owner, String key) {
        return jdbc.sql("SELECT request_hash, booking_id FROM booking_idempotency WHERE owner = ? AND idem_key = ?")
                .params(owner, key)
                .query((rs, row) -> new KeyUse(rs.getString(1), rs.getObject(2, Long.class))).optional();
    }

    @Override
    public int openBetween(String point, LocalDate from, LocalDate before) {
        return jdbc.sql("SELECT COUNT(*) FROM booking_booking WHERE service_point = ? AND day >= ? AND day < ? "
                        + "AND status IN ('BOOKED', 'ARRIVED')")
                .params(point, from, before).query(Integer.class).single();
    }

    @Override
    public List<DayCount> openPerDay(String point, LocalDate from) {
        return jdbc.sql("SELECT day, COUNT(*) FROM booking_booking WHERE service_point = ? AND day >= ? "
                        + "AND status IN ('BOOKED', 'ARRIVED') GROUP BY day")
                .params(point, from)
                .query((rs, row) -> new DayCount(rs.getObject(1, LocalDate.class), rs.getInt(2))).list();
    }

    /**
     * A row of {@link #COLUMNS}, read by position in its order: a column read by name makes the driver build a map
     * of the result's column names first: a tenth of the time the citizens' lightest request spends reading its
     * booking (decision 114).
     */
    private static Booking booking(ResultSet rs, int row) throws SQLException {
        return new Booking(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getObject(6, LocalDate.class), rs.getInt(7), BookingStatus.valueOf(rs.getString(8)),
                rs.getObject(9, Long.class), rs.getString(10), rs.getBoolean(11), instant(rs, 12),
                instantOrNull(rs, 13), instantOrNull(rs, 14), rs.getInt(15), rs.getString(16), rs.getString(17));
    }
}
