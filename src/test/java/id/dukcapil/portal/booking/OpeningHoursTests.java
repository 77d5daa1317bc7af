package id.dukcapil.portal.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.SignedInAs;
import id.dukcapil.portal.notification.TestMailServer;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.staff.ServicePoints;
import id.dukcapil.portal.staff.StaffAccounts;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Each service point serves on its own days: a mall on Saturdays, a kecamatan unit as its planner sets it. */
@PortalTest
class OpeningHoursTests {

    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    private static final LocalTime EIGHT = LocalTime.of(8, 0);

    @Autowired QuotaCalendarService calendar;
    @Autowired PointCalendarSettings pointSettings;
    @Autowired BookingService bookings;
    @Autowired BookingTestSupport support;
    @Autowired UserDetailsService users;
    @Autowired JdbcTemplate jdbc;
    @Autowired StaffAccounts staff;
    @Autowired ServicePoints servicePoints;

    @Test
    void a_mall_serves_on_saturdays_and_a_kecamatan_unit_does_once_its_planner_says_so() throws Exception {
        String unit = staff.servicePoint();
        LocalDate saturday = support.workingDay(7).with(DayOfWeek.SATURDAY);
        assertThat(calendar.availability("MPP-SOREANG", saturday, saturday).getFirst().open()).isTrue();
        assertThat(calendar.availability(unit, saturday, saturday).getFirst().open()).isFalse();
        assertThat(calendar.openingHours(unit).days()).isEqualTo(WEEKDAYS);

        OpeningHours withSaturday = new OpeningHours(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY), EIGHT,
                LocalTime.of(12, 0));
        int cancelled = SignedInAs.call(users, "perencana", () -> pointSettings.changeOpeningHours(unit, withSaturday));

        assertThat(cancelled).isZero();
        assertThat(calendar.openingHours(unit)).isEqualTo(withSaturday);
        assertThat(calendar.availability(unit, saturday, saturday).getFirst().open())
                .as("the Saturday shown closed before is open now").isTrue();
        support.quota(unit, saturday, 5);
        CitizenSession citizen = support.citizen();
        Booking booking = bookings.book(citizen, support.request(support.printReadyNiks(1).getFirst(), unit,
                saturday), null, BookingJourney.none(), support.newClientAddress()).booking();
        assertThat(booking.day()).isEqualTo(saturday);
        assertThat(TestMailServer.awaitText(ticketMailTo(citizen.email())))
                .as("the ticket's e-mail says where and until when").contains("Jam layanan: 08.00–12.00",
                        servicePoints.byCode(unit).orElseThrow().address());
        assertThat(calendar.availability(unit, saturday.plusDays(1), saturday.plusDays(1)).getFirst().open())
                .as("Sunday is still not served").isFalse();
    }

    @Test
    void dropping_a_day_cancels_its_bookings_tells_the_citizens_and_bringing_it_back_keeps_a_planners_closure() {
        String unit = staff.servicePoint();
        LocalDate day = support.workingDay(10);
        LocalDate weekLater = day.plusWeeks(1);
        support.quota(unit, day, 5);
        CitizenSession citizen = support.citizen();
        Booking booking = bookings.book(citizen, support.request(support.printReadyNiks(1).getFirst(), unit, day), null,
                BookingJourney.none(), support.newClientAddress()).booking();
        SignedInAs.run(users, "perencana", () -> calendar.closeDay(unit, weekLater, "Rapat koordinasi"));
        EnumSet<DayOfWeek> without = EnumSet.copyOf(WEEKDAYS);
        without.remove(day.getDayOfWeek());
        OpeningHours fewerDays = new OpeningHours(without, EIGHT, LocalTime.of(15, 0));

        int told = SignedInAs.call(users, "perencana", () -> pointSettings.bookingsCancelledBy(unit, fewerDays));
        int cancelled = SignedInAs.call(users, "perencana", () -> pointSettings.changeOpeningHours(unit, fewerDays));

        assertThat(told).as("what the planner is told before confirming").isEqualTo(1);
        assertThat(cancelled).isEqualTo(1);
        assertThat(bookings.ofCitizen(citizen, booking.code()).status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(calendar.ensureDay(unit, day).closed()).isTrue();
        String messageId = jdbc.queryForObject("""
                SELECT message_id FROM notification_message WHERE recipient = ? AND template_key = 'booking-day-closed'""",
                String.class, citizen.email());
        assertThat(TestMailServer.awaitText(messageId)).contains("Tidak ada layanan pada hari ini")
                .doesNotContain("booking.calendar");

        SignedInAs.run(users, "perencana", () -> pointSettings.changeOpeningHours(unit, new OpeningHours(WEEKDAYS, EIGHT,
                LocalTime.of(15, 0))));
        assertThat(calendar.ensureDay(unit, day).closed()).as("served again").isFalse();
        assertThat(calendar.ensureDay(unit, weekLater).closedReason()).as("the planner's closure stays")
                .isEqualTo("Rapat koordinasi");
    }

    /** The ticket's e-mail is made after the booking commits, in a lull: wait for it. */
    private String ticketMailTo(String email) throws InterruptedException {
        for (int tries = 0; tries < 150; tries++) {
            List<String> ids = jdbc.queryForList("SELECT message_id FROM notification_message WHERE recipient = ? "
                    + "AND template_key = 'booking-ticket'", String.class, email);
            if (!ids.isEmpty()) {
                return ids.getFirst();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("No ticket e-mail to " + email);
    }

    @Test
    void hours_without_a_day_or_closing_before_they_open_are_refused_and_nothing_changes() {
        String unit = staff.servicePoint();
        OpeningHours before = calendar.openingHours(unit);
        assertThatThrownBy(() -> SignedInAs.run(users, "perencana", () -> pointSettings.changeOpeningHours(unit,
                new OpeningHours(Set.of(), EIGHT, LocalTime.of(15, 0)))))
                .isInstanceOfSatisfying(RuleViolation.class,
                        refused -> assertThat(refused.messageKeys()).containsExactly("booking.hours.no-day"));
        assertThatThrownBy(() -> SignedInAs.run(users, "perencana", () -> pointSettings.changeOpeningHours(unit,
                new OpeningHours(WEEKDAYS, EIGHT, EIGHT))))
                .isInstanceOfSatisfying(RuleViolation.class,
                        refused -> assertThat(refused.messageKeys()).containsExactly("booking.hours.order"));
        assertThat(calendar.openingHours(unit)).isEqualTo(before);
    }
}
