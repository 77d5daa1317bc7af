package id.dukcapil.portal.booking.internal;

import id.dukcapil.portal.booking.Booking;
import id.dukcapil.portal.booking.BookingStatus;
import id.dukcapil.portal.booking.CannotPrintReason;
import id.dukcapil.portal.shared.RuleViolation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A booking through its life (SOP A): checked in at the counter, printed or not, or cancelled, or moved to another
 * day. Each change is one method here that applies its row of {@link BookingTransition} and refuses, in words, a
 * change the state does not allow; nothing else writes {@code status} (decisions 173, 193). The counter and the
 * citizen load it locked ({@link BookingRepository#findLockedByCode}); the jobs and the register's listener load a
 * day's or a list's bookings locked; and {@code version} makes a write over an older read fail rather than win, so a
 * check-in is never overwritten by a cancellation decided before it.
 *
 * <p>A booking is made by the burst's batched insert ({@link BookingSql#insertAll}, decision 046) or its one-row
 * insert, never persisted through here: the entity begins its life as BOOKED, version 0, and is read from then on.
 */
@Entity
@Table(name = "booking_booking")
public class BookingEntity {

    @Id
    private long id;
    private String code;
    private String nik;
    /** The NIK while the booking is open, null after: the unique key that allows one open booking per NIK. */
    private @Nullable String openNik;
    private String residentName;
    private String servicePoint;
    private LocalDate day;
    private int queueNumber;
    @Enumerated(EnumType.STRING)
    private BookingStatus status;
    private @Nullable Long citizenId;
    private String bookedBy;
    private boolean fromReserve;
    private Instant createdAt;
    private @Nullable Instant arrivedAt;
    private @Nullable Instant finishedAt;
    private int spoiled;
    private @Nullable String outcomeReason;
    private @Nullable String outcomeNote;
    /** Marked and cleared by an import of the register ({@link BookingSql#markResidentGone}): no change of the booking. */
    @Column(insertable = false, updatable = false)
    private @Nullable Instant residentGoneAt;
    @Version
    private int version;

    protected BookingEntity() {
        this.code = "";
        this.nik = "";
        this.residentName = "";
        this.servicePoint = "";
        this.day = LocalDate.EPOCH;
        this.status = BookingStatus.BOOKED;
        this.bookedBy = "";
        this.createdAt = Instant.EPOCH;
    }

    /** A booking as it was read, for the state machine's own tests (no database): never persisted. */
    BookingEntity(Booking read) {
        this.id = read.id();
        this.code = read.code();
        this.nik = read.nik();
        this.openNik = read.status().open() ? read.nik() : null;
        this.residentName = read.residentName();
        this.servicePoint = read.servicePoint();
        this.day = read.day();
        this.queueNumber = read.queueNumber();
        this.status = read.status();
        this.citizenId = read.citizenId();
        this.bookedBy = read.bookedBy();
        this.fromReserve = read.fromReserve();
        this.createdAt = read.createdAt();
        this.arrivedAt = read.arrivedAt();
        this.finishedAt = read.finishedAt();
        this.spoiled = read.spoiled();
        this.outcomeReason = read.outcomeReason();
        this.outcomeNote = read.outcomeNote();
    }

    public Booking toRecord() {
        return new Booking(id, code, nik, residentName, servicePoint, day, queueNumber, status, citizenId, bookedBy,
                fromReserve, createdAt, arrivedAt, finishedAt, spoiled, outcomeReason, outcomeNote);
    }

    /** Whether an import of the register has marked the resident gone (decision 099). */
    public boolean residentGone() {
        return residentGoneAt != null;
    }

    /** Whether the citizen account made the booking (a staff-made one has none). */
    public boolean bookedByCitizen(long citizen) {
        return citizenId != null && citizenId == citizen;
    }

    /** Whether the booking's state allows the change. */
    public boolean allows(BookingTransition transition) {
        return transition.allowedFrom(status);
    }

    /** The citizen is at the counter: checked in. Only a booking still waiting. */
    public void arrive(Instant at) {
        apply(BookingTransition.CHECK_IN);
        arrivedAt = at;
    }

    /** The card is printed. Only a booking checked in. */
    public void print(Instant at) {
        close(BookingTransition.PRINT, at, null, null);
    }

    /** The card cannot be printed, why and the advice given. Only a booking checked in. */
    public void cannotPrint(CannotPrintReason reason, @Nullable String note, Instant at) {
        close(BookingTransition.CANNOT_PRINT, at, reason.name(), note);
    }

    /** Refuses, in words, a card printed for a booking not checked in: before a card leaves the stock. */
    public void awaitingPrint() {
        refuseUnless(BookingTransition.PRINT);
    }

    /** A card spoiled in the printer: counted, and the card may be printed again; no change of state. */
    public void cardSpoiled() {
        spoiled++;
    }

    /** Nobody came by the day's end. Only a booking still waiting. */
    public void markNoShow(Instant at) {
        close(BookingTransition.NO_SHOW, at, null, null);
    }

    /** The citizen cancels. Only a booking still waiting (until the day before: the service's rule). */
    public void cancelByCitizen(Instant at) {
        close(BookingTransition.CANCEL_BY_CITIZEN, at, null, null);
    }

    /** The day closed, for the reason the planner gave (or the holiday's name). A booking waiting or checked in. */
    public void cancelForClosedDay(String why, Instant at) {
        close(BookingTransition.CANCEL_FOR_CLOSED_DAY, at, null, why);
    }

    /** The register no longer lists the resident. Only a booking still waiting: one checked in stays with the counter. */
    public void cancelForResidentGone(Instant at) {
        close(BookingTransition.CANCEL_FOR_RESIDENT_GONE, at, null, null);
    }

    /**
     * Moved to another day with that day's queue number. Only a booking still waiting. Its reminder is for the new
     * day: the caller forgets the old one's ({@link BookingSql#reminderForgotten}).
     */
    public void moveTo(LocalDate newDay, int newQueueNumber) {
        apply(BookingTransition.MOVE);
        day = newDay;
        queueNumber = newQueueNumber;
    }

    /** Leaving the open states frees the NIK for a new booking. */
    private void close(BookingTransition transition, Instant at, @Nullable String reason, @Nullable String note) {
        apply(transition);
        openNik = null;
        finishedAt = at;
        outcomeReason = transition.outcomeReason() != null ? transition.outcomeReason() : reason;
        outcomeNote = note;
    }

    private void apply(BookingTransition transition) {
        refuseUnless(transition);
        status = transition.to();
    }

    private void refuseUnless(BookingTransition transition) {
        if (!allows(transition)) {
            throw new RuleViolation(List.of(transition.refusalKey(), BookingTransition.standsKey(status)), code);
        }
    }

    public long id() {
        return id;
    }

    public String code() {
        return code;
    }

    public BookingStatus status() {
        return status;
    }

    public LocalDate day() {
        return day;
    }

    public String servicePoint() {
        return servicePoint;
    }
}
