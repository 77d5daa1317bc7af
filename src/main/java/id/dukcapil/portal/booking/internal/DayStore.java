package id.dukcapil.portal.booking.internal;

import id.dukcapil.portal.booking.CalendarDay;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The per-day counter rows ({@code booking_day}). Taking a place is ONE conditional update of the row, in the
 * booking's transaction: the database serialises racing requests on the row lock, and the condition keeps the
 * count at or below the quota whatever the concurrency.
 */
@Component
public class DayStore {

    private static final String DAY_COLUMNS = """
            SELECT d.service_point, d.day, d.quota, d.quota_override, d.reserve, d.booked, d.closed, d.closed_reason""";
    /** The counter row alone: what booking needs, without counting the day's arrivals. */
    private static final String COUNTER = DAY_COLUMNS + ", 0 AS arrived, 0 AS printed FROM booking_day d";
    private static final String CALENDAR = DAY_COLUMNS + """
            ,
                   (SELECT COUNT(*) FROM booking_booking b WHERE b.service_point = d.service_point AND b.day = d.day
                        AND b.arrived_at IS NOT NULL) AS arrived,
                   (SELECT COUNT(*) FROM booking_booking b WHERE b.service_point = d.service_point AND b.day = d.day
                        AND b.status = 'PRINTED') AS printed
            FROM booking_day d""";

    private final JdbcClient jdbc;

    DayStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates the day's row if it is not there yet; a racing creator's row wins, with the same values. */
    public void createIfAbsent(String point, LocalDate day, int quota, int reserve, boolean closed,
                               @Nullable String closedReason) {
        jdbc.sql("""
                INSERT IGNORE INTO booking_day (service_point, day, quota, reserve, booked, issued, closed, closed_reason)
                VALUES (?, ?, ?, ?, 0, 0, ?, ?)""")
                .params(point, day, quota, reserve, closed, closedReason).update();
    }

    /**
     * Takes one place if the day is open and fewer than {@code quota - keptFree} are booked.
     *
     * @param staff whether the reserve may be used
     * @return the queue number given, or empty when the day is closed or full
     */
    public Optional<Taken> take(String point, LocalDate day, boolean staff) {
        int changed = jdbc.sql("UPDATE booking_day SET booked = booked + 1, issued = issued + 1 WHERE service_point = ? "
                        + "AND day = ? AND closed = FALSE AND booked < quota - " + (staff ? "0" : "reserve"))
                .params(point, day).update();
        if (changed == 0) {
            return Optional.empty();
        }
        // The row stays locked by this transaction: the number read is the one this update gave.
        return Optional.of(jdbc.sql("SELECT issued, booked > quota - reserve FROM booking_day WHERE service_point = ? AND day = ?")
                .params(point, day).query((rs, row) -> new Taken(rs.getInt(1), rs.getBoolean(2))).single());
    }

    /**
     * Takes up to {@code wanted} of the places citizens may book, on one locked read and one update of the row:
     * the places of a whole batch of requests at once. The row stays locked until the caller's transaction ends.
     */
    public Places takeForCitizens(String point, LocalDate day, int wanted) {
        Places places = jdbc.sql("""
                SELECT issued + 1, LEAST(?, GREATEST(0, quota - reserve - booked)), closed
                FROM booking_day WHERE service_point = ? AND day = ? FOR UPDATE""")
                .params(wanted, point, day)
                .query((rs, row) -> new Places(rs.getInt(1), rs.getBoolean(3) ? 0 : rs.getInt(2), rs.getBoolean(3)))
                .single();
        if (places.count() > 0) {
            jdbc.sql("UPDATE booking_day SET booked = booked + ?, issued = issued + ? WHERE service_point = ? AND day = ?")
                    .params(places.count(), places.count(), point, day).update();
        }
        return places;
    }

    /** The last queue number the day has given out, read in the caller's transaction. */
    public int issued(String point, LocalDate day) {
        return jdbc.sql("SELECT issued FROM booking_day WHERE service_point = ? AND day = ?").params(point, day)
                .query(Integer.class).single();
    }

