package id.dukcapil.portal.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Sha256Test {

    @Test
    void a_text_is_hashed_as_its_utf8_bytes_in_lower_case_hex() {
        assertThat(Sha256.hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Sha256.hex("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(Sha256.hex("Nusa Tenggara Timur — Kupang"))
                .isEqualTo(Sha256.hex("Nusa Tenggara Timur — Kupang".getBytes(StandardCharsets.UTF_8)))
                .hasSize(64).matches("[0-9a-f]{64}");
    }

    @Test
    void the_digest_fed_in_parts_is_the_digest_of_the_whole() {
        var digest = Sha256.newDigest();
        digest.update("a".getBytes(StandardCharsets.US_ASCII));
        digest.update("bc".getBytes(StandardCharsets.US_ASCII));
        byte[] parts = digest.digest();
        assertThat(parts).hasSize(32).isEqualTo(Sha256.digest("abc".getBytes(StandardCharsets.US_ASCII)));
        assertThat(HexFormat.of().formatHex(parts)).isEqualTo(Sha256.hex("abc"));
    }
}
