package id.dukcapil.portal.booking.internal;

import id.dukcapil.portal.booking.Booking;
import id.dukcapil.portal.booking.BookingStatus;
import id.dukcapil.portal.booking.CalendarDay;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The booking's SQL beside its repository (decisions 171, 193, table by table): what a decision measured on the
 * booking burst's path (the batched inserts and the idempotency keys, decisions 046 and 117; the
 * request's one-round-trip check, decision 110; the lightest request's read by code, decision 114), the import's
 * conditional mark of a resident gone and the reminder's claim (no change of the booking: neither moves its
 * version), and the counts the calendar and the daily summary roll up. Every change of a booking's state is the
 * entity's ({@link BookingEntity}).
 */
public interface BookingSql {

    /** Inserts open bookings in one batch; a unique key refusing one of them fails the whole batch. */
    void insertAll(List<NewBooking> rows);

    /** The ids of bookings by their codes. */
    Map<String, Long> idsOf(List<String> codes);

    /** Records idempotency keys with the bookings they made, in one batch; a key used meanwhile fails it. */
    void keysUsed(List<KeyClaim> claims);

    /**
     * A booking by its code, as a record read by its columns' places: the citizens' lightest request (decision 114),
     * no entity and no persistence context.
     */
    Optional<Booking> byCode(String code);

    Optional<String> openCodeOf(String nik);

    /**
     * Everything a citizen's request is checked against, in one round trip (decision 110): the NIK's open booking,
     * whom the account has booked for, whether the idempotency key was used, and the day's counter row if it exists.
     */
    Standing standing(long citizenId, String nik, String owner, @Nullable String idempotencyKey, String point,
                      LocalDate day);

    /**
     * Marks an open booking as of a resident the register no longer lists, or clears the mark ({@code at} null);
     * false if the booking closed meanwhile or was already so. Not a change of the booking: its version stays.
     */
    boolean markResidentGone(long id, @Nullable Instant at);

    /**
     * Open bookings of a day not yet reminded, made before {@code bookedBefore} (one made the day before has just
     * had its ticket), oldest first. Staff-made bookings too: their resident may have an address in the register.
     */
    List<Booking> toRemind(LocalDate day, Instant bookedBefore, int limit);

    void reminded(long id, Instant at);

    /** A booking moved to another day is reminded of its new day. */
    void reminderForgotten(long id);

    /** Counts per status of a point's day: the daily summary. */
    List<StatusCount> counts(String point, LocalDate day);

    Optional<KeyUse> keyUse(String owner, String key);

    /** Open bookings (booked or arrived) of the point's days in {@code [from, before)}. */
    int openBetween(String point, LocalDate from, LocalDate before);

    List<DayCount> openPerDay(String point, LocalDate from);

    /** A booking to insert; a clerk's has no citizen. */
    record NewBooking(String code, String nik, String residentName, String point, LocalDate day, int queueNumber,
                      @Nullable Long citizenId, String bookedBy, boolean fromReserve, Instant at) {
    }

    record KeyClaim(String owner, String key, String requestHash, Instant at, long bookingId) {
    }

    record DayCount(LocalDate day, int count) {
    }

    record StatusCount(BookingStatus status, int count, int spoiled) {
    }

    /**
     * @param openCode     the code of the NIK's open booking, if it has one
     * @param people       how many different NIKs the account has booked for
     * @param bookedBefore whether the account has booked for this NIK before
     * @param keyUsed      whether the account's idempotency key has made a booking already
     * @param day          the day's counter row, or null before anyone asked for the day
     */
    record Standing(@Nullable String openCode, int people, boolean bookedBefore, boolean keyUsed,
                           @Nullable CalendarDay day) {
    }

    /** @param bookingId null while the first request with the key has not committed */
    record KeyUse(String requestHash, @Nullable Long bookingId) {
    }
}
