package id.dukcapil.portal.booking;

import id.dukcapil.portal.shared.i18n.PortalMessages;
import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.audit.PersonalData;
import id.dukcapil.portal.audit.PersonalDataViews;
import id.dukcapil.portal.blanko.BlankoStock;
import id.dukcapil.portal.booking.internal.BookingCodes;
import id.dukcapil.portal.booking.internal.BookingEntity;
import id.dukcapil.portal.booking.internal.BookingRepository;
import id.dukcapil.portal.booking.internal.BookingTransition;
import id.dukcapil.portal.population.CardPrintReason;
import id.dukcapil.portal.population.EnrolmentStatus;
import id.dukcapil.portal.population.Eligibility;
import id.dukcapil.portal.population.PopulationRegistry;
import id.dukcapil.portal.population.Resident;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.staff.MyAccount;
import id.dukcapil.portal.staff.ServicePoint;
import id.dukcapil.portal.staff.ServicePoints;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The counter on the day: a scanned or typed booking code is checked against today and the clerk's service point,
 * the citizen is checked in, and the card is printed (one blank card from the point's stock), spoiled (one card,
 * and a reprint), or cannot be printed (why, and what to do instead). At day's end the no-shows are marked.
 */
@Service
@PreAuthorize("hasAnyRole('" + Roles.OPERATOR + "','" + Roles.PRINT_OPERATOR + "')")
public class CounterService {

    private final BookingRepository bookings;
    private final PopulationRegistry registry;
    private final BlankoStock stock;
    private final MyAccount myAccount;
    private final ServicePoints servicePoints;
    private final QuotaCalendarService calendar;
    private final AuditLog auditLog;
    private final Foreground foreground;
    private final PersonalDataViews personalData;
    private final Clock clock;

    CounterService(BookingRepository bookings, PopulationRegistry registry, BlankoStock stock, MyAccount myAccount,
                   ServicePoints servicePoints, QuotaCalendarService calendar, AuditLog auditLog, Foreground foreground,
                   PersonalDataViews personalData, Clock clock) {
        this.personalData = personalData;
        this.calendar = calendar;
        this.bookings = bookings;
        this.registry = registry;
        this.stock = stock;
        this.myAccount = myAccount;
        this.servicePoints = servicePoints;
        this.auditLog = auditLog;
        this.foreground = foreground;
        this.clock = clock;
    }

    /**
     * The scan: refuses a cancelled or finished booking, another day's and another point's, with what they are;
     * a booked citizen is checked in.
     */
    @Transactional
    public CounterCase scan(String typedCode) {
        return foreground.run(() -> {
            BookingEntity booking = forCounter(typedCode);
            // A booking already checked in is shown again, as it is.
            if (booking.allows(BookingTransition.CHECK_IN)) {
                booking.arrive(clock.instant());
                auditLog.record(AuditRecord.success("booking.checked-in", "Booking", booking.code())
                        .withDetail("queue=" + booking.toRecord().queueNumber()));
            }
            // The counter's screen shows whom the code names: recorded here, so no screen can forget it (issue 50).
            personalData.viewed("counter", PersonalData.nik(booking.toRecord().nik()));
            return counterCase(booking.toRecord());
        });
    }

    /**
     * The card is printed for the reason the operator chose: one blank card leaves the point's stock, the register
     * records the print. The first card is FIRST; a person with a card already gets another for a reason of its
     * own (damaged, lost, data changed), never FIRST.
     */
    @Transactional
    public Booking printed(String code, CardPrintReason reason) {
        BookingEntity booking = forCounter(code);
        // Decided before a card leaves the stock: a booking not checked in is refused in words first.
        booking.awaitingPrint();
        Resident resident = resident(booking.toRecord());
        Eligibility.cardPrinting(resident.enrolmentStatus()).orThrow();
        boolean firstCard = registry.cardHistory(resident.nik()).isEmpty();
        if (firstCard != (reason == CardPrintReason.FIRST)) {
            throw new RuleViolation(firstCard ? "booking.counter.print-reason.first-card"
                    : "booking.counter.print-reason.not-first", booking.toRecord().maskedNik());
        }
        takeCard(() -> stock.printed(booking.servicePoint(), booking.code()));
        registry.recordCardPrint(resident.nik(), booking.servicePoint(), reason);
        booking.print(clock.instant());
        auditLog.record(AuditRecord.success("booking.printed", "Booking", booking.code()).withDetail("reason=" + reason));
        return booking.toRecord();
    }

    /** A card spoiled in the printer: one blank card leaves the stock with the reason; the card may be printed again. */
    @Transactional
    public Booking spoiled(String code, String reason) {
        BookingEntity booking = arrived(code);
        takeCard(() -> stock.spoiled(booking.servicePoint(), booking.code(), reason));
        booking.cardSpoiled();
        auditLog.record(AuditRecord.success("booking.spoiled", "Booking", booking.code()).withDetail(reason));
        return booking.toRecord();
    }

    /** The card cannot be printed: why, and the advice given to the citizen, are recorded. */
    @Transactional
    public Booking cannotPrint(String code, CannotPrintReason reason, String note) {
        BookingEntity booking = forCounter(code);
        String text = note.strip();
        booking.cannotPrint(reason, text.isEmpty() ? null : text, clock.instant());
        if (text.length() > Booking.NOTE_MAX_LENGTH) {
            throw new RuleViolation("booking.counter.note-too-long", Booking.NOTE_MAX_LENGTH);
        }
        auditLog.record(AuditRecord.success("booking.cannot-print", "Booking", booking.code())
                .withDetail("reason=" + reason + (text.isEmpty() ? "" : "; note=" + text)));
        return booking.toRecord();
    }

