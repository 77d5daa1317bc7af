package id.dukcapil.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.audit.ChainVerification.Problem;
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
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transactions;
    @Autowired AuditTestSupport support;

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
        java.time.Instant at = java.time.Instant.parse("2026-01-01T00:00:00Z");
        String forgedHash = id.dukcapil.portal.audit.internal.AuditHash.of(lastHash, 11, at, "STAFF", "intruder",
                null, null, null, "forged", null, null, "SUCCESS", null);
        jdbc.update("""
                INSERT INTO audit_entry (seq, occurred_at, actor_type, actor_id, action, outcome, prev_hash, hash)
                VALUES (11, '2026-01-01 00:00:00', 'STAFF', 'intruder', 'forged', 'SUCCESS', ?, ?)""",
                lastHash, forgedHash);
        assertBroken(11, Problem.HEAD_MISMATCH);
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
