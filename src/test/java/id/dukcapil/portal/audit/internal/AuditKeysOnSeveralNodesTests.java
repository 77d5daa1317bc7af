package id.dukcapil.portal.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.dukcapil.portal.audit.AuditAnchor;
import id.dukcapil.portal.shared.secret.MissingSharedSetting;
import id.dukcapil.portal.shared.secret.NodeScope;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes on one external database, played in one JVM without Spring: they must sign the one chain under one key
 * and keep the anchors in one file; with the embedded database a node keeps both for itself, as before.
 */
class AuditKeysOnSeveralNodesTests {

    static final String SHARED_KEY = Base64.getEncoder().encodeToString("shared-audit-chain-key-0123456789".getBytes());

    @TempDir Path folder;

    @Test
    void two_nodes_reading_the_same_setting_sign_one_chain_that_each_of_them_verifies() {
        AuditChainKey nodeA = new AuditChainKey(external(SHARED_KEY, "a"), NodeScope.EXTERNAL_DATABASE);
        AuditChainKey nodeB = new AuditChainKey(external(SHARED_KEY, "b"), NodeScope.EXTERNAL_DATABASE);

        assertThat(nodeB.id()).as("every entry names the same key").isEqualTo(nodeA.id());
        // Entries 1 and 3 appended on A, 2 on B: each node recomputes every link.
        List<String> chain = new ArrayList<>();
        String prev = AuditHash.GENESIS;
        for (int seq = 1; seq <= 3; seq++) {
            AuditChainKey writer = seq == 2 ? nodeB : nodeA;
            prev = link(writer, prev, seq);
            chain.add(prev);
        }
        for (AuditChainKey verifier : List.of(nodeA, nodeB)) {
            String expectedPrev = AuditHash.GENESIS;
            for (int seq = 1; seq <= 3; seq++) {
                assertThat(link(verifier, expectedPrev, seq)).isEqualTo(chain.get(seq - 1));
                expectedPrev = chain.get(seq - 1);
            }
        }
        assertThat(folder.resolve("a").resolve(AuditChainKey.FILE_NAME)).as("no key file made").doesNotExist();
    }

    @Test
    void with_an_external_database_and_no_chain_key_the_node_refuses_to_start() {
        assertThatThrownBy(() -> new AuditChainKey(external(null, "a"), NodeScope.EXTERNAL_DATABASE))
                .isInstanceOf(MissingSharedSetting.class).hasMessageContaining("AUDIT_CHAIN_KEY is not set");
        assertThat(folder.resolve("a").resolve(AuditChainKey.FILE_NAME)).doesNotExist();
    }

    @Test
    void with_the_embedded_database_each_node_makes_its_own_key_which_is_why_an_external_one_must_not() {
        AuditChainKey alone = new AuditChainKey(embedded("a"), NodeScope.EMBEDDED_DATABASE);
        AuditChainKey again = new AuditChainKey(embedded("a"), NodeScope.EMBEDDED_DATABASE);
        AuditChainKey elsewhere = new AuditChainKey(embedded("b"), NodeScope.EMBEDDED_DATABASE);

        assertThat(folder.resolve("a").resolve(AuditChainKey.FILE_NAME)).exists();
        assertThat(again.id()).as("the file's key, kept across restarts").isEqualTo(alone.id());
        assertThat(elsewhere.id()).as("another folder, another key: UNKNOWN_KEY on a shared log")
                .isNotEqualTo(alone.id());
    }

    @Test
    void the_anchors_file_is_in_the_configured_shared_folder_or_with_the_embedded_database_in_the_data_folder() {
        Path shared = folder.resolve("shared");
        AuditProperties configured = new AuditProperties(SHARED_KEY, folder.resolve("a"), shared);

        assertThat(AnchorFile.folder(configured, NodeScope.EXTERNAL_DATABASE)).isEqualTo(shared);
        assertThat(AnchorFile.folder(configured, NodeScope.EMBEDDED_DATABASE)).isEqualTo(shared);
        assertThat(AnchorFile.folder(embedded("a"), NodeScope.EMBEDDED_DATABASE)).isEqualTo(folder.resolve("a"));
        assertThat(AnchorFile.folder(new AuditProperties(null, folder.resolve("a"), Path.of("")),
                NodeScope.EMBEDDED_DATABASE)).as("an empty setting is no setting").isEqualTo(folder.resolve("a"));
    }

