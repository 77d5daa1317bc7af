package id.dukcapil.portal.shared.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackupCipherTest {

    private final BackupCipher cipher = new BackupCipher(key(1));

    @Test
    void a_sealed_file_of_several_chunks_opens_to_the_same_bytes() throws IOException {
        byte[] plain = new byte[(3 << 20) + 12345];
        new Random(7).nextBytes(plain);
        assertThat(open(cipher, seal(plain))).isEqualTo(plain);
        assertThat(open(cipher, seal(new byte[0]))).isEmpty();
    }

    @Test
    void another_key_is_refused_by_name() throws IOException {
        byte[] sealed = seal("data".getBytes());
        BackupCipher other = new BackupCipher(key(2));
        assertThatThrownBy(() -> open(other, sealed)).isInstanceOf(IOException.class)
                .hasMessageContaining(cipher.keyId()).hasMessageContaining("BACKUP_KEY");
    }

    @Test
    void an_altered_or_cut_short_file_is_refused() throws IOException {
        byte[] plain = new byte[(2 << 20) + 10];
        byte[] sealed = seal(plain);
        byte[] altered = sealed.clone();
        altered[altered.length / 2] ^= 1;
        assertThatThrownBy(() -> open(cipher, altered)).hasMessageContaining("altered");
        // Cut after the first whole chunk: without its last chunk the file is not a shorter backup.
        byte[] cut = Arrays.copyOf(sealed, 21 + 5 + (1 << 20) + 16);
        assertThatThrownBy(() -> open(cipher, cut)).hasMessageContaining("cut short");
    }

    private byte[] seal(byte[] plain) throws IOException {
        ByteArrayOutputStream sealed = new ByteArrayOutputStream();
        try (OutputStream out = cipher.seal(sealed)) {
            out.write(plain);
        }
        return sealed.toByteArray();
    }

    private static byte[] open(BackupCipher cipher, byte[] sealed) throws IOException {
        try (InputStream in = cipher.open(new ByteArrayInputStream(sealed))) {
            return in.readAllBytes();
        }
    }

    private static byte[] key(int seed) {
        byte[] key = new byte[32];
        new Random(seed).nextBytes(key);
        return key;
    }
}
