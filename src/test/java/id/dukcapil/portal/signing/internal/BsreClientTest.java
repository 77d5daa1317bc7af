package id.dukcapil.portal.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The passphrase goes into the JSON body without ever being a String: its escaping must be JSON's. */
class BsreClientTest {

    @Test
    void a_passphrase_with_quotes_backslashes_controls_and_any_script_reads_back_as_typed() {
        String typed = "p\"a\\s\ts/é€😀-Kadis\u0001";

        byte[] escaped = BsreClient.escaped(typed.toCharArray());

        String json = "\"" + new String(escaped, StandardCharsets.UTF_8) + "\"";
        assertThat(JsonMapper.builder().build().readTree(json).asString()).isEqualTo(typed);
    }

    @Test
    void a_passphrase_with_half_a_character_has_no_utf8_form_and_is_never_encoded() {
        for (String typed : List.of("Kadis-\uD83D", "\uD83D-Kadis", "Kadis-\uDE00", "\uDE00\uD83D")) {
            assertThat(BsreClient.wellFormed(typed.toCharArray())).as(typed).isFalse();
            assertThatThrownBy(() -> BsreClient.escaped(typed.toCharArray())).as(typed)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(BsreClient.wellFormed("Kadis-😀".toCharArray())).isTrue();
    }
}
