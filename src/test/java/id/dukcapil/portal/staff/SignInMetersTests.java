package id.dukcapil.portal.staff;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.TestDays;
import id.dukcapil.portal.shared.Role;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Decision 178: the office sees someone trying passwords, as failed sign-ins by reason and accounts locked. */
@PortalTest
class SignInMetersTests {

    @Autowired TestClock clock;
    @Autowired StaffAccounts staffAccounts;
    @Autowired MeterRegistry registry;
    @LocalServerPort int port;

    @AfterEach
    void real_time_again() {
        clock.reset();
    }

    @Test
    void failed_sign_ins_are_counted_by_reason_and_the_lock_they_cause_once() {
        clock.setInstant(TestDays.at(TestDays.nextMonday(clock), "09:00"));
        SignIn signIn = new SignIn(port);
        String username = staffAccounts.create(Set.of(Role.OPERATOR), "Sandi-Kuat-2026");
        double wrong = failures("wrong_password");
        double unknown = failures("unknown_name");
        double refused = failures("locked_or_disabled");
        double locks = registry.get("portal.signin.locks").counter().count();

        for (int i = 0; i < 5; i++) {
            signIn.attempt(username, "wrong-" + i);
        }
        signIn.attempt(username, "Sandi-Kuat-2026");
        signIn.attempt("nobody-" + System.nanoTime(), "anything");

        assertThat(failures("wrong_password") - wrong).isEqualTo(5);
        assertThat(registry.get("portal.signin.locks").counter().count() - locks).isEqualTo(1);
        assertThat(failures("locked_or_disabled") - refused).isEqualTo(1);
        assertThat(failures("unknown_name") - unknown).isEqualTo(1);
    }

    private double failures(String reason) {
        return registry.get("portal.signin.failures").tag("reason", reason).counter().count();
    }
}
