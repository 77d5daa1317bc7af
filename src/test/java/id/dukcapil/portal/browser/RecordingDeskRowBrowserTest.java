package id.dukcapil.portal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.SignedInAs;
import id.dukcapil.portal.recording.RecordingDesk;
import id.dukcapil.portal.recording.RecordingTestSupport;
import id.dukcapil.portal.recording.RegistrationDesk;
import id.dukcapil.portal.recording.Visit;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The recording desk in Chromium: its rows' links and buttons, as only a browser follows and sends them. */
@PortalTest
class RecordingDeskRowBrowserTest {

    @LocalServerPort int port;
    @Autowired JdbcTemplate jdbc;
    @Autowired UserDetailsService users;
    @Autowired RegistrationDesk registration;
    @Autowired RecordingDesk recording;

    /**
     * A proof's link keeps its address when the desk is redrawn (another number recorded at the point, pushed to the
     * desk): the proof still comes. A link made for each row was replaced at each redraw, and its address with it
     * (decision 163).
     */
    @Test
    void a_proofs_link_still_brings_the_proof_after_the_desk_was_redrawn() {
        Visit first = recorded();

        try (Browser desk = new Browser(port, 1440, 900)) {
            desk.signIn("perekaman", PortalTest.DEMO_PASSWORD);
            desk.await(By.tagName("h2"));
            desk.open("perekaman");
            String address = desk.await(By.id("proof-" + first.id())).getAttribute("href");

            Visit second = recorded();
            desk.await(By.id("proof-" + second.id())); // the redraw, pushed

            Object answer = desk.driver.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch(arguments[0]).then(answer => done(answer.status + ' ' + answer.headers.get('content-type')),
                      failed => done(String(failed)));""", address);
            assertThat(answer).isEqualTo("200 application/pdf");
        }
    }

    /**
     * The called resident's step clock ticks beside the number in the browser, against the step's standard, without a
     * round trip (issue 54: no desk of SOP C showed the time against the standard).
     */
    @Test
    void the_called_residents_step_clock_ticks_beside_the_number() {
        Visit called = calledHere();

        try (Browser desk = new Browser(port, 1440, 900)) {
            desk.signIn("perekaman", PortalTest.DEMO_PASSWORD);
            desk.await(By.tagName("h2"));
            desk.open("perekaman");
            desk.awaitText(By.id("recording-called"), called.ticket());
            var clock = desk.await(By.id("recording-step-clock"));
            String first = clock.getText();
            assertThat(first).matches("\\d+:\\d\\d / 10 mnt");
            assertThat(clock.getAttribute("state")).isIn("ok", "near", "over");
            assertThat(clock.getAttribute("aria-label")).startsWith("Waktu langkah ").endsWith(" dari waktu baku 10 mnt");
            desk.awaitTextGone(By.id("recording-step-clock"), first); // its next tick, in the browser's own time
            assertThat(clock.getText()).as("ticking").matches("\\d+:\\d\\d / 10 mnt");
        }
    }

    /** A resident queued and called to the demo recorder's desk, not recorded yet: the number it serves. */
    private Visit calledHere() {
        String nik = RecordingTestSupport.residentsToRecord(jdbc, LocalDate.now(ZoneId.of("Asia/Jakarta")), 1)
                .getFirst();
        Visit queued = SignedInAs.call(users, "registrasi", () -> RecordingTestSupport.queued(registration, nik));
        return SignedInAs.call(users, "perekaman", () -> {
            recording.serving().ifPresent(earlier -> recording.absent(earlier.id())); // one number at a time
            Visit called;
            do { // numbers of other tests at the point may wait before it
                called = recording.callNext("Meja 1").orElseThrow();
                if (called.id() != queued.id()) {
                    recording.absent(called.id());
                }
            } while (called.id() != queued.id());
            return called;
        });
    }

    /** A resident through both desks: queued, called by the demo recorder and recorded, the proof to hand. */
    private Visit recorded() {
        String nik = RecordingTestSupport.residentsToRecord(jdbc, LocalDate.now(ZoneId.of("Asia/Jakarta")), 1)
                .getFirst();
        Visit queued = SignedInAs.call(users, "registrasi", () -> RecordingTestSupport.queued(registration, nik));
        return SignedInAs.call(users, "perekaman", () -> {
            Visit called;
            do { // numbers of other tests at the point may wait before it
                called = recording.callNext("Meja 1").orElseThrow();
            } while (called.id() != queued.id());
            return recording.recorded(queued.id());
        });
    }
}
