package id.dukcapil.portal.staff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void a_long_mixed_password_is_accepted() {
        assertThat(PasswordPolicy.violations("budi", "Soreang-Raya17")).isEmpty();
    }

    @Test
    void a_short_password_is_refused_with_its_length_rule() {
        assertThat(PasswordPolicy.violations("budi", "Ab1")).contains("password.rule.length");
    }

    @Test
    void every_broken_rule_is_reported_at_once() {
        assertThat(PasswordPolicy.violations("budi", "budibudibudi"))
                .containsExactlyInAnyOrder("password.rule.digit", "password.rule.case", "password.rule.username");
    }

    @Test
    void a_common_password_is_refused_whatever_its_length() {
        assertThat(PasswordPolicy.violations("rina", "Dukcapil123")).contains("password.rule.common");
    }

    @Test
    void the_temporary_passwords_of_an_admin_reset_meet_the_rules() {
        for (int i = 0; i < 200; i++) {
            assertThat(PasswordPolicy.violations("", StaffAdministration.temporaryPassword())).isEmpty();
        }
    }
}
