package id.dukcapil.portal.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.booking.internal.RegistrationSteps;
import id.dukcapil.portal.sla.CaseRef;
import id.dukcapil.portal.sla.FinishedStep;
import id.dukcapil.portal.sla.Procedure;
import id.dukcapil.portal.sla.StepClock;
import id.dukcapil.portal.sla.StepRecord;
import id.dukcapil.portal.sla.SopStep;
import id.dukcapil.portal.staff.StaffAccounts;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 54: SOP A's steps 3 and 4 were timed only inside the booking's journey, so a citizen who registered in one
 * session and booked in another (or through the app) left them out. They are the account's now, timed as each ends.
 */
@PortalTest
class RegistrationStepsTests {

    @Autowired CitizenAccounts accounts;
    @Autowired BookingTestSupport support;
    @Autowired TestClock clock;
    @Autowired StepClock stepClock;
    @Autowired BookingService bookings;
    @Autowired TicketSteps tickets;
    @Autowired StaffAccounts staff;

    @AfterEach
    void real_time_again() {
        clock.reset();
    }

    @Test
    void the_form_and_the_code_are_timed_in_the_accounts_case_whichever_session_books() {
        Instant sent = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.setInstant(sent);
        String email = support.newEmail();
        String attempt = accounts.register(new Registration("Euis Komalasari", email, "0812 3456 7890",
                BookingTestSupport.PASSWORD), Locale.forLanguageTag("id"), support.newClientAddress(),
                sent.minus(Duration.ofMinutes(3)));
        String code = support.lastCodeTo(email);
        clock.setInstant(sent.plus(Duration.ofMinutes(2)));
        long citizen = accounts.verify(email, attempt, code, support.newClientAddress()).citizenId();

        List<StepRecord> steps = stepClock.history(RegistrationSteps.caseOf(citizen));
        assertThat(steps).extracting(StepRecord::step).containsExactly(SopStep.A3_REGISTER, SopStep.A4_ENTER_OTP);
        assertThat(steps.get(0).startedAt()).isEqualTo(sent.minus(Duration.ofMinutes(3)));
        assertThat(steps.get(0).endedAt()).isEqualTo(sent);
        assertThat(steps.get(1).startedAt()).as("from the code's sending").isEqualTo(sent);
        assertThat(steps.get(1).endedAt()).as("to its typing").isEqualTo(sent.plus(Duration.ofMinutes(2)));
        assertThat(steps).extracting(StepRecord::servicePoint).containsOnly("DINAS");
    }

    @Test
    void an_apps_registration_times_the_code_only() {
        String email = support.newEmail();
        long citizen = support.citizen(email).citizenId();
        assertThat(stepClock.history(RegistrationSteps.caseOf(citizen))).extracting(StepRecord::step)
                .as("the form's opening is not known to the API").containsExactly(SopStep.A4_ENTER_OTP);
    }

    @Test
    void a_journey_that_registered_leaves_steps_3_and_4_to_the_account_and_ends_step_1_where_3_began() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        BookingJourney journey = BookingJourney.none()
                .with(SopStep.A1_OPEN_BDS, start)
                .with(SopStep.A3_REGISTER, start.plusSeconds(30))
                .with(SopStep.A4_ENTER_OTP, start.plusSeconds(120))
                .with(SopStep.A5_HOME, start.plusSeconds(200));
        List<FinishedStep> finished = journey.finishedSteps("KODE1234", start.plusSeconds(260), "citizen:1", "DINAS");
        assertThat(finished).extracting(FinishedStep::step).containsExactly(SopStep.A1_OPEN_BDS, SopStep.A5_HOME);
        assertThat(finished.getFirst().end()).isEqualTo(start.plusSeconds(30));
        assertThat(finished.getLast().end()).isEqualTo(start.plusSeconds(260));
    }

    @Test
    void the_ticket_is_timed_from_its_request_to_the_browser_drawing_it_once_and_only_for_its_citizen() {
        String point = staff.servicePoint();
        LocalDate day = support.workingDay(11);
        support.quota(point, day, 50);
        CitizenSession citizen = support.citizen();
        Instant requested = clock.instant();
        BookingJourney web = BookingJourney.none().with(SopStep.A7_PICK_DATE, requested.minusSeconds(40))
                .endingOnScreen();
        String code = bookings.book(citizen, support.request(support.printReadyNiks(1).getFirst(), point, day),
                null, web, support.newClientAddress()).booking().code();
        CaseRef booked = new CaseRef(Procedure.A_BOOKING, code);
        assertThat(stepClock.history(booked)).extracting(StepRecord::step).as("the commit does not end step 8")
                .containsExactly(SopStep.A7_PICK_DATE);

        clock.setInstant(requested.plusSeconds(2));
        tickets.shown(citizen, code, requested);
        tickets.shown(citizen, code, requested);
        List<StepRecord> steps = stepClock.history(booked);
        assertThat(steps).extracting(StepRecord::step).containsExactly(SopStep.A7_PICK_DATE, SopStep.A8_TICKET);
        assertThat(Duration.between(steps.get(1).startedAt(), steps.get(1).endedAt())).isEqualTo(Duration.ofSeconds(2));
        assertThatThrownBy(() -> tickets.shown(support.citizen(), code, requested)).as("another citizen's ticket")
                .isInstanceOf(BookingRefused.class);
    }
}
