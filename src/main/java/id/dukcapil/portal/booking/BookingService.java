package id.dukcapil.portal.booking;

import id.dukcapil.portal.audit.Actor;
import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.CurrentActor;
import id.dukcapil.portal.audit.PersonalData;
import id.dukcapil.portal.audit.PersonalDataViews;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.booking.internal.BookingCodes;
import id.dukcapil.portal.booking.internal.BookingMeters;
import id.dukcapil.portal.booking.internal.BookingEntity;
import id.dukcapil.portal.booking.internal.BookingRepository;
import id.dukcapil.portal.booking.internal.BookingSql;
import id.dukcapil.portal.booking.internal.BookingTransition;
import id.dukcapil.portal.booking.internal.BookingWriter;
import id.dukcapil.portal.booking.internal.BookingsTogether;
import id.dukcapil.portal.booking.internal.DayStore;
import id.dukcapil.portal.booking.internal.PendingBooking;
import id.dukcapil.portal.population.PopulationRegistry;
import id.dukcapil.portal.population.Resident;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.Sha256;
import id.dukcapil.portal.shared.throttle.Limit;
import id.dukcapil.portal.shared.throttle.Throttle;
import id.dukcapil.portal.shared.throttle.Throttles;
import id.dukcapil.portal.shared.tx.WriteRetries;
import id.dukcapil.portal.sla.SopStep;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bookings, never more than the day's quota whatever the concurrency: citizens' requests for one day are booked
 * together, a batch per transaction on one locked read of the day's counter row (decision 046,
 * {@code internal.BookingsTogether}); a clerk's booking, and a request a batch could not take, on one conditional
 * update of that row (decision 041). One open booking per NIK (a unique key); a retry with the same idempotency
 * key is answered with the booking the first request made; cancelled or moved until the day before. A citizen
 * proves the person with the family card's number, books for a family's worth of people at most, and is
 * throttled per account and per client address (decision 068).
 */
@Service
public class BookingService {

    public static final int IDEMPOTENCY_KEY_MAX_LENGTH = 100;
    public static final int HISTORY_LIMIT = 50;
    /** Booking requests of one account (a family's bookings, their retries and moves with room to spare). */
    public static final Limit REQUESTS_PER_ACCOUNT = Limit.of(60, Duration.ofHours(1));
    /** Booking requests from one client address (many phones may share a carrier's address). */
    public static final Limit REQUESTS_PER_CLIENT = Limit.of(300, Duration.ofHours(1));
    /** NIK and KK number that do not name one person, per account: guessing a family card stops here. */
    public static final Limit UNPROVEN_PER_ACCOUNT = Limit.of(5, Duration.ofHours(1));
    static final String STAFF = "hasAnyRole('" + Roles.OPERATOR + "','" + Roles.PRINT_OPERATOR + "','"
            + Roles.PLANNER + "','" + Roles.MANAGER + "','" + Roles.ADMIN + "')";

    private final BookingRepository bookings;
    private final DayStore days;
    private final BookingWriter writer;
    private final QuotaCalendarService calendar;
    private final PopulationRegistry registry;
    private final ApplicationEventPublisher events;
    private final AuditLog auditLog;
    private final CurrentActor currentActor;
    private final Foreground foreground;
    private final BookingsTogether together;
    private final TransactionTemplate transactions;
    private final WriteRetries retries;
    private final Throttle requestsPerAccount;
    private final Throttle requestsPerClient;
    private final CitizenRequestChecks checks;
    private final Clock clock;
    private final BookingMeters meters;
    private final MessageLimits messageLimits;
    private final PersonalDataViews personalData;

    BookingService(BookingRepository bookings, DayStore days, BookingWriter writer, QuotaCalendarService calendar,
                   PopulationRegistry registry, ApplicationEventPublisher events, AuditLog auditLog, CurrentActor currentActor,
                   Foreground foreground, BookingsTogether together, TransactionTemplate transactions,
                   Throttles throttles, CitizenRequestChecks checks, Clock clock, BookingMeters meters, MessageLimits messageLimits,
                   WriteRetries retries,
                   PersonalDataViews personalData) {
        this.personalData = personalData;
        this.retries = retries;
        this.bookings = bookings;
        this.days = days;
        this.writer = writer;
        this.calendar = calendar;
        this.registry = registry;
        this.events = events;
        this.auditLog = auditLog;
        this.currentActor = currentActor;
        this.foreground = foreground;
        this.together = together;
        this.transactions = transactions;
        // Per node (decision 122): they guard no secret, only a node's share of a burst; the quota itself is counted
        // in the database. Each request of the burst would otherwise write to a hot row before it is even checked.
        this.requestsPerAccount = throttles.perNode("booking.book.account", REQUESTS_PER_ACCOUNT);
        this.requestsPerClient = throttles.perNode("booking.book.client", REQUESTS_PER_CLIENT);
        this.checks = checks;
        this.clock = clock;
        this.meters = meters;
        this.messageLimits = messageLimits;
    }