    /**
     * Marks today's bookings nobody came for, from the counter: not before the point's service ends (a citizen may
     * still come at 14:50); the nightly job marks them too.
     */
    @Transactional
    public int markNoShows() {
        String point = myPoint().code();
        LocalTime closes = calendar.openingHours(point).closes();
        if (LocalTime.now(clock).isBefore(closes)) {
            throw new RuleViolation("booking.counter.no-shows.too-early", closes.toString());
        }
        return markNoShows(point, LocalDate.now(clock));
    }

    /** Today's bookings at the clerk's point nobody has come for yet: what marking no-shows would mark. */
    @Transactional(readOnly = true)
    public int notYetArrived() {
        return bookings.ofDay(myPoint().code(), LocalDate.now(clock), List.of(BookingStatus.BOOKED)).size();
    }

    @Transactional
    @PreAuthorize("permitAll()")
    int markNoShows(String point, LocalDate day) {
        // Locked: a check-in at the counter meanwhile waits for this, or this for it, and is never marked absent.
        List<BookingEntity> waiting = bookings.lockedOfDay(point, day, List.of(BookingStatus.BOOKED));
        for (BookingEntity booking : waiting) {
            booking.markNoShow(clock.instant());
            auditLog.record(AuditRecord.success("booking.no-show", "Booking", booking.code()));
        }
        return waiting.size();
    }

    /** Today's queue at the clerk's point: the open bookings first, the next to come on top, then those done. */
    @Transactional(readOnly = true)
    public List<QueuedBooking> todaysQueue() {
        return bookings.queueOfDay(myPoint().code(), LocalDate.now(clock)).stream()
                .map(booking -> new QueuedBooking(booking.toRecord(), booking.residentGone())).toList();
    }

    /**
     * The bookings at the clerk's point, today and later, whose resident an import of SIAK's extract has since
     * marked gone, open or cancelled for it: the counter sees them before the citizen comes (decisions 099, 108).
     */
    @Transactional(readOnly = true)
    public List<Booking> residentsGoneAhead() {
        return bookings.withResidentGone(myPoint().code(), LocalDate.now(clock), ResidentsGoneFromRegistry.RESIDENT_GONE)
                .stream().map(BookingEntity::toRecord).toList();
    }

    /** A card may be spoiled only while the citizen is at the counter (it changes no state: a reprint follows). */
    private BookingEntity arrived(String code) {
        BookingEntity booking = forCounter(code);
        if (booking.status() != BookingStatus.ARRIVED) {
            throw new RuleViolation("booking.counter.not-checked-in", booking.code());
        }
        return booking;
    }

    /** The booking of the code, locked: checked against today and the clerk's point, as the counter acts on it. */
    private BookingEntity forCounter(String typedCode) {
        String code = BookingCodes.normalise(typedCode);
        BookingEntity entity = bookings.findLockedByCode(code)
                .orElseThrow(() -> new BookingRefused(RefusalCode.BOOKING_NOT_FOUND, code));
        Booking booking = entity.toRecord();
        if (!booking.status().open()) {
            throw new RuleViolation("booking.counter.closed." + booking.status().name(), booking.code());
        }
        LocalDate today = LocalDate.now(clock);
        if (!booking.day().equals(today)) {
            throw new BookingRefused(RefusalCode.WRONG_DAY, PortalMessages.DATE.format(booking.day()));
        }
        ServicePoint mine = myPoint();
        if (!booking.servicePoint().equals(mine.code())) {
            String name = servicePoints.byCode(booking.servicePoint()).map(ServicePoint::name).orElse(booking.servicePoint());
            throw new BookingRefused(RefusalCode.WRONG_SERVICE_POINT, name);
        }
        return entity;
    }

    /**
     * The booked person as the register has them now; one an import of SIAK's extract marked gone (died, moved out)
     * since the booking is refused in words at the counter, not printed (decision 099).
     */
    private Resident resident(Booking booking) {
        return registry.findByNik(Nik.of(booking.nik()))
                .orElseThrow(() -> new RuleViolation("booking.counter.resident-gone", booking.residentName()));
    }

    private CounterCase counterCase(Booking booking) {
        Resident resident = resident(booking);
        var verdict = Eligibility.cardPrinting(resident.enrolmentStatus());
        CannotPrintReason suggested = verdict.eligible() ? null
                : resident.enrolmentStatus() == EnrolmentStatus.DUPLICATE_RECORD ? CannotPrintReason.DUPLICATE_RECORD
                : CannotPrintReason.NOT_PRINT_READY;
        String pointName = servicePoints.byCode(booking.servicePoint()).map(ServicePoint::name).orElse(booking.servicePoint());
        return new CounterCase(booking, pointName, resident.enrolmentStatus(),
                verdict.refusal().map(reason -> reason.messageKey()).orElse(null), suggested,
                registry.cardHistory(resident.nik()).isEmpty());
    }

    private void takeCard(Runnable take) {
        try {
            take.run();
        } catch (RuleViolation violation) {
            if (violation.messageKeys().contains("blanko.stock.insufficient")) {
                throw new BookingRefused(RefusalCode.NO_STOCK);
            }
            throw violation;
        }
    }

    /** The clerk's point, if their account has one: the queue this counter serves. */
    public Optional<String> point() {
        return myAccount.current().map(account -> account.servicePoint().code());
    }

    private ServicePoint myPoint() {
        return myAccount.current().map(account -> account.servicePoint())
                .orElseThrow(() -> new RuleViolation("booking.counter.no-service-point"));
    }
}
