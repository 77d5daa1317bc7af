package id.dukcapil.portal.booking;

import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.blanko.BlankoStock;
import id.dukcapil.portal.booking.internal.BookingEntity;
import id.dukcapil.portal.booking.internal.BookingRepository;
import id.dukcapil.portal.booking.internal.DayStore;
import id.dukcapil.portal.booking.internal.HolidayRepository;
import id.dukcapil.portal.booking.internal.PointSettingRepository;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.staff.ServicePoint;
import id.dukcapil.portal.staff.ServicePoints;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The quota calendar: for each service point and day, how many may book. A day's quota is the point's daily
 * printing capacity, limited by the blank cards not yet promised to bookings of earlier days, unless a planner
 * set it; days the point does not serve (its {@link OpeningHours}), national holidays and local closures are
 * closed; part of the quota is kept for staff. What a planner sets beside the days (a point's capacity and hours,
 * the holidays) is {@link PointCalendarSettings}'.
 */
@Service
public class QuotaCalendarService {

    /** Citizens book from tomorrow up to this many days ahead. */
    public static final int BOOKING_HORIZON_DAYS = 30;
    /** The longest range one availability question may cover. */
    public static final int MAX_RANGE_DAYS = 62;
    public static final int REASON_MAX_LENGTH = 200;
    /** Why a day the point does not serve is closed (a translation key, kept in the day's row). */
    static final String NOT_SERVED = "booking.calendar.not-served";
    static final String PLANNERS = "hasAnyRole('" + Roles.PLANNER + "','" + Roles.MANAGER + "','" + Roles.ADMIN + "')";

    private final DayStore days;
    private final BookingRepository bookings;
    private final BlankoStock stock;
    private final ServicePoints servicePoints;
    private final BookingMails mails;
    private final PointHours hours;
    private final PointSettingRepository settingsSet;
    private final HolidayRepository nationalHolidays;
    private final AuditLog auditLog;
    private final Clock clock;

