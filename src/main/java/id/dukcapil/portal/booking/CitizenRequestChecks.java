package id.dukcapil.portal.booking;

import id.dukcapil.portal.booking.internal.BookingRepository;
import id.dukcapil.portal.booking.internal.BookingSql;
import id.dukcapil.portal.population.Eligibility;
import id.dukcapil.portal.population.PopulationRegistry;
import id.dukcapil.portal.population.Resident;
import id.dukcapil.portal.population.Verdict;
import id.dukcapil.portal.shared.KkNumber;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.throttle.Throttle;
import id.dukcapil.portal.shared.throttle.Throttles;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a booking request is checked against before it is booked: the day in the booking window, the person proven
 * with the family card and print-ready, no open booking, the account's people, the day neither closed nor full. The
 * citizen's request reads all of it once on committed reads ({@link BookingService#submit}); a clerk's urgent
 * booking uses the same rules for the person and the day.
 */
@Component
class CitizenRequestChecks {

    private final BookingRepository bookings;
    private final QuotaCalendarService calendar;
    private final PopulationRegistry registry;
    /**
     * No transaction (no begin, no commit), yet every statement inside on the same pooled connection: a request's
     * checks wait for the pool once, not once per read, when a burst's requests share its 20 connections.
     */
    private final TransactionTemplate oneConnection;
    private final Throttle unprovenPerAccount;
    private final int maxPeoplePerAccount;

    CitizenRequestChecks(BookingRepository bookings, QuotaCalendarService calendar, PopulationRegistry registry,
                         TransactionTemplate transactions, Throttles throttles,
                         @Value("${portal.booking.max-people-per-account:10}") int maxPeoplePerAccount) {
        this.bookings = bookings;
        this.calendar = calendar;
        this.registry = registry;
        this.oneConnection = new TransactionTemplate(Objects.requireNonNull(transactions.getTransactionManager()));
        this.oneConnection.setPropagationBehavior(TransactionDefinition.PROPAGATION_SUPPORTS);
        // Shared: a guess at which family card a NIK is on is a guess at a secret, five an hour on the whole cluster.
        this.unprovenPerAccount = throttles.of("booking.book.unproven", BookingService.UNPROVEN_PER_ACCOUNT);
        this.maxPeoplePerAccount = maxPeoplePerAccount;
    }

    /**
     * Every check of a citizen's request, once, on one pooled connection (decision 109): the day in the booking
     * window, the person proven, print-ready, without an open booking, within the account's people, the day neither
     * closed nor full. In that order: what concerns the person is worth more to the citizen than a full day. What
     * the booking tables know is read in one round trip (decision 110), the idempotency key's use with it.
     *
     * @return the resident to book, or null when the idempotency key has already made a booking
     */
    @Nullable Resident checkedForCitizen(CitizenSession citizen, BookingRequest request,
                                                 @Nullable String idempotencyKey) {
        return oneConnection.execute(status -> {
            // Read on the request's one connection: the shared count costs no second wait for the pool.
            if (unprovenPerAccount.spent(citizen.owner())) {
                throw new BookingRefused(RefusalCode.BOOKING_THROTTLED);
            }
            Resident resident;
            try {
                if (!calendar.citizenBookable(request.date())) {
                    throw new BookingRefused(RefusalCode.DAY_CLOSED, request.date());
                }
                resident = provenResident(citizen, request);
                refuseIfNotPrintReady(resident);
            } catch (BookingRefused refused) {
                if (idempotencyKey != null && bookings.keyUse(citizen.owner(), idempotencyKey).isPresent()) {
                    return null;
                }
                throw refused;
            }
            BookingSql.Standing standing = bookings.standing(citizen.citizenId(), resident.nik().value(),
                    citizen.owner(), idempotencyKey, request.servicePoint(), request.date());
            if (standing.keyUsed()) {
                return null;
            }
            if (standing.openCode() != null) {
                throw new BookingRefused(RefusalCode.ACTIVE_BOOKING_EXISTS, resident.nik().masked());
            }
            if (!standing.bookedBefore() && standing.people() >= maxPeoplePerAccount) {
                throw new BookingRefused(RefusalCode.PEOPLE_LIMIT_REACHED, maxPeoplePerAccount);
            }
            refuseIfClosedOrFull(standing.day() != null ? standing.day()
                    : calendar.ensureDay(request.servicePoint(), request.date()), false);
            return resident;
        });
    }

    /**
     * The person the NIK and the family card's number name together. Not in the register and not matching read
     * the same, and say nothing of the resident: a name or a status only ever answers a proven request.
     */
    private Resident provenResident(CitizenSession citizen, BookingRequest request) {
        Nik nik = validNik(request.nik());
        KkNumber kkNumber;
        try {
            kkNumber = KkNumber.of(request.kkNumber() == null ? "" : request.kkNumber());
        } catch (RuleViolation invalid) {
            throw new BookingRefused(RefusalCode.INVALID_KK_NUMBER, invalid.messageKeys(), invalid.args());
        }
        return registry.findMember(kkNumber, nik)
                .orElseThrow(() -> {
                    unprovenPerAccount.take(citizen.owner());
                    return new BookingRefused(RefusalCode.PERSON_NOT_CONFIRMED);
                });
    }

    static void refuseIfClosedOrFull(CalendarDay day, boolean staff) {
        if (day.closed()) {
            throw new BookingRefused(RefusalCode.DAY_CLOSED, day.day());
        }
        if (day.booked() >= day.quota() - (staff ? 0 : day.reserve())) {
            throw new BookingRefused(RefusalCode.QUOTA_FULL, day.day());
        }
    }

    static void refuseIfNotPrintReady(Resident resident) {
        Verdict printable = Eligibility.cardPrinting(resident.enrolmentStatus());
        if (!printable.eligible()) {
            throw new BookingRefused(RefusalCode.NOT_PRINT_READY,
                    printable.refusal().map(reason -> List.of(reason.messageKey())).orElse(List.of()));
        }
    }

    static Nik validNik(String raw) {
        try {
            return Nik.of(raw);
        } catch (RuleViolation invalid) {
            throw new BookingRefused(RefusalCode.INVALID_NIK, invalid.messageKeys(), invalid.args());
        }
    }
}
