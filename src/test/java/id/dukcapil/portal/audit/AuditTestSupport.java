package id.dukcapil.portal.audit;

import id.dukcapil.portal.audit.internal.AnchorFile;
import id.dukcapil.portal.audit.internal.AuditHash;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.JdbcTemplate;

/** Lets audit tests start from an empty chain. Only tests may do this: the portal never deletes an entry. */
@TestComponent
public class AuditTestSupport {

    private final JdbcTemplate jdbc;
    private final AnchorFile anchors;

    AuditTestSupport(JdbcTemplate jdbc, AnchorFile anchors) {
        this.jdbc = jdbc;
        this.anchors = anchors;
    }

    /** No entry, and no anchor: the next entry starts the keyed chain afresh. */
    public void emptyTheChain() {
        jdbc.update("DELETE FROM audit_entry");
        jdbc.update("UPDATE audit_chain_head SET last_seq = 0, last_hash = ? WHERE id = 1", AuditHash.GENESIS);
        anchors.forget();
    }
}