    /**
     * A citizen books and waits for the answer: {@link #submit}, then its booking, or its refusal thrown.
     *
     * @param client the client's network address, for the throttle
     */
    public BookingResult book(CitizenSession citizen, BookingRequest request, @Nullable String idempotencyKey,
                              BookingJourney journey, String client) {
        try {
            return submit(citizen, request, idempotencyKey, journey, client).join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw failed;
        }
    }

    /**
     * A citizen's request to book. It is checked at once, on committed reads, and a refusal its checks find is thrown
     * at once; then it is booked together with the requests for the same day waiting at that moment (decision 046),
     * and the answer completes on the thread that books its batch: the caller need not hold a thread while it waits
     * (decision 116). With an idempotency key, a retry (even one racing the first request) gets the booking the first
     * one made; the key with a different request is refused.
     *
     * @param client the client's network address, for the throttle
     */
    public CompletableFuture<BookingResult> submit(CitizenSession citizen, BookingRequest request,
                                                   @Nullable String idempotencyKey, BookingJourney journey,
                                                   String client) {
        CompletableFuture<BookingResult> answer;
        try {
            answer = decide(citizen, request, idempotencyKey, journey, client);
        } catch (BookingRefused refused) {
            meters.refusedCitizen(refused.code());
            throw refused;
        }
        return answer.whenComplete((result, failure) -> {
            if (result != null && !result.replayed()) {
                meters.madeByCitizen();
            } else if ((failure instanceof CompletionException ? failure.getCause() : failure)
                    instanceof BookingRefused refused) {
                meters.refusedCitizen(refused.code());
            }
        });
    }

    private CompletableFuture<BookingResult> decide(CitizenSession citizen, BookingRequest request,
                                                    @Nullable String idempotencyKey, BookingJourney journey,
                                                    String client) {
        return foreground.run(() -> {
            String owner = citizen.owner();
            if (!requestsPerAccount.tryTake(owner) || !requestsPerClient.tryTake(client)) {
                throw new BookingRefused(RefusalCode.BOOKING_THROTTLED);
            }
            BookingJourney withTicket = journey.with(SopStep.A8_TICKET, clock.instant());
            if (idempotencyKey != null) {
                checkKeyFormat(idempotencyKey);
            }
            String hash = requestHash(request);
            // Its reads run again on a new connection if theirs was killed (decision 186): they change nothing.
            Resident resident = retries.read(() -> checks.checkedForCitizen(citizen, request, idempotencyKey));
            if (resident == null) {
                // The key has made a booking: a retry (even of a request since refused) gets what the first one made.
                // A key used by a batch still running is met on the single path, when the batch's key row or NIK
                // refuses this one's batch.
                return CompletableFuture.completedFuture(
                        transactions.execute(status -> replay(owner, Objects.requireNonNull(idempotencyKey), hash)));
            }
            return together.book(new PendingBooking(citizen.citizenId(), owner, CitizenAccounts.actorOf(citizen), request,
                    resident, idempotencyKey, hash, withTicket,
                    () -> alone(citizen, request, resident, idempotencyKey, hash, withTicket)));
        });
    }

    /**
     * The single path for a request its batch could not book (a unique key refused a row of the batch): no check
     * again, the counter row and the unique keys decide. Another request's booking of the NIK is, with the same
     * idempotency key, this request's own retry: it is answered with that booking.
     */
    private BookingResult alone(CitizenSession citizen, BookingRequest request, Resident resident,
                                @Nullable String idempotencyKey, String hash, BookingJourney journey) {
        String owner = citizen.owner();
        try {
            return Objects.requireNonNull(transactions.execute(status -> {
                Booking booking = make(request, resident, citizen.citizenId(), owner, CitizenAccounts.actorOf(citizen),
                        journey, idempotencyKey == null ? null : new BookingWriter.Key(owner, idempotencyKey, hash), null);
                return new BookingResult(booking, false);
            }));
        } catch (DuplicateKeyException taken) {
            // Rolled back: the row that refused this one was committed before the refusal (its lock held it till then).
            if (idempotencyKey != null) {
                BookingResult replayed = transactions.execute(status -> bookings.keyUse(owner, idempotencyKey)
                        .map(use -> replay(owner, idempotencyKey, hash)).orElse(null));
                if (replayed != null) {
                    return replayed;
                }
            }
            throw refusedIfNikTaken(taken, resident);
        }
    }

