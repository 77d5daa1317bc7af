package id.dukcapil.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.dukcapil.portal.PortalTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An entry recorded in a transaction of its own (REQUIRES_NEW) begun inside another is kept with the transaction it
 * was recorded in, not with the one around it (the outside systems' state, an outpost's operations): it stays when the
 * outer transaction rolls back, and the outer's entry goes with the outer.
 */
@PortalTest
class AuditInATransactionOfItsOwnTests {

    @Autowired AuditLog auditLog;
    @Autowired JdbcTemplate jdbc;
    @Autowired PlatformTransactionManager transactionManager;

    @Test
    void an_entry_of_an_inner_transaction_stays_when_the_outer_one_rolls_back() {
        String outer = "outer-" + UUID.randomUUID();
        String inner = "inner-" + UUID.randomUUID();
        TransactionTemplate outside = new TransactionTemplate(transactionManager);
        TransactionTemplate ofItsOwn = new TransactionTemplate(transactionManager);
        ofItsOwn.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        assertThatThrownBy(() -> outside.executeWithoutResult(status -> {
            auditLog.record(AuditRecord.success("test.outer", "Test", outer));
            ofItsOwn.executeWithoutResult(nested -> auditLog.record(AuditRecord.success("test.inner", "Test", inner)));
            assertThat(entries(inner)).as("kept when its own transaction committed").isEqualTo(1);
            throw new IllegalStateException("the outer work fails");
        })).hasMessage("the outer work fails");

        assertThat(entries(inner)).isEqualTo(1);
        assertThat(entries(outer)).as("the outer's entry goes with the outer transaction").isZero();
    }

    @Test
    void the_outer_transactions_entries_are_kept_once_after_an_inner_one() {
        String outer = "outer-" + UUID.randomUUID();
        String inner = "inner-" + UUID.randomUUID();
        TransactionTemplate outside = new TransactionTemplate(transactionManager);
        TransactionTemplate ofItsOwn = new TransactionTemplate(transactionManager);
        ofItsOwn.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        outside.executeWithoutResult(status -> {
            auditLog.record(AuditRecord.success("test.outer", "Test", outer));
            ofItsOwn.executeWithoutResult(nested -> auditLog.record(AuditRecord.success("test.inner", "Test", inner)));
            auditLog.record(AuditRecord.success("test.outer", "Test", outer));
        });

        assertThat(entries(inner)).isEqualTo(1);
        assertThat(entries(outer)).isEqualTo(2);
    }

    private long entries(String subject) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE subject_id = ?", Long.class, subject);
    }
}
