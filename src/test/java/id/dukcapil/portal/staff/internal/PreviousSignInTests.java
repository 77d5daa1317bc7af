package id.dukcapil.portal.staff.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.TestDays;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.staff.StaffAccounts;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The home shows the sign-in before this one (issue 54: "masuk terakhir" showed the sign-in just made, so a clerk
 * could never see that somebody else had used the account).
 */
@PortalTest
class PreviousSignInTests {

    @Autowired SignInAttempts attempts;
    @Autowired StaffAccountRepository accounts;
    @Autowired StaffAccounts staffAccounts;
    @Autowired TestClock clock;

    @AfterEach
    void real_time_again() {
        clock.reset();
    }

    @Test
    void each_sign_in_keeps_the_one_before_it() {
        String username = staffAccounts.create(Set.of(Role.OPERATOR), "Sandi-Kuat-2026");
        Instant monday = TestDays.at(TestDays.nextMonday(clock), "08:00");
        clock.setInstant(monday);
        attempts.signedIn(username);
        assertThat(account(username).previousSignInAt()).as("the first sign-in has none before it").isNull();

        clock.advance(Duration.ofDays(1));
        attempts.signedIn(username);
        assertThat(account(username).lastSignInAt()).isEqualTo(monday.plus(Duration.ofDays(1)));
        assertThat(account(username).previousSignInAt()).isEqualTo(monday);
    }

    private id.dukcapil.portal.staff.StaffAccount account(String username) {
        return accounts.findByUsername(username).orElseThrow().toRecord();
    }
}
