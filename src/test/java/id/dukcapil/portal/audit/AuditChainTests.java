package id.dukcapil.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.TestDays;
import id.dukcapil.portal.audit.ChainVerification.Problem;
import id.dukcapil.portal.audit.internal.AnchorFile;
import id.dukcapil.portal.audit.internal.AuditChainKey;
import id.dukcapil.portal.audit.internal.AuditHash;
import id.dukcapil.portal.audit.internal.AuditProperties;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Someone with direct access to the database edits, deletes or inserts an audit row: verification finds it.
 */
@PortalTest
@WithUserDetails("admin")
class AuditChainTests {

    @Autowired AuditLog auditLog;
    @Autowired AuditChainVerifier verifier;
    @Autowired AuditJournal journal;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;
    @Autowired TransactionTemplate transactions;
    @Autowired AuditTestSupport support;
    @Autowired AuditChainKey key;
    @Autowired AuditAnchors anchors;
    @Autowired AnchorFile anchorFile;
    @Autowired AuditProperties properties;

    @BeforeEach
    void a_chain_of_ten_entries() {
        support.emptyTheChain();
        for (int i = 1; i <= 10; i++) {
            auditLog.record(AuditRecord.success("test.action", "Thing", "T-" + i).withDetail("entry " + i));
        }
    }

    @AfterEach
    void leave_an_intact_chain() {
        support.emptyTheChain();
    }

    @Test
    void an_untouched_chain_is_intact() {
        ChainVerification result = verifier.verify();
        assertThat(result.intact()).isTrue();
        assertThat(result.entriesChecked()).isEqualTo(10);
    }

    @Test
    void an_entry_recorded_in_a_transaction_that_rolls_back_is_not_kept() {
        long before = count();
        try {
            transactions.executeWithoutResult(status -> {
                auditLog.record(AuditRecord.success("test.rolled-back", "Thing", "X"));
                status.setRollbackOnly();
            });
        } finally {
            assertThat(count()).isEqualTo(before);
        }
    }