    @Test
    void with_an_external_database_and_no_anchors_folder_the_node_refuses_to_start_and_names_its_old_file()
            throws Exception {
        assertThatThrownBy(() -> new AnchorFile(external(SHARED_KEY, "a"), NodeScope.EXTERNAL_DATABASE))
                .isInstanceOf(MissingSharedSetting.class).hasMessageContaining("AUDIT_ANCHORS_DIR is not set");

        Path old = Files.createDirectories(folder.resolve("a")).resolve(AnchorFile.FILE_NAME);
        Files.writeString(old, "audit-anchor:1:" + "0".repeat(64) + "\n");
        assertThatThrownBy(() -> new AnchorFile(external(SHARED_KEY, "a"), NodeScope.EXTERNAL_DATABASE))
                .hasMessageContaining(old.toAbsolutePath().toString());
    }

    @Test
    void two_nodes_anchoring_together_into_the_shared_file_write_each_anchor_once_and_whole() throws Exception {
        Path shared = folder.resolve("shared");
        AnchorFile nodeA = new AnchorFile(new AuditProperties(SHARED_KEY, folder.resolve("a"), shared),
                NodeScope.EXTERNAL_DATABASE);
        AnchorFile nodeB = new AnchorFile(new AuditProperties(SHARED_KEY, folder.resolve("b"), shared),
                NodeScope.EXTERNAL_DATABASE);
        List<AuditAnchor> days = new ArrayList<>();
        for (int day = 1; day <= 50; day++) {
            days.add(new AuditAnchor(AuditAnchor.Kind.ANCHOR, day * 10L, "%064x".formatted(day)));
        }

        CountDownLatch together = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (AnchorFile node : List.of(nodeA, nodeB, nodeA, nodeB)) {
                runs.add(threads.submit(() -> {
                    together.await();
                    node.startIfNew(0, AuditHash.GENESIS, false);
                    // Both nodes anchor every day's head: the job ran twice, or a retry repeated it.
                    days.forEach(anchor -> node.append(anchor, Instant.now()));
                    return null;
                }));
            }
            together.countDown();
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            threads.shutdown();
        }

        List<String> lines = Files.readAllLines(nodeA.path(), StandardCharsets.US_ASCII);
        assertThat(lines).as("one keyed-from line and each day once").hasSize(1 + days.size())
                .allMatch(line -> line.matches("audit-(anchor|keyed-from):\\d+:[0-9a-f]{64} \\S+"));
        assertThat(nodeA.read()).filteredOn(anchor -> anchor.kind() == AuditAnchor.Kind.KEYED_FROM).hasSize(1);
        assertThat(nodeB.read()).as("the other node's verifier reads the same anchors").isEqualTo(nodeA.read())
                .containsAll(days);
    }

    @Test
    void an_anchor_line_cut_short_by_a_crash_does_not_swallow_the_next_anchor() throws Exception {
        Path shared = folder.resolve("shared");
        AnchorFile node = new AnchorFile(new AuditProperties(SHARED_KEY, folder.resolve("a"), shared),
                NodeScope.EXTERNAL_DATABASE);
        Files.createDirectories(shared);
        Files.writeString(node.path(), "audit-keyed-from:0:" + AuditHash.GENESIS + " 2026-01-01T00:00:00Z\naudit-anc");
        AuditAnchor next = new AuditAnchor(AuditAnchor.Kind.ANCHOR, 7, "%064x".formatted(7));

        node.append(next, Instant.now());

        assertThat(node.read()).containsExactly(
                new AuditAnchor(AuditAnchor.Kind.KEYED_FROM, 0, AuditHash.GENESIS), next);
    }

    private String link(AuditChainKey key, String prev, long seq) {
        return AuditHash.mac(key.mac(), prev, seq, Instant.parse("2026-05-01T08:00:00Z").plusSeconds(seq), "STAFF",
                "operator", "Operator", "OPERATOR", "DINAS", "test.action", "Thing", "T-" + seq, "SUCCESS", null);
    }

    private AuditProperties external(String chainKey, String node) {
        return new AuditProperties(chainKey, folder.resolve(node), null);
    }

    private AuditProperties embedded(String node) {
        return new AuditProperties(null, folder.resolve(node), null);
    }
}
