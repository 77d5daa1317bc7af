package id.dukcapil.portal.shared.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.RouterLink;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.booking.Booking;
import id.dukcapil.portal.booking.BookingJourney;
import id.dukcapil.portal.booking.BookingService;
import id.dukcapil.portal.booking.BookingTestSupport;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;

import com.vaadin.flow.component.html.Span;
import id.dukcapil.portal.PortalViewTest;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;

/** Every role lands on its work: the counter's queue, the planner's stock, the manager's reports (issues 18, 36). */
class RoleHomesViewTest extends PortalViewTest {

    @org.springframework.beans.factory.annotation.Autowired id.dukcapil.portal.blanko.BlankoStock stock;
    @Autowired BookingService bookings;
    @Autowired BookingTestSupport booking;
    @Autowired TestClock clock;

    @AfterEach
    void real_time_again() {
        clock.reset();
    }

    @Test
    @WithUserDetails("cetak")
    void the_print_operator_sees_the_counters_day() {
        navigate(HomeView.class);
        assertThat(find(Span.class).id("counter-booked").getText()).matches("\\d+");
        assertThat(find(Span.class).id("counter-printed").getText()).matches("\\d+");
    }

    @Test
    @WithUserDetails("operator")
    void the_counter_operator_starts_the_day_with_whos_next_in_the_queue() {
        LocalDate day = booking.workingDay(23);
        booking.room("DINAS", day, 50);
        Booking booked = bookings.book(booking.citizen(), booking.request(booking.printReadyNiks(1).getFirst(), "DINAS",
                day), null, BookingJourney.none(), booking.newClientAddress()).booking();
        clock.setInstant(day.atTime(8, 0).atZone(ZoneId.of("Asia/Jakarta")).toInstant());

        com.vaadin.flow.component.UI.getCurrent().navigate("password"); // the home drawn anew, on the booked day
        navigate(HomeView.class);

        assertThat(find(UnorderedList.class).id("counter-queue").getElement().getTextRecursively())
                .contains("Antrian " + booked.queueNumber() + " · " + booked.residentName());
        assertThat(find(RouterLink.class).all()).extracting(RouterLink::getText).contains("Buka Loket Cetak");
    }

    @Test
    @WithUserDetails("manajer")
    void the_manager_has_a_way_to_the_reports_from_home() {
        navigate(HomeView.class);

        RouterLink reports = find(RouterLink.class).id("home-reports");
        assertThat(reports.getText()).isEqualTo("Buka laporan kinerja");
        assertThat(reports.getHref()).isEqualTo("reports");
    }

    @Test
    @WithUserDetails("perencana")
    void the_planner_sees_the_stock_and_the_points_running_out() {
        stock.receive("DINAS", 1_500, "SJ-HOME-" + System.nanoTime()); // thousands of blanks: the separator shows
        com.vaadin.flow.component.UI.getCurrent().navigate("password"); // the home drawn anew, with the delivery
        navigate(HomeView.class);
        int total = stock.summaries().stream().mapToInt(id.dukcapil.portal.blanko.StockSummary::balance).sum();
        assertThat(find(Span.class).id("stock-total").getText()).as("every point's balance, with the thousands separated")
                .isEqualTo(java.text.NumberFormat.getIntegerInstance(java.util.Locale.of("id")).format(total));
        assertThat(find(Span.class).id("stock-total").getText()).matches("\\d{1,3}(\\.\\d{3})+");
        assertThat(find(Span.class).id("stock-short").getText()).matches("\\d+");
    }
}