    @Test
    void an_entry_recorded_in_a_transaction_is_appended_when_it_commits() {
        transactions.executeWithoutResult(status -> {
            auditLog.record(AuditRecord.success("test.in-transaction", "Thing", "Y"));
            assertThat(count()).isEqualTo(10);
        });
        assertThat(count()).isEqualTo(11);
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void an_entry_with_values_longer_than_their_columns_is_kept_cut_and_the_chain_stays_intact() {
        auditLog.record(Actor.anonymous("n".repeat(200)), new AuditRecord("test.long",
                "T".repeat(100), "S".repeat(200), Outcome.FAILURE, "d".repeat(2000)));
        assertThat(count()).isEqualTo(11);
        assertThat(jdbc.queryForObject("SELECT CONCAT(CHAR_LENGTH(actor_id), ' ', CHAR_LENGTH(subject_type), ' ', "
                + "CHAR_LENGTH(subject_id), ' ', CHAR_LENGTH(detail)) FROM audit_entry WHERE action = 'test.long'",
                String.class)).isEqualTo("60 40 60 500");
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void a_right_to_left_override_or_a_zero_width_space_is_kept_visible_as_its_code_point() {
        auditLog.record(Actor.anonymous("admin\u202Enimda"), new AuditRecord("test.hidden", "T", "a\u200Bb",
                Outcome.FAILURE, "line one\nline\ttwo\u0007"));
        assertThat(jdbc.queryForMap("SELECT actor_id, subject_id, detail FROM audit_entry WHERE action = 'test.hidden'"))
                .containsEntry("actor_id", "admin⟨U+202E⟩nimda").containsEntry("subject_id", "a⟨U+200B⟩b")
                .containsEntry("detail", "line one\nline\ttwo⟨U+0007⟩");
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void a_stretch_of_the_log_is_read_with_its_links_and_checked_as_the_whole_is() {
        AuditJournal.Stretch stretch = journal.stretchAfter(3, 4);

        assertThat(stretch.entries()).extracting(linked -> linked.entry().seq()).containsExactly(4L, 5L, 6L, 7L);
        assertThat(stretch.brokenAt()).isNull();
        assertThat(stretch.notTaken()).as("8 to 10 left out by the limit").isEqualTo(3);
        assertThat(stretch.entries().getFirst().prevHash()).isEqualTo(jdbc.queryForObject(
                "SELECT hash FROM audit_entry WHERE seq = 3", String.class));
        for (int i = 1; i < stretch.entries().size(); i++) {
            assertThat(stretch.entries().get(i).prevHash()).isEqualTo(stretch.entries().get(i - 1).hash());
        }
        assertThat(journal.stretchAfter(0, 100).notTaken()).as("the whole log, nothing left").isZero();

        jdbc.update("UPDATE audit_entry SET detail = 'nothing happened' WHERE seq = 6");
        assertThat(journal.stretchAfter(3, 4).brokenAt()).as("an edited entry").isEqualTo(6);
        jdbc.update("DELETE FROM audit_entry WHERE seq = 5");
        assertThat(journal.stretchAfter(3, 4).brokenAt()).as("a deleted one, before it").isEqualTo(6);
    }

    @Test
    void an_edited_entry_is_detected() {
        jdbc.update("UPDATE audit_entry SET detail = 'nothing happened' WHERE seq = 4");
        assertBroken(4, Problem.EDITED);
    }

    @Test
    void a_deleted_entry_is_detected() {
        jdbc.update("DELETE FROM audit_entry WHERE seq = 6");
        assertBroken(6, Problem.MISSING);
    }

    @Test
    void a_deleted_last_entry_is_detected() {
        jdbc.update("DELETE FROM audit_entry WHERE seq = 10");
        assertBroken(10, Problem.HEAD_MISMATCH);
    }

    @Test
    void an_entry_inserted_in_the_middle_is_detected() {
        // To insert at position 5, later entries are moved up one place and a forged one takes the gap.
        jdbc.update("UPDATE audit_entry SET seq = seq + 100 WHERE seq >= 5 ORDER BY seq DESC");
        jdbc.update("UPDATE audit_entry SET seq = seq - 99 WHERE seq >= 105 ORDER BY seq");
        jdbc.update("""
                INSERT INTO audit_entry (seq, occurred_at, actor_type, actor_id, action, outcome, prev_hash, hash)
                SELECT 5, occurred_at, actor_type, actor_id, 'forged', outcome, hash, hash FROM audit_entry WHERE seq = 4""");
        ChainVerification result = verifier.verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.brokenAt()).isEqualTo(5);
    }

    @Test
    void an_entry_added_at_the_end_with_a_correct_hash_but_without_the_chain_head_is_detected() {
        String lastHash = jdbc.queryForObject("SELECT hash FROM audit_entry WHERE seq = 10", String.class);
        java.time.Instant at = TestDays.at(TestDays.today(clock), "07:00");
        String forgedHash = AuditHash.mac(key.mac(), lastHash, 11, at, "STAFF", "intruder",
                null, null, null, "forged", null, null, "SUCCESS", null);
        jdbc.update("""
                INSERT INTO audit_entry (seq, occurred_at, actor_type, actor_id, action, outcome, algorithm, key_id,
                    prev_hash, hash)
                VALUES (11, ?, 'STAFF', 'intruder', 'forged', 'SUCCESS', 'HMAC-SHA256', ?, ?, ?)""",
                java.time.LocalDateTime.ofInstant(at, java.time.ZoneOffset.UTC), key.id(), lastHash, forgedHash);
        assertBroken(11, Problem.HEAD_MISMATCH);
    }

    @Test
    void a_history_rewritten_and_rehashed_with_plain_sha256_is_detected() {
        // Whoever holds the database edits entry 4, labels every entry as one from before the key and recomputes
        // the whole chain and its head with SHA-256: every link is consistent again.
        jdbc.update("UPDATE audit_entry SET detail = 'nothing happened' WHERE seq = 4");
        jdbc.update("UPDATE audit_entry SET algorithm = 'SHA256', key_id = NULL");
        rehash(1, (prev, row) -> AuditHash.of(prev, row.seq(), row.at(), row.actorType(), row.actorId(), row.actorName(),
                row.actorRoles(), row.servicePoint(), row.action(), row.subjectType(), row.subjectId(), row.outcome(),
                row.detail()));
        assertBroken(1, Problem.NOT_KEYED);
    }

    @Test
    void a_history_rewritten_with_the_key_before_the_days_anchor_is_detected_by_the_anchor() {
        jdbc.update("UPDATE staff_account SET email = 'admin@disdukcapil.test' WHERE username = 'admin'");
        AuditAnchor anchor = anchors.anchorNow();
        assertThat(anchor.seq()).isEqualTo(10);
        assertThat(anchorFile.read()).contains(anchor);
        String mail = jdbc.queryForObject("""
                SELECT body FROM notification_message WHERE template_key = 'audit-anchor' AND recipient = ?
                ORDER BY id DESC LIMIT 1""", String.class, "admin@disdukcapil.test");
        assertThat(mail).contains(anchor.text());
        auditLog.record(AuditRecord.success("test.action", "Thing", "T-12"));
        assertThat(verifier.verify().intact()).isTrue();

        // Even with the key, a rewrite of entry 4 changes every link after it, the anchored one too.
        jdbc.update("UPDATE audit_entry SET detail = 'nothing happened' WHERE seq = 4");
        rehash(4, (prev, row) -> AuditHash.mac(key.mac(), prev, row.seq(), row.at(), row.actorType(), row.actorId(),
                row.actorName(), row.actorRoles(), row.servicePoint(), row.action(), row.subjectType(),
                row.subjectId(), row.outcome(), row.detail()));
        assertBroken(10, Problem.ANCHOR_MISMATCH);

        // Without the anchors file (it is on another machine, or was deleted), the anchor pasted from the
        // ADMIN's e-mail finds it as well.
        anchorFile.forget();
        assertThat(verifier.verify().intact()).isTrue();
        ChainVerification pasted = verifier.verify(mail);
        assertThat(pasted.problem()).isEqualTo(Problem.ANCHOR_MISMATCH);
        assertThat(pasted.brokenAt()).isEqualTo(10);
    }

    @Test
    void entries_from_before_the_key_keep_verifying_with_their_plain_hash() {
        support.emptyTheChain();
        // Three entries as the portal wrote them before the key existed, on the three days before today.
        String prev = AuditHash.GENESIS;
        for (int seq = 1; seq <= 3; seq++) {
            java.time.Instant at = TestDays.at(TestDays.today(clock).minusDays(4 - seq), "15:00");
            String hash = AuditHash.of(prev, seq, at, "STAFF", "operator", null, null, null, "old.action", null, null,
                    "SUCCESS", null);
            jdbc.update("""
                    INSERT INTO audit_entry (seq, occurred_at, actor_type, actor_id, action, outcome, prev_hash, hash)
                    VALUES (?, ?, 'STAFF', 'operator', 'old.action', 'SUCCESS', ?, ?)""",
                    seq, java.time.LocalDateTime.ofInstant(at, java.time.ZoneOffset.UTC), prev, hash);
            prev = hash;
        }
        jdbc.update("UPDATE audit_chain_head SET last_seq = 3, last_hash = ? WHERE id = 1", prev);
        auditLog.record(AuditRecord.success("test.action", "Thing", "T-4"));
        auditLog.record(AuditRecord.success("test.action", "Thing", "T-5"));

        ChainVerification result = verifier.verify();
        assertThat(result.intact()).isTrue();
        assertThat(result.keyedFrom()).isEqualTo(4);
        assertThat(jdbc.queryForList("SELECT algorithm FROM audit_entry ORDER BY seq", String.class))
                .startsWith("SHA256", "SHA256", "SHA256", "HMAC-SHA256", "HMAC-SHA256");
        assertThat(jdbc.queryForObject("SELECT key_id FROM audit_entry WHERE seq = 4", String.class)).isEqualTo(key.id());
    }

    @Test
    void the_key_is_kept_outside_the_database_in_a_file_only_the_portal_can_read() throws Exception {
        java.nio.file.Path file = properties.dataDir().resolve("audit-chain.key");
        assertThat(java.nio.file.Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        String stored = java.nio.file.Files.readString(file).strip();
        assertThat(java.util.Base64.getDecoder().decode(stored)).hasSizeGreaterThanOrEqualTo(32);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE detail LIKE ? OR actor_name LIKE ?",
                Long.class, "%" + stored + "%", "%" + stored + "%")).isZero();
    }

    private record Row(long seq, java.time.Instant at, String actorType, String actorId, String actorName,
                       String actorRoles, String servicePoint, String action, String subjectType, String subjectId,
                       String outcome, String detail) {
    }

    /** As a forger would: recomputes every link from {@code fromSeq} on, and the head. */
    private void rehash(long fromSeq, java.util.function.BiFunction<String, Row, String> hash) {
        String prev = jdbc.queryForObject("SELECT COALESCE(MAX(hash), ?) FROM audit_entry WHERE seq = ?", String.class,
                AuditHash.GENESIS, fromSeq - 1);
        List<Row> rows = jdbc.query("""
                SELECT seq, occurred_at, actor_type, actor_id, actor_name, actor_roles, service_point, action,
                    subject_type, subject_id, outcome, detail FROM audit_entry WHERE seq >= ? ORDER BY seq""",
                (rs, n) -> new Row(rs.getLong(1), rs.getObject(2, java.time.LocalDateTime.class)
                        .toInstant(java.time.ZoneOffset.UTC), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                        rs.getString(11), rs.getString(12)), fromSeq);
        for (Row row : rows) {
            String next = hash.apply(prev, row);
            jdbc.update("UPDATE audit_entry SET prev_hash = ?, hash = ? WHERE seq = ?", prev, next, row.seq());
            prev = next;
        }
        jdbc.update("UPDATE audit_chain_head SET last_hash = ? WHERE id = 1", prev);
    }

    private void assertBroken(long at, Problem problem) {
        ChainVerification result = verifier.verify();
        assertThat(result.intact()).isFalse();
        assertThat(result.brokenAt()).isEqualTo(at);
        assertThat(result.problem()).isEqualTo(problem);
    }

    private long count() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry", Long.class);
    }
}
