package id.dukcapil.portal.shared.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

/** Where a key comes from, by the one rule: a node alone on its embedded database may make it, no other node may. */
class KeyFileTests {

    static final SharedSetting SETTING = new SharedSetting("the test key", "TEST_KEY", "portal.test.key");
    static final String CONFIGURED = Base64.getEncoder().encodeToString("k".repeat(32).getBytes());

    @TempDir Path folder;

    @Test
    void with_the_embedded_database_a_missing_key_is_made_once_in_a_file_only_the_portal_reads() throws Exception {
        Path file = folder.resolve("data/test.key");

        byte[] made = KeyFile.read("", SETTING, file, NodeScope.EMBEDDED_DATABASE);

        assertThat(made).hasSize(KeyFile.MIN_BYTES);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(KeyFile.read(null, SETTING, file, NodeScope.EMBEDDED_DATABASE)).as("read again at the next start")
                .isEqualTo(made);
    }

    @Test
    void with_an_external_database_and_no_key_configured_the_start_is_refused_naming_the_setting() {
        Path file = folder.resolve("data/test.key");

        assertThatThrownBy(() -> KeyFile.read("", SETTING, file, NodeScope.EXTERNAL_DATABASE))
                .isInstanceOf(MissingSharedSetting.class)
                .hasMessageContaining("TEST_KEY is not set")
                .hasMessageContaining("openssl rand -base64 32");
        assertThat(file).as("no key of this node's own").doesNotExist();
    }

    @Test
    void a_key_file_made_while_the_node_was_alone_is_named_so_that_its_content_becomes_the_setting() throws Exception {
        Path file = folder.resolve("data/test.key");
        KeyFile.read("", SETTING, file, NodeScope.EMBEDDED_DATABASE);

        assertThatThrownBy(() -> KeyFile.read("", SETTING, file, NodeScope.EXTERNAL_DATABASE))
                .isInstanceOf(MissingSharedSetting.class)
                .hasMessageContaining(file.toAbsolutePath().toString())
                .hasMessageContaining("set TEST_KEY to that file's content");
    }

    @Test
    void a_configured_key_is_the_key_whatever_the_database_and_whatever_file_lies_around() {
        Path file = folder.resolve("data/test.key");
        KeyFile.read("", SETTING, file, NodeScope.EMBEDDED_DATABASE);

        assertThat(KeyFile.read(CONFIGURED, SETTING, file, NodeScope.EXTERNAL_DATABASE))
                .isEqualTo("k".repeat(32).getBytes());
        assertThat(KeyFile.read(CONFIGURED, SETTING, file, NodeScope.EMBEDDED_DATABASE))
                .isEqualTo("k".repeat(32).getBytes());
    }

    @Test
    void a_configured_key_too_short_or_not_base64_is_refused() {
        Path file = folder.resolve("test.key");
        String short16 = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> KeyFile.read(short16, SETTING, file, NodeScope.EXTERNAL_DATABASE))
                .hasMessageContaining("at least 32 bytes");
        assertThatThrownBy(() -> KeyFile.read("not base64!", SETTING, file, NodeScope.EXTERNAL_DATABASE))
                .hasMessageContaining("TEST_KEY is not base64");
    }

    @Test
    void the_database_is_embedded_only_when_the_embedded_database_said_so_at_its_start() {
        assertThat(NodeScope.of(new MockEnvironment())).isEqualTo(NodeScope.EXTERNAL_DATABASE);
        assertThat(NodeScope.of(new MockEnvironment().withProperty(NodeScope.EMBEDDED_DATABASE_ACTIVE, "true")))
                .isEqualTo(NodeScope.EMBEDDED_DATABASE);
    }

    @Test
    void the_refused_start_tells_the_operator_what_to_set_instead_of_a_stack_trace() {
        MissingSharedSetting missing = new MissingSharedSetting(SETTING, "Set it.");

        FailureAnalysis analysis = new MissingSharedSettingAnalyzer().analyze(new IllegalStateException(missing));

        assertThat(analysis.getDescription()).contains("TEST_KEY (portal.test.key) is not set", "the test key");
        assertThat(analysis.getAction()).isEqualTo("Set it.");
    }
}
