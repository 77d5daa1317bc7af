package id.dukcapil.portal.booking.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalViewTest;
import id.dukcapil.portal.booking.BookingJourney;
import id.dukcapil.portal.booking.BookingRequest;
import id.dukcapil.portal.booking.BookingService;
import id.dukcapil.portal.booking.BookingTestSupport;
import id.dukcapil.portal.booking.CalendarDay;
import id.dukcapil.portal.booking.CitizenSession;
import id.dukcapil.portal.staff.ServicePoints;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/** A planner's month of a service point: set a day's quota, close a day that has bookings. */
@WithUserDetails("perencana")
class QuotaCalendarViewTest extends PortalViewTest {

    private static final String POINT = "UKL-320414";

    @Autowired BookingService bookings;
    @Autowired BookingTestSupport support;
    @Autowired JdbcTemplate jdbc;
    @Autowired ServicePoints servicePoints;

    @Test
    void a_planner_sets_a_quota_and_closes_a_booked_day_whose_citizen_is_told() {
        LocalDate day = support.workingDay(15);
        support.quota(POINT, day, 3);
        CitizenSession citizen = support.citizen();
        bookings.book(citizen, support.request(support.printReadyNiks(1).getFirst(), POINT, day), null, BookingJourney.none(), support.newClientAddress());

        QuotaCalendarView view = navigate(QuotaCalendarView.class);
        view.point.setValue(servicePoints.byCode(POINT).orElseThrow());
        while (!YearMonth.from(day).toString().equals(monthOf(view))) {
            test(view.next).click();
        }
        CalendarDay row = rowOf(view, day);
        assertThat(row.quota()).isEqualTo(3);
        assertThat(row.booked()).isEqualTo(1);
        assertThat(test(view.days).getCellText(indexOf(view, day), 1)).isEqualTo("3 *");

        view.days.select(row);
        test(view.quota).setValue(6);
        test(view.setQuota).click();
        assertThat(rowOf(view, day).quota()).isEqualTo(6);

        view.days.select(rowOf(view, day));
        test(view.reason).setValue("Rapat koordinasi kecamatan");
        test(view.close).click();
        assertThat(lastNotification()).contains("1 booking dibatalkan");
        assertThat(rowOf(view, day).closed()).isTrue();
        assertThat(rowOf(view, day).booked()).isZero();
        assertThat(support.mailsTo(citizen.email())).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT subject FROM notification_message WHERE recipient = ? ORDER BY id DESC LIMIT 1",
                String.class, citizen.email())).contains("dibatalkan");
    }

    @Test
    @WithUserDetails("manajer")
    void the_daily_summary_opens_only_for_a_chosen_day_and_says_so_before() {
        QuotaCalendarView view = navigate(QuotaCalendarView.class);
        assertThat(view.summary.isVisible()).isTrue();
        assertThat(view.summary.isEnabled()).as("no day chosen: nothing to download").isFalse();
        assertThat(view.summary.getElement().getAttribute("title")).contains("Pilih satu hari");

        view.days.select(test(view.days).getRow(0));

        assertThat(view.summary.isEnabled()).isTrue();
        assertThat(view.summary.getHref()).isNotBlank();
    }

    private String monthOf(QuotaCalendarView view) {
        return YearMonth.from(test(view.days).getRow(0).day()).toString();
    }

    private int indexOf(QuotaCalendarView view, LocalDate day) {
        return day.getDayOfMonth() - 1;
    }

    private CalendarDay rowOf(QuotaCalendarView view, LocalDate day) {
        return test(view.days).getRow(indexOf(view, day));
    }
}
