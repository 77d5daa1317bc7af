package id.dukcapil.portal.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.staff.StaffAccounts;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Decision 178: the office sees its bookings made and refused, by reason, where the booking service decides, and the
 * places left today per service point.
 */
@PortalTest
class BookingMetersTests {

    private static String point;

    @Autowired BookingService bookings;
    @Autowired BookingTestSupport support;
    @Autowired MeterRegistry registry;

    /** A point of its own: no other class's bookings on its days. */
    @BeforeAll
    static void a_point_of_its_own(@Autowired StaffAccounts staff) {
        point = staff.servicePoint();
    }

    @Test
    void a_citizens_booking_counts_as_made_and_the_one_a_full_day_turns_away_as_refused_for_its_quota() {
        LocalDate day = support.workingDay(3);
        support.quota(point, day, 1);
        List<String> niks = support.printReadyNiks(2);
        double made = made();
        double quotaFull = refused("quota_full");
        double dayClosed = refused("day_closed");

        bookings.book(support.citizen(), support.request(niks.get(0), point, day), null, BookingJourney.none(),
                support.newClientAddress());
        CitizenSession second = support.citizen();
        assertThatThrownBy(() -> bookings.book(second, support.request(niks.get(1), point, day), null,
                BookingJourney.none(), support.newClientAddress())).isInstanceOf(BookingRefused.class);
        assertThatThrownBy(() -> bookings.book(second, support.request(niks.get(1), point, support.today()), null,
                BookingJourney.none(), support.newClientAddress())).isInstanceOf(BookingRefused.class);

        assertThat(made() - made).isEqualTo(1);
        assertThat(refused("quota_full") - quotaFull).isEqualTo(1);
        assertThat(refused("day_closed") - dayClosed).as("today is not for citizens").isEqualTo(1);
    }

    private double made() {
        return registry.get("portal.bookings.made").tag("by", "citizen").counter().count();
    }

    private double refused(String reason) {
        return registry.get("portal.bookings.refused").tag("reason", reason).counter().count();
    }
}
