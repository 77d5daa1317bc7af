package id.dukcapil.portal.signing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

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
}