    /** Gives a place back (a cancellation, a move to another day). */
    public void release(String point, LocalDate day) {
        jdbc.sql("UPDATE booking_day SET booked = booked - 1 WHERE service_point = ? AND day = ? AND booked > 0")
                .params(point, day).update();
    }

    public Optional<CalendarDay> find(String point, LocalDate day) {
        return jdbc.sql(CALENDAR + " WHERE d.service_point = ? AND d.day = ?").params(point, day)
                .query(DayStore::day).optional();
    }

    /** The day's counter row; its arrived and printed counts are not read (zero). */
    public Optional<CalendarDay> counter(String point, LocalDate day) {
        return jdbc.sql(COUNTER + " WHERE d.service_point = ? AND d.day = ?").params(point, day)
                .query(DayStore::day).optional();
    }

    public List<CalendarDay> range(String point, LocalDate from, LocalDate to) {
        return jdbc.sql(CALENDAR + " WHERE d.service_point = ? AND d.day BETWEEN ? AND ? ORDER BY d.day")
                .params(point, from, to).query(DayStore::day).list();
    }

    /** The point's days from {@code from} on, in day order, locked for a recount or a change of opening days. */
    public List<CalendarDay> daysFromForUpdate(String point, LocalDate from) {
        return jdbc.sql(COUNTER + " WHERE d.service_point = ? AND d.day >= ? ORDER BY d.day FOR UPDATE")
                .params(point, from).query(DayStore::day).list();
    }

    public void setQuota(String point, LocalDate day, int quota, int reserve) {
        jdbc.sql("UPDATE booking_day SET quota = ?, reserve = ? WHERE service_point = ? AND day = ?")
                .params(quota, reserve, point, day).update();
    }

    public void setOverride(String point, LocalDate day, @Nullable Integer quota) {
        jdbc.sql("UPDATE booking_day SET quota_override = ? WHERE service_point = ? AND day = ?")
                .params(quota, point, day).update();
    }

    public void close(String point, LocalDate day, String reason) {
        jdbc.sql("UPDATE booking_day SET closed = TRUE, closed_reason = ? WHERE service_point = ? AND day = ?")
                .params(reason, point, day).update();
    }

    public void reopen(String point, LocalDate day) {
        jdbc.sql("UPDATE booking_day SET closed = FALSE, closed_reason = NULL WHERE service_point = ? AND day = ?")
                .params(point, day).update();
    }

    /** Open bookings on the point's days in {@code [from, before)}: cards already promised before a day. */
    public int openBookingsBetween(String point, LocalDate from, LocalDate before) {
        return jdbc.sql("SELECT COALESCE(SUM(booked), 0) FROM booking_day WHERE service_point = ? AND day >= ? AND day < ?")
                .params(point, from, before).query(Integer.class).single();
    }

    /** Every point's counter row for the day (no arrivals counted): the places-left meter's one read (decision 178). */
    public List<CalendarDay> countersOn(LocalDate day) {
        return jdbc.sql(COUNTER + " WHERE d.day = ?").param(day).query(DayStore::day).list();
    }

    /** Points that have a row for the day (a national holiday closes each of them). */
    public List<String> pointsWithRow(LocalDate day) {
        return jdbc.sql("SELECT service_point FROM booking_day WHERE day = ?").param(day).query(String.class).list();
    }

    private static CalendarDay day(ResultSet rs, int row) throws SQLException {
        return new CalendarDay(rs.getString("service_point"), rs.getObject("day", LocalDate.class), rs.getInt("quota"),
                rs.getObject("quota_override", Integer.class), rs.getInt("reserve"), rs.getInt("booked"),
                rs.getInt("arrived"), rs.getInt("printed"), rs.getBoolean("closed"), rs.getString("closed_reason"));
    }

    /** A counter row read by another store's query (with {@code 0 AS arrived, 0 AS printed}, as {@link #counter}). */
    static CalendarDay counterRow(ResultSet rs) throws SQLException {
        return day(rs, 0);
    }

    /** Places taken together: queue numbers {@code firstQueueNumber} to {@code firstQueueNumber + count - 1}. */
    public record Places(int firstQueueNumber, int count, boolean closed) {
    }

    /** @param fromReserve whether the place came out of the staff reserve */
    public record Taken(int queueNumber, boolean fromReserve) {
    }
}