    QuotaCalendarService(DayStore days, BookingRepository bookings, BlankoStock stock, ServicePoints servicePoints,
                         BookingMails mails, PointHours hours, PointSettingRepository settingsSet,
                         HolidayRepository nationalHolidays, AuditLog auditLog,
                         Clock clock) {
        this.days = days;
        this.bookings = bookings;
        this.stock = stock;
        this.servicePoints = servicePoints;
        this.mails = mails;
        this.hours = hours;
        this.settingsSet = settingsSet;
        this.nationalHolidays = nationalHolidays;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** A point's month as staff see it: quota, booked, arrived and printed per day. */
    @Transactional
    @PreAuthorize("hasAnyRole('" + Roles.PLANNER + "','" + Roles.MANAGER + "','" + Roles.ADMIN + "','"
            + Roles.OPERATOR + "','" + Roles.PRINT_OPERATOR + "')")
    public List<CalendarDay> month(String point, YearMonth month) {
        point(point);
        for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
            if (!day.isBefore(today())) {
                ensureDay(point, day);
            }
        }
        Map<LocalDate, CalendarDay> stored = days.range(point, month.atDay(1), month.atEndOfMonth()).stream()
                .collect(Collectors.toMap(CalendarDay::day, Function.identity()));
        List<CalendarDay> result = new ArrayList<>();
        for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
            CalendarDay known = stored.get(day);
            String closed = closedReason(point, day);
            result.add(known != null ? known : new CalendarDay(point, day, 0, null, 0, 0, 0, 0, closed != null, closed));
        }
        return result;
    }

    /** The days a citizen may pick, with free places; days outside the booking window are shown closed. */
    @Transactional
    public List<Availability> availability(String point, LocalDate from, LocalDate to) {
        return availability(point, from, to, this::citizenBookable, CalendarDay::remainingForCitizens);
    }

    /**
     * The days a clerk may book for a resident (today up to the booking horizon), with the places left including
     * the staff reserve; other days are shown closed.
     */
    @Transactional
    @PreAuthorize(BookingService.STAFF)
    public List<Availability> staffAvailability(String point, LocalDate from, LocalDate to) {
        return availability(point, from, to, this::staffBookable, CalendarDay::remainingForStaff);
    }

    /** Each day of the range: closed outside what the booker may pick, else its quota and the places left to them. */
    private List<Availability> availability(String point, LocalDate from, LocalDate to, Predicate<LocalDate> bookable,
                                            ToIntFunction<CalendarDay> remaining) {
        point(point);
        if (to.isBefore(from) || from.plusDays(MAX_RANGE_DAYS).isBefore(to)) {
            throw new BookingRefused(RefusalCode.INVALID_REQUEST);
        }
        List<Availability> result = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (!bookable.test(day)) {
                result.add(new Availability(day, 0, 0, false));
                continue;
            }
            CalendarDay known = ensureDay(point, day);
            result.add(new Availability(day, known.quota(), remaining.applyAsInt(known), !known.closed()));
        }
        return result;
    }

    /** The next open days with free places for citizens, after a day: what a closure e-mail offers. */
    @Transactional
    public List<LocalDate> nextFreeDays(String point, LocalDate after, int count) {
        List<LocalDate> free = new ArrayList<>();
        LocalDate day = after.plusDays(1);
        for (LocalDate last = today().plusDays(BOOKING_HORIZON_DAYS); free.size() < count && !day.isAfter(last);
             day = day.plusDays(1)) {
            if (citizenBookable(day) && ensureDay(point, day).remainingForCitizens() > 0) {
                free.add(day);
            }
        }
        return free;
    }

    /** Whether a citizen may book the day at all (not whether places are left). */
    public boolean citizenBookable(LocalDate day) {
        LocalDate today = today();
        return day.isAfter(today) && !day.isAfter(today.plusDays(BOOKING_HORIZON_DAYS));
    }

    /** Whether a clerk may book the day for a resident: today too, up to the same horizon. */
    public boolean staffBookable(LocalDate day) {
        LocalDate today = today();
        return !day.isBefore(today) && !day.isAfter(today.plusDays(BOOKING_HORIZON_DAYS));
    }

    /** The planner's quota for a day; {@code null} lets it follow the stock again. */
    @Transactional
    @PreAuthorize(PLANNERS)
    public CalendarDay overrideQuota(String point, LocalDate day, @Nullable Integer quota) {
        point(point);
        if (quota != null && (quota < 0 || quota > PointSettings.CAPACITY_MAX)) {
            throw new RuleViolation("booking.calendar.quota-range", PointSettings.CAPACITY_MAX);
        }
        ensureDay(point, day);
        days.setOverride(point, day, quota);
        refresh(point);
        auditLog.record(AuditRecord.success("booking.quota.overridden", "BookingDay", point + "/" + day)
                .withDetail(quota == null ? "follows the stock" : "quota=" + quota));
        return days.find(point, day).orElseThrow();
    }

    /**
     * Closes a point's day (a local closure). Its open bookings are cancelled and each citizen is e-mailed the
     * next free dates with a link to book again.
     *
     * @return how many bookings were cancelled
     */
    @Transactional
    @PreAuthorize(PLANNERS)
    public int closeDay(String point, LocalDate day, String reason) {
        point(point);
        String why = reason.strip();
        if (why.isEmpty() || why.length() > REASON_MAX_LENGTH) {
            throw new RuleViolation("booking.calendar.reason-required", REASON_MAX_LENGTH);
        }
        if (day.isBefore(today())) {
            throw new RuleViolation("booking.calendar.past-day");
        }
        ensureDay(point, day);
        days.close(point, day, why);
        int cancelled = cancelBookingsOf(point, day, why);
        auditLog.record(AuditRecord.success("booking.day.closed", "BookingDay", point + "/" + day)
                .withDetail("reason=" + why + "; cancelled=" + cancelled));
        return cancelled;
    }

    /** Opens a day closed by a local closure again (days the point does not serve and holidays stay closed). */
    @Transactional
    @PreAuthorize(PLANNERS)
    public void reopenDay(String point, LocalDate day) {
        point(point);
        if (closedReason(point, day) != null) {
            throw new RuleViolation("booking.calendar.always-closed");
        }
        ensureDay(point, day);
        days.reopen(point, day);
        auditLog.record(AuditRecord.success("booking.day.reopened", "BookingDay", point + "/" + day));
        refresh(point);
    }

    /**
     * Cancels the open bookings of a day just closed and e-mails each citizen the next free dates with a rebook link. They are read
     * locked: one printed, cancelled or moved to another day before is no longer among them, and one the counter is
     * acting on meanwhile is decided after the counter's commit, as it then is.
     */
    @Transactional
    public int cancelBookingsOf(String point, LocalDate day, String reason) {
        List<Booking> cancelled = new ArrayList<>();
        for (BookingEntity booking : bookings.lockedOfDay(point, day, List.of(BookingStatus.BOOKED, BookingStatus.ARRIVED))) {
            booking.cancelForClosedDay(reason, clock.instant());
            days.release(point, day);
            auditLog.record(AuditRecord.success("booking.cancelled", "Booking", booking.code())
                    .withDetail("day closed: " + reason));
            cancelled.add(booking.toRecord());
        }
        // Written now: the recount below reads the open bookings with SQL, which sees nothing unflushed (decision 171).
        bookings.flush();
        refresh(point);
        if (!cancelled.isEmpty()) {
            List<LocalDate> free = nextFreeDays(point, day, 3);
            cancelled.forEach(booking -> mails.dayClosed(booking, reason, free));
        }
        return cancelled.size();
    }

    /**
     * Recounts the quotas from today on: each day that follows the stock gets the capacity, limited by the
     * stock left after the open bookings of the days before it.
     */
    @Transactional
    public void refresh(String point) {
        LocalDate today = today();
        PointSettings setting = settingOf(point(point));
        int balance = stock.balance(point);
        Map<LocalDate, Integer> open = openBookingsPerDay(point, today);
        int promised = 0;
        for (CalendarDay day : days.daysFromForUpdate(point, today)) {
            int quota = day.quotaOverride() != null ? day.quotaOverride()
                    : Math.min(setting.capacity(), Math.max(0, balance - promised));
            int reserve = Math.min(setting.reserve(), quota);
            if (quota != day.quota() || reserve != day.reserve()) {
                days.setQuota(point, day.day(), quota, reserve);
            }
            promised += open.getOrDefault(day.day(), 0);
        }
    }

    /**
     * The day's counter row (arrivals not counted), created with its computed quota when first asked for. Without a
     * transaction of its own (every booking request asks): the creation is one INSERT IGNORE, a racing creator's
     * row wins.
     */
    public CalendarDay ensureDay(String point, LocalDate day) {
        return days.counter(point, day).orElseGet(() -> {
            PointSettings setting = settingOf(point(point));
            int promised = day.isAfter(today()) ? bookings.openBetween(point, today(), day) : 0;
            int quota = Math.min(setting.capacity(), Math.max(0, stock.balance(point) - promised));
            String closed = closedReason(point, day);
            days.createIfAbsent(point, day, quota, Math.min(setting.reserve(), quota), closed != null, closed);
            return days.counter(point, day).orElseThrow();
        });
    }

    /**
     * Why a point is always closed on a day: it does not serve on that day of the week, or a national holiday; null
     * on a day it serves.
     */
    @Transactional(readOnly = true)
    public @Nullable String closedReason(String point, LocalDate day) {
        if (!openingHours(point).serves(day.getDayOfWeek())) {
            return NOT_SERVED;
        }
        return nationalHolidays.findById(day).map(holiday -> holiday.toRecord().name()).orElse(null);
    }

    /** A point's opening days and hours: what the calendar, the ticket and the e-mails follow. */
    @Transactional(readOnly = true)
    public OpeningHours openingHours(String point) {
        return hours.of(point(point));
    }

    private Map<LocalDate, Integer> openBookingsPerDay(String point, LocalDate from) {
        Map<LocalDate, Integer> open = new HashMap<>();
        bookings.openPerDay(point, from).forEach(row -> open.put(row.day(), row.count()));
        return open;
    }

    /** A point's capacity and staff reserve: a planner's, or its kind's until a planner sets them. */
    @Transactional(readOnly = true)
    public PointSettings settings(String point) {
        return settingOf(point(point));
    }

    private PointSettings settingOf(ServicePoint point) {
        return settingsSet.findById(point.code()).map(set -> new PointSettings(set.capacity(), set.reserve()))
                .orElseGet(() -> PointSettings.defaultFor(point.kind()));
    }

    private ServicePoint point(String code) {
        return servicePoints.byCode(code).orElseThrow(() -> new BookingRefused(RefusalCode.UNKNOWN_SERVICE_POINT, code));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
