package id.dukcapil.portal.booking;

import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.booking.internal.DayStore;
import id.dukcapil.portal.booking.internal.HolidayEntity;
import id.dukcapil.portal.booking.internal.HolidayRepository;
import id.dukcapil.portal.booking.internal.OpeningHoursEntity;
import id.dukcapil.portal.booking.internal.OpeningHoursRepository;
import id.dukcapil.portal.booking.internal.PointSettingEntity;
import id.dukcapil.portal.booking.internal.PointSettingRepository;
import id.dukcapil.portal.booking.internal.BookingRepository;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.staff.ServicePoints;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a planner sets for the calendar beside its days: a point's capacity and staff reserve, its opening days and
 * hours, and the national holidays. Each change is followed through the days it affects, by the calendar
 * ({@link QuotaCalendarService}): the quotas recounted, a day no longer served or a holiday closed with its
 * bookings cancelled and the citizens e-mailed.
 */
@Service
public class PointCalendarSettings {

    /** Closures that follow from the opening days; "weekend" from the rows made before a point had its days. */
    private static final Set<String> REGULAR_CLOSURES = Set.of(QuotaCalendarService.NOT_SERVED, "booking.calendar.weekend");
    private static final String PLANNERS = QuotaCalendarService.PLANNERS;

    private final QuotaCalendarService calendar;
    private final ServicePoints servicePoints;
    private final DayStore days;
    private final BookingRepository bookings;
    private final OpeningHoursRepository hoursSet;
    private final PointSettingRepository settingsSet;
    private final HolidayRepository nationalHolidays;
    private final AuditLog auditLog;
    private final Clock clock;

    PointCalendarSettings(QuotaCalendarService calendar, ServicePoints servicePoints, DayStore days, BookingRepository bookings,
                          OpeningHoursRepository hoursSet, PointSettingRepository settingsSet,
                          HolidayRepository nationalHolidays, AuditLog auditLog, Clock clock) {
        this.calendar = calendar;
        this.servicePoints = servicePoints;
        this.days = days;
        this.bookings = bookings;
        this.hoursSet = hoursSet;
        this.settingsSet = settingsSet;
        this.nationalHolidays = nationalHolidays;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Holiday> holidays(int year) {
        return nationalHolidays.findByDayBetweenOrderByDay(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).stream()
                .map(HolidayEntity::toRecord).toList();
    }

    @Transactional(readOnly = true)
    public PointSettings settings(String point) {
        return calendar.settings(point);
    }

    @Transactional
    @PreAuthorize(PLANNERS)
    public void changeSettings(String point, PointSettings settings) {
        requireKnown(point);
        if (settings.capacity() < 0 || settings.capacity() > PointSettings.CAPACITY_MAX || settings.reserve() < 0
                || settings.reserve() > settings.capacity()) {
            throw new RuleViolation("booking.calendar.settings-range", PointSettings.CAPACITY_MAX);
        }
        // Read locked: two planners saving at once queue, the later one's values stand.
        settingsSet.findLockedById(point).orElseGet(() -> settingsSet.save(new PointSettingEntity(point)))
                .change(settings.capacity(), settings.reserve());
        auditLog.record(AuditRecord.success("booking.point.settings-changed", "ServicePoint", point)
                .withDetail("capacity=" + settings.capacity() + "; reserve=" + settings.reserve()));
        calendar.refresh(point);
    }

    /** A national holiday: every point is closed that day, and bookings already made are cancelled. */
    @Transactional
    @PreAuthorize(PLANNERS)
    public int addHoliday(LocalDate day, String name) {
        String holiday = name.strip();
        if (holiday.isEmpty() || holiday.length() > 100) {
            throw new RuleViolation("booking.calendar.reason-required", 100);
        }
        // The same day entered again is a correction of its name.
        nationalHolidays.findById(day).ifPresentOrElse(entered -> entered.rename(holiday),
                () -> nationalHolidays.save(new HolidayEntity(day, holiday)));
        auditLog.record(AuditRecord.success("booking.holiday.added", "Holiday", day.toString()).withDetail(holiday));
        int cancelled = 0;
        for (String point : days.pointsWithRow(day)) {
            days.close(point, day, holiday);
            cancelled += calendar.cancelBookingsOf(point, day, holiday);
        }
        return cancelled;
    }

    /**
     * The open bookings from tomorrow on that fall on days the new hours do not serve: what changing them would
     * cancel (the planner is told the number before confirming).
     */
    @Transactional(readOnly = true)
    @PreAuthorize(PLANNERS)
    public int bookingsCancelledBy(String point, OpeningHours changed) {
        requireKnown(point);
        return (int) bookings.openPerDay(point, LocalDate.now(clock).plusDays(1)).stream()
                .filter(row -> !changed.serves(row.day().getDayOfWeek()))
                .mapToLong(row -> row.count()).sum();
    }

    /**
     * Sets a point's opening days and hours. From tomorrow on, a day it no longer serves is closed (its bookings
     * cancelled and the citizens e-mailed, as for a local closure) and a day it now serves opens, unless a holiday
     * or a planner's closure keeps it shut. Today stays as it is: citizens may already be on their way.
     *
     * @return how many bookings were cancelled
     */
    @Transactional
    @PreAuthorize(PLANNERS)
    public int changeOpeningHours(String point, OpeningHours changed) {
        requireKnown(point);
        changed.check();
        hoursSet.findLockedById(point).ifPresentOrElse(set -> set.change(changed),
                () -> hoursSet.save(new OpeningHoursEntity(point, changed)));
        auditLog.record(AuditRecord.success("booking.point.hours-changed", "ServicePoint", point)
                .withDetail("days=" + changed.days().stream().sorted().map(DayOfWeek::toString).toList()
                        + "; hours=" + changed.opens() + "-" + changed.closes()));
        int cancelled = 0;
        for (CalendarDay day : days.daysFromForUpdate(point, LocalDate.now(clock).plusDays(1))) {
            boolean served = changed.serves(day.day().getDayOfWeek());
            if (!served && !day.closed()) {
                days.close(point, day.day(), QuotaCalendarService.NOT_SERVED);
                cancelled += calendar.cancelBookingsOf(point, day.day(), QuotaCalendarService.NOT_SERVED);
            } else if (served && day.closed() && REGULAR_CLOSURES.contains(day.closedReason())
                    && !nationalHolidays.existsById(day.day())) {
                days.reopen(point, day.day());
            }
        }
        calendar.refresh(point);
        return cancelled;
    }

    private void requireKnown(String point) {
        if (servicePoints.byCode(point).isEmpty()) {
            throw new BookingRefused(RefusalCode.UNKNOWN_SERVICE_POINT, point);
        }
    }
}
