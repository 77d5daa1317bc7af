package id.dukcapil.portal.booking.internal;

import static id.dukcapil.portal.shared.jdbc.UtcColumns.utc;
import static id.dukcapil.portal.shared.jdbc.UtcColumns.instant;
import static id.dukcapil.portal.shared.jdbc.UtcColumns.instantOrNull;

import id.dukcapil.portal.booking.Booking;
import id.dukcapil.portal.booking.CalendarDay;
import id.dukcapil.portal.booking.BookingStatus;
import id.dukcapil.portal.shared.RuleViolation;
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
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** The bookings ({@code booking_booking}) and the idempotency keys of the requests that made them. */
@Component
public class BookingStore {

    private static final String COLUMNS = """
            SELECT id, code, nik, resident_name, service_point, day, queue_number, status, citizen_id, booked_by,
                   from_reserve, created_at, arrived_at, finished_at, spoiled, outcome_reason, outcome_note
            FROM booking_booking""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    BookingStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Inserts an open booking; the unique keys refuse a second open booking of the NIK and a repeated code. */
    public long insert(String code, String nik, String residentName, String point, LocalDate day, int queueNumber,
                       @Nullable Long citizenId, String bookedBy, boolean fromReserve, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO booking_booking (code, nik, open_nik, resident_name, service_point, day, queue_number, status,
                    citizen_id, booked_by, from_reserve, created_at, spoiled)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'BOOKED', ?, ?, ?, ?, 0)""")
                .params(code, nik, nik, residentName, point, day, queueNumber, citizenId, bookedBy, fromReserve, utc(at))
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    /** Inserts open bookings in one batch; a unique key refusing one of them fails the whole batch. */
    public void insertAll(List<NewBooking> rows) {
        batch.batchUpdate("""
                INSERT INTO booking_booking (code, nik, open_nik, resident_name, service_point, day, queue_number, status,
                    citizen_id, booked_by, from_reserve, created_at, spoiled)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'BOOKED', ?, ?, FALSE, ?, 0)""", rows.stream()
                .map(row -> new Object[] {row.code(), row.nik(), row.nik(), row.residentName(), row.point(), row.day(),
                        row.queueNumber(), row.citizenId(), row.bookedBy(), utc(row.at())})
                .toList());
    }

    /** The ids of bookings by their codes. */
    public Map<String, Long> idsOf(List<String> codes) {
        return jdbc.sql("SELECT code, id FROM booking_booking WHERE code IN (:codes)").param("codes", codes)
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Records idempotency keys with the bookings they made, in one batch; a key used meanwhile fails it. */
    public void keysUsed(List<KeyClaim> claims) {
        batch.batchUpdate("INSERT INTO booking_idempotency (owner, idem_key, request_hash, created_at, booking_id) "
                        + "VALUES (?, ?, ?, ?, ?)", claims.stream()
                .map(claim -> new Object[] {claim.owner(), claim.key(), claim.requestHash(), utc(claim.at()), claim.bookingId()})
                .toList());
    }

    public Optional<Booking> byId(long id) {
        return jdbc.sql(COLUMNS + " WHERE id = ?").param(id).query(BookingStore::booking).optional();
    }

    public Optional<Booking> byCode(String code) {
        return jdbc.sql(COLUMNS + " WHERE code = ?").param(code).query(BookingStore::booking).optional();
    }

    public Optional<Booking> byCodeForUpdate(String code) {
        return jdbc.sql(COLUMNS + " WHERE code = ? FOR UPDATE").param(code).query(BookingStore::booking).optional();
    }

    public Optional<String> openCodeOf(String nik) {
        return jdbc.sql("SELECT code FROM booking_booking WHERE open_nik = ?").param(nik).query(String.class).optional();
    }

    /**
     * Everything a citizen's request is checked against, in one round trip (decision 110): the NIK's open booking,
     * whom the account has booked for, whether the idempotency key was used, and the day's counter row if it exists.
     */
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

    /** A citizen's bookings, newest first. */
    public List<Booking> ofCitizen(long citizenId, int limit) {
        return jdbc.sql(COLUMNS + " WHERE citizen_id = ? ORDER BY created_at DESC, id DESC LIMIT ?")
                .params(citizenId, limit).query(BookingStore::booking).list();
    }

    public List<Booking> ofDay(String point, LocalDate day, List<BookingStatus> statuses) {
        return jdbc.sql(COLUMNS + " WHERE service_point = ? AND day = ? AND status IN (:statuses) ORDER BY queue_number"
                        .replace(":statuses", String.join(",", statuses.stream().map(s -> "'" + s.name() + "'").toList())))
                .params(point, day).query(BookingStore::booking).list();
    }

    /**
     * A day's bookings at a point, each with whether it is of a resident gone: the open ones first (the next to come
     * on top), then the closed ones, each in queue order.
     */
    public List<MarkedBooking> queueOfDay(String point, LocalDate day) {
        return jdbc.sql(COLUMNS.replace("FROM booking_booking", ", resident_gone_at IS NOT NULL AS resident_gone FROM booking_booking")
                        + " WHERE service_point = ? AND day = ? ORDER BY open_nik IS NULL, queue_number")
                .params(point, day)
                .query((rs, row) -> new MarkedBooking(booking(rs, row), rs.getBoolean("resident_gone"))).list();
    }

    /** The open bookings of these NIKs, each with whether it is marked as of a resident gone. */
    public List<MarkedBooking> openOf(List<String> niks) {
        if (niks.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(COLUMNS.replace("FROM booking_booking", ", resident_gone_at IS NOT NULL AS resident_gone FROM booking_booking")
                        + " WHERE open_nik IN (:niks)").param("niks", niks)
                .query((rs, row) -> new MarkedBooking(booking(rs, row), rs.getBoolean("resident_gone"))).list();
    }

    public record MarkedBooking(Booking booking, boolean residentGone) {
    }

    /**
     * Marks an open booking as of a resident the register no longer lists, or clears the mark ({@code at} null);
     * false if the booking closed meanwhile or was already so.
     */
    public boolean markResidentGone(long id, @Nullable Instant at) {
        return jdbc.sql("UPDATE booking_booking SET resident_gone_at = ? WHERE id = ? AND open_nik IS NOT NULL "
                + "AND (resident_gone_at IS NULL) = ?").params(at == null ? null : utc(at), id, at != null).update() == 1;
    }

    /**
     * The bookings at the point from the day on whose resident the register no longer lists: the open ones and those
     * cancelled for it ({@code reasonCancelled}).
     */
    public List<Booking> withResidentGone(String point, LocalDate from, String reasonCancelled) {
        return jdbc.sql(COLUMNS + " WHERE service_point = ? AND day >= ? AND resident_gone_at IS NOT NULL "
                        + "AND (open_nik IS NOT NULL OR status = 'CANCELLED' AND outcome_reason = ?) "
                        + "ORDER BY day, queue_number")
                .params(point, from, reasonCancelled).query(BookingStore::booking).list();
    }

    /**
     * The one write of a booking's state (decision 173): the change its {@link Booking} method allowed, made only if
     * the booking is still in the state and on the day it was read with. Leaving the open states frees the NIK for a
     * new booking; a move gives the new day and queue number. False if somebody changed the booking meanwhile: nothing
     * is written, and the caller decides again on a fresh read ({@link #changeOrDecideAgain}) or refuses in words.
     */
    public boolean change(Booking.Change change) {
        if (change.move()) {
            return jdbc.sql("""
                    UPDATE booking_booking SET day = ?, queue_number = ?, reminded_at = NULL
                    WHERE id = ? AND status = ? AND day = ?""")
                    .params(change.newDay(), change.newQueueNumber(), change.id(), change.from().name(), change.day())
                    .update() == 1;
        }
        if (change.to().open()) {
            return jdbc.sql("UPDATE booking_booking SET status = ?, arrived_at = ? WHERE id = ? AND status = ? AND day = ?")
                    .params(change.to().name(), utc(change.at()), change.id(), change.from().name(), change.day())
                    .update() == 1;
        }
        return jdbc.sql("""
                UPDATE booking_booking SET status = ?, open_nik = NULL, finished_at = ?, outcome_reason = ?, outcome_note = ?
                WHERE id = ? AND status = ? AND day = ?""")
                .params(change.to().name(), utc(change.at()), change.reason(), change.note(), change.id(),
                        change.from().name(), change.day())
                .update() == 1;
    }

    /**
     * For a change decided on a booking read with its lock ({@code FOR UPDATE}): nobody changes it meanwhile, and should
     * the write find it changed all the same, the user is told so in words rather than the change made over it.
     */
    public void changeOrRefuse(Booking.Change change) {
        if (!change(change)) {
            throw new RuleViolation("booking.changed-meanwhile", change.booking().code());
        }
    }

    /**
     * For a change decided on a booking read without a lock (a job, an event listener): written if the booking is still
     * as read; if somebody changed it meanwhile, the booking is read again, locked, and the change decided once more on
     * what it is now (a booking checked in meanwhile is no longer cancelled for a resident gone). The change written,
     * or empty when the booking no longer allows it.
     */
    public Optional<Booking.Change> changeOrDecideAgain(Booking.Change change) {
        if (change(change)) {
            return Optional.of(change);
        }
        Optional<Booking.Change> again = jdbc.sql(COLUMNS + " WHERE id = ? FOR UPDATE").param(change.id())
                .query(BookingStore::booking).optional().flatMap(change::decidedAgainOn);
        // Locked: nobody changes it between this read and the write, so this write cannot miss.
        again.ifPresent(this::changeOrRefuse);
        return again;
    }

    public void spoiled(long id) {
        jdbc.sql("UPDATE booking_booking SET spoiled = spoiled + 1 WHERE id = ?").param(id).update();
    }

    /**
     * Open bookings of a day not yet reminded, made before {@code bookedBefore} (one made the day before has just
     * had its ticket), oldest first. Staff-made bookings too: their resident may have an address in the register.
     */
    public List<Booking> toRemind(LocalDate day, Instant bookedBefore, int limit) {
        return jdbc.sql(COLUMNS + " WHERE day = ? AND status = 'BOOKED' AND reminded_at IS NULL AND created_at < ? "
                        + "ORDER BY id LIMIT ?")
                .params(day, utc(bookedBefore), limit).query(BookingStore::booking).list();
    }

    public void reminded(long id, Instant at) {
        jdbc.sql("UPDATE booking_booking SET reminded_at = ? WHERE id = ?").params(utc(at), id).update();
    }

    /** Counts per status of a point's day: the daily summary. */
    public List<StatusCount> counts(String point, LocalDate day) {
        return jdbc.sql("SELECT status, COUNT(*), COALESCE(SUM(spoiled), 0) FROM booking_booking "
                        + "WHERE service_point = ? AND day = ? GROUP BY status")
                .params(point, day)
                .query((rs, row) -> new StatusCount(BookingStatus.valueOf(rs.getString(1)), rs.getInt(2), rs.getInt(3)))
                .list();
    }

    /**
     * Claims the idempotency key for this request. A concurrent request with the same key waits here on the
     * key's row lock until the first one commits (then it finds the booking) or rolls back (then it goes on).
     *
     * @return false when the key was used before
     */
    public boolean claimKey(String owner, String key, String requestHash, Instant at) {
        return jdbc.sql("INSERT IGNORE INTO booking_idempotency (owner, idem_key, request_hash, created_at) VALUES (?, ?, ?, ?)")
                .params(owner, key, requestHash, utc(at)).update() == 1;
    }

    public Optional<KeyUse> keyUse(String owner, String key) {
        return jdbc.sql("SELECT request_hash, booking_id FROM booking_idempotency WHERE owner = ? AND idem_key = ?")
                .params(owner, key)
                .query((rs, row) -> new KeyUse(rs.getString(1), rs.getObject(2, Long.class))).optional();
    }

    public void keyUsedFor(String owner, String key, long bookingId) {
        jdbc.sql("UPDATE booking_idempotency SET booking_id = ? WHERE owner = ? AND idem_key = ?")
                .params(bookingId, owner, key).update();
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

    /** Open bookings (booked or arrived) of the point's days in {@code [from, before)}. */
    public int openBetween(String point, LocalDate from, LocalDate before) {
        return jdbc.sql("SELECT COUNT(*) FROM booking_booking WHERE service_point = ? AND day >= ? AND day < ? "
                        + "AND status IN ('BOOKED', 'ARRIVED')")
                .params(point, from, before).query(Integer.class).single();
    }

    public List<DayCount> openPerDay(String point, LocalDate from) {
        return jdbc.sql("SELECT day, COUNT(*) FROM booking_booking WHERE service_point = ? AND day >= ? "
                        + "AND status IN ('BOOKED', 'ARRIVED') GROUP BY day")
                .params(point, from)
                .query((rs, row) -> new DayCount(rs.getObject(1, LocalDate.class), rs.getInt(2))).list();
    }

    /** A citizen's booking to insert. */
    public record NewBooking(String code, String nik, String residentName, String point, LocalDate day, int queueNumber,
                             long citizenId, String bookedBy, Instant at) {
    }

    public record KeyClaim(String owner, String key, String requestHash, Instant at, long bookingId) {
    }

    public record DayCount(LocalDate day, int count) {
    }

    public record StatusCount(BookingStatus status, int count, int spoiled) {
    }

    /**
     * @param openCode     the code of the NIK's open booking, if it has one
     * @param people       how many different NIKs the account has booked for
     * @param bookedBefore whether the account has booked for this NIK before
     * @param keyUsed      whether the account's idempotency key has made a booking already
     * @param day          the day's counter row, or null before anyone asked for the day
     */
    public record Standing(@Nullable String openCode, int people, boolean bookedBefore, boolean keyUsed,
                           @Nullable CalendarDay day) {
    }

    /** @param bookingId null while the first request with the key has not committed */
    public record KeyUse(String requestHash, @Nullable Long bookingId) {
    }
}
