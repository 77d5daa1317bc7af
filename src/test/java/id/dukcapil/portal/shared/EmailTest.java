package id.dukcapil.portal.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailTest {

    @Test
    void an_address_is_kept_with_its_domain_lower_cased() {
        assertThat(Email.parse("  Dewi.Sartika+ikd@Bandungkab.GO.id ").value()).isEqualTo("Dewi.Sartika+ikd@bandungkab.go.id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "a@@", "a@@b.id", "@b.id", "a@", "a@b", "a@b.", "a@.b.id", "a..b@c.id", ".a@c.id",
            "a@b.id,c@d.id", "a@b.id c@d.id", "a@b.id\r\nBcc: x@y.id", "a\n@b.id", "a@b.id\n", "a@-b.id", "a@b-.id",
            "a@b_c.id", "a@1.2.3.4", "\"quoted\"@b.id", "dewi@bandungkab.go.id>", "a@b..id"})
    void anything_but_one_plain_address_is_refused(String text) {
        assertThatThrownBy(() -> Email.parse(text)).isInstanceOf(RuleViolation.class).hasMessage(Email.INVALID);
        assertThat(Email.isValid(text)).isFalse();
    }

    @Test
    void the_lengths_of_rfc_5321_bound_an_address() {
        String local64 = "a".repeat(64);
        assertThat(Email.isValid(local64 + "@b.id")).isTrue();
        assertThat(Email.isValid(local64 + "a@b.id")).isFalse();
        String domain = ("d".repeat(61) + ".").repeat(3) + "bandungkab.go.id";
        String longest = "a".repeat(Email.MAX_LENGTH - 1 - domain.length()) + "@" + domain;
        assertThat(longest).hasSize(Email.MAX_LENGTH);
        assertThat(Email.isValid(longest)).isTrue();
        assertThat(Email.isValid("a" + longest)).isFalse();
        assertThat(Email.isValid("a".repeat(300) + "@b.id")).isFalse();
    }

    @Test
    void a_null_is_refused_as_invalid() {
        assertThat(Email.isValid(null)).isFalse();
    }
}
