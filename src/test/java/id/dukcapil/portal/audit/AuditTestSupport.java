package id.dukcapil.portal.audit;

import id.dukcapil.portal.audit.internal.AnchorFile;
import id.dukcapil.portal.audit.internal.AuditHash;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Lets audit tests start from an empty chain. Only tests may do this: the portal never deletes an entry. */
@TestComponent
public class AuditTestSupport {

    private final JdbcTemplate jdbc;
    private final AnchorFile anchors;
    private final TransactionTemplate transactions;

    AuditTestSupport(JdbcTemplate jdbc, AnchorFile anchors, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.anchors = anchors;
        this.transactions = transactions;
    }

    /**
     * No entry, and no anchor: the next entry starts the keyed chain afresh. One unit of work holding the chain's head
     * as an append does: a scheduled job appending meanwhile waits, then appends to the empty chain (two statements
     * on their own let an entry in between, and the chain then began at an entry whose predecessor was gone).
     */
    public void emptyTheChain() {
        transactions.executeWithoutResult(status -> {
            jdbc.queryForObject("SELECT last_seq FROM audit_chain_head WHERE id = 1 FOR UPDATE", Long.class);
            jdbc.update("DELETE FROM audit_entry");
            jdbc.update("UPDATE audit_chain_head SET last_seq = 0, last_hash = ? WHERE id = 1", AuditHash.GENESIS);
            anchors.forget();
        });
    }
}