    /** The citizen told the NIK has an open booking, when that is what the unique key refused; else the refusal. */
    private static RuntimeException refusedIfNikTaken(DuplicateKeyException taken, Resident resident) {
        return String.valueOf(taken.getMessage()).contains("uk_booking_open_nik")
                ? new BookingRefused(RefusalCode.ACTIVE_BOOKING_EXISTS, resident.nik().masked())
                : taken;
    }

    /** The answer to a key already claimed: the booking it made, if the request is the same. */
    private BookingResult replay(String owner, String idempotencyKey, String hash) {
        BookingSql.KeyUse use = bookings.keyUse(owner, idempotencyKey).orElseThrow();
        if (!use.requestHash().equals(hash) || use.bookingId() == null) {
            throw new BookingRefused(RefusalCode.IDEMPOTENCY_KEY_REUSED);
        }
        return new BookingResult(bookings.byId(use.bookingId()).orElseThrow(), true);
    }

    /**
     * A clerk books for a resident at the counter or by phone, for an urgent need (recorded in the audit entry):
     * the day's staff reserve may be used, and today can be booked.
     */
    @Transactional
    @PreAuthorize(STAFF)
    public Booking bookForResident(BookingRequest request, UrgentReason reason) {
        if (!calendar.staffBookable(request.date())) {
            throw new BookingRefused(RefusalCode.DAY_CLOSED, request.date());
        }
        Nik nik = CitizenRequestChecks.validNik(request.nik());
        Resident resident = registry.findByNik(nik)
                .orElseThrow(() -> new BookingRefused(RefusalCode.NIK_NOT_FOUND, nik.masked()));
        CitizenRequestChecks.refuseIfNotPrintReady(resident);
        bookings.openCodeOf(nik.value()).ifPresent(code -> {
            throw new BookingRefused(RefusalCode.ACTIVE_BOOKING_EXISTS, nik.masked());
        });
        // A committed read before any write: a full day writes nothing and waits for no lock.
        refuseIfClosedOrFull(request.servicePoint(), request.date(), true);
        Booking booking;
        try {
            booking = make(request, resident, null, currentActor.id(), null, null, null, reason);
        } catch (DuplicateKeyException taken) {
            // A booking of the NIK made since the read above (its row's lock held this one until it committed).
            throw refusedIfNikTaken(taken, resident);
        }
        meters.madeByStaff();
        // The clerk's screen shows the resident's ticket: recorded here, so no screen can forget it (issue 50).
        personalData.viewed("booking-for-resident", PersonalData.nik(booking.nik()));
        return booking;
    }

    /** The citizen's bookings, newest first: "Riwayat". One read: no transaction (decision 092). */
    public List<Booking> history(CitizenSession citizen) {
        return bookings.ofCitizen(citizen.citizenId(), org.springframework.data.domain.Limit.of(HISTORY_LIMIT)).stream()
                .map(BookingEntity::toRecord).toList();
    }

    /**
     * One of the citizen's bookings; another's reads as not found. One read: no transaction, whose begin, read-only
     * flag and commit cost the API's lightest call four round trips more (decision 092).
     */
    public Booking ofCitizen(CitizenSession citizen, String code) {
        return bookings.byCode(BookingCodes.normalise(code))
                .filter(booking -> booking.citizenId() != null && booking.citizenId() == citizen.citizenId())
                .orElseThrow(() -> new BookingRefused(RefusalCode.BOOKING_NOT_FOUND, code));
    }

    /**
     * Cancels the citizen's booking; possible until the day before. The place goes back to the day. Counted per account,
     * proved phone and client address (decision 182): a cancellation frees the person to book again, a new ticket.
     *
     * @param client the client's network address, for the limit
     */
    @Transactional
    public Booking cancel(CitizenSession citizen, String code, String client) {
        messageLimits.change(citizen, client);
        BookingEntity booking = changeable(citizen, code, BookingTransition.CANCEL_BY_CITIZEN);
        booking.cancelByCitizen(clock.instant());
        days.release(booking.servicePoint(), booking.day());
        auditLog.record(CitizenAccounts.actorOf(citizen), AuditRecord.success("booking.cancelled", "Booking", booking.code())
                .withDetail("by the citizen"));
        return booking.toRecord();
    }

