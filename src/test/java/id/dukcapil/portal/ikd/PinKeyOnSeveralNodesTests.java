package id.dukcapil.portal.ikd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.dukcapil.portal.shared.secret.MissingSharedSetting;
import id.dukcapil.portal.shared.secret.NodeScope;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A PIN e-mailed by one node is typed at the phone while the next request reaches another node. */
class PinKeyOnSeveralNodesTests {

    static final String SHARED_KEY = Base64.getEncoder().encodeToString("shared-ikd-pin-key-0123456789abcdef".getBytes());

    @TempDir Path folder;

    @Test
    void a_pin_hashed_on_one_node_matches_on_the_other_when_both_read_the_same_setting() {
        PinHasher nodeA = new PinHasher(SHARED_KEY, folder.resolve("a"), NodeScope.EXTERNAL_DATABASE);
        PinHasher nodeB = new PinHasher(SHARED_KEY, folder.resolve("b"), NodeScope.EXTERNAL_DATABASE);

        String hash = nodeA.hash("IKD-2026-000123", "482913");

        assertThat(nodeB.matches("IKD-2026-000123", "482913", hash)).isTrue();
        assertThat(nodeB.matches("IKD-2026-000123", "482914", hash)).as("a wrong PIN still fails").isFalse();
        assertThat(folder.resolve("a").resolve(PinHasher.FILE_NAME)).as("no key file made").doesNotExist();
    }

    @Test
    void with_an_external_database_and_no_pin_key_the_node_refuses_to_start() {
        assertThatThrownBy(() -> new PinHasher("", folder.resolve("a"), NodeScope.EXTERNAL_DATABASE))
                .isInstanceOf(MissingSharedSetting.class).hasMessageContaining("IKD_PIN_KEY is not set");
        assertThat(folder.resolve("a").resolve(PinHasher.FILE_NAME)).doesNotExist();
    }

    @Test
    void with_the_embedded_database_the_node_makes_its_key_once_and_keeps_it() {
        PinHasher first = new PinHasher("", folder.resolve("a"), NodeScope.EMBEDDED_DATABASE);
        PinHasher restarted = new PinHasher("", folder.resolve("a"), NodeScope.EMBEDDED_DATABASE);
        PinHasher elsewhere = new PinHasher("", folder.resolve("b"), NodeScope.EMBEDDED_DATABASE);

        String hash = first.hash("IKD-2026-000123", "482913");

        assertThat(restarted.matches("IKD-2026-000123", "482913", hash)).isTrue();
        assertThat(elsewhere.matches("IKD-2026-000123", "482913", hash))
                .as("a key of another node's own: why an external database needs the setting").isFalse();
    }
}
