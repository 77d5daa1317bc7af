package id.dukcapil.portal.shared.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.shared.Email;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The e-mail field's pattern lets through what the service's own check takes, and nothing it refuses. */
class EmailPatternTests {

    private static final List<String> TAKEN = List.of("o'neil@example.id", "ujang@desa.id", "Ujang.Sutisna@Desa.ID",
            "a!b#c$d%e&f*g+h=i?j^k_l`m{n|o}p~q-r/s@x.co.id", "warga@1desa.id", "x@a-b.id", "a".repeat(64) + "@x.id",
            "u@" + "d".repeat(63) + ".id");
    private static final List<String> REFUSED = List.of("ujang-di-desa", "ujang@desa", ".ujang@desa.id",
            "ujang.@desa.id", "ujang..s@desa.id", "u@@desa.id", "u@desa..id", "u@-desa.id", "u@desa-.id",
            "u@desa.123", "ujang sutisna@desa.id", "u(j)@desa.id", "u\"j\"@desa.id", "u@desa_kab.id", "u@desa.id,",
            "a".repeat(65) + "@x.id", "u@" + "d".repeat(64) + ".id", "u,v@desa.id", "u@[10.0.0.1]");

    @Test
    void the_addresses_the_service_takes_match_among_them_an_apostrophe() {
        for (String address : TAKEN) {
            assertThat(Email.isValid(address)).as("the service takes %s", address).isTrue();
            assertThat(address.matches(EmailPattern.REGEX)).as("the field takes %s", address).isTrue();
        }
    }

    @Test
    void the_addresses_the_service_refuses_do_not_match() {
        for (String address : REFUSED) {
            assertThat(Email.isValid(address)).as("the service refuses %s", address).isFalse();
            assertThat(address.matches(EmailPattern.REGEX)).as("the field refuses %s", address).isFalse();
        }
    }
}