    /**
     * Moves the citizen's booking to another day at the same point, with a new queue number; its new ticket replaces one
     * still waiting in the outbox. Counted per account, proved phone and client address (decision 182): each move
     * sends a message.
     *
     * @param client the client's network address, for the limit
     */
    @Transactional
    public Booking reschedule(CitizenSession citizen, String code, LocalDate date, String client) {
        messageLimits.change(citizen, client);
        BookingEntity booking = changeable(citizen, code, BookingTransition.MOVE);
        LocalDate from = booking.day();
        if (!calendar.citizenBookable(date) || date.equals(from)) {
            throw new BookingRefused(RefusalCode.DAY_CLOSED, date);
        }
        refuseIfClosedOrFull(booking.servicePoint(), date, false);
        DayStore.Taken taken = take(booking.servicePoint(), date, false);
        days.release(booking.servicePoint(), from);
        booking.moveTo(date, taken.queueNumber());
        bookings.reminderForgotten(booking.id());
        auditLog.record(CitizenAccounts.actorOf(citizen), AuditRecord.success("booking.rescheduled", "Booking", booking.code())
                .withDetail(from + " → " + date + "; queue=" + taken.queueNumber()));
        Booking moved = booking.toRecord();
        events.publishEvent(BookingMade.moved(moved));
        return moved;
    }

    /** For the API's ticket download and the counter: a booking by its code. */
    @Transactional(readOnly = true)
    public java.util.Optional<Booking> byCode(String code) {
        return bookings.byCode(BookingCodes.normalise(code));
    }

    /**
     * The citizen's booking, locked, if its state allows the change (the API answers its stable code, NOT_OPEN, for
     * one that does not) and its day is still ahead.
     */
    private BookingEntity changeable(CitizenSession citizen, String code, BookingTransition change) {
        BookingEntity booking = bookings.findLockedByCode(BookingCodes.normalise(code))
                .filter(found -> found.bookedByCitizen(citizen.citizenId()))
                .orElseThrow(() -> new BookingRefused(RefusalCode.BOOKING_NOT_FOUND, code));
        if (!booking.allows(change)) {
            throw new BookingRefused(RefusalCode.NOT_OPEN, booking.code());
        }
        if (!LocalDate.now(clock).isBefore(booking.day())) {
            throw new BookingRefused(RefusalCode.TOO_LATE_TO_CHANGE, booking.code());
        }
        return booking;
    }

    /**
     * Makes a booking for a resident already checked, the one way a batch makes its bookings ({@link BookingWriter}):
     * the counter row's conditional update and the unique keys decide what may have changed since.
     *
     * @param citizen the citizen booking, or null for a clerk (who may use the staff reserve)
     * @param reason  why a clerk books, for the audit entry
     */
    private Booking make(BookingRequest request, Resident resident, @Nullable Long citizenId, String bookedBy,
                         @Nullable Actor citizen, @Nullable BookingJourney journey, BookingWriter.@Nullable Key key,
                         @Nullable UrgentReason reason) {
        DayStore.Taken taken = take(request.servicePoint(), request.date(), citizen == null);
        return writer.make(request.servicePoint(), request.date(), taken.queueNumber(), taken.fromReserve(),
                List.of(new BookingWriter.Taker(resident, citizenId, bookedBy, citizen, journey, key,
                        reason == null ? null : reason.auditDetail()))).getFirst();
    }

    private void refuseIfClosedOrFull(String point, LocalDate date, boolean staff) {
        CitizenRequestChecks.refuseIfClosedOrFull(calendar.ensureDay(point, date), staff);
    }

    /** The authoritative take: the counter row's conditional update, whatever the read before it said. */
    private DayStore.Taken take(String point, LocalDate date, boolean staff) {
        return days.take(point, date, staff).orElseThrow(() -> days.counter(point, date).map(CalendarDay::closed).orElse(false)
                ? new BookingRefused(RefusalCode.DAY_CLOSED, date)
                : new BookingRefused(RefusalCode.QUOTA_FULL, date));
    }

    private static void checkKeyFormat(String idempotencyKey) {
        if (idempotencyKey.isBlank() || idempotencyKey.length() > IDEMPOTENCY_KEY_MAX_LENGTH) {
            throw new BookingRefused(RefusalCode.INVALID_REQUEST);
        }
    }

    private static String requestHash(BookingRequest request) {
        return Sha256.hex(request.nik().strip() + "|"
                + (request.kkNumber() == null ? "" : request.kkNumber().strip()) + "|" + request.servicePoint() + "|"
                + request.date());
    }
}
