package id.dukcapil.portal.audit;

import id.dukcapil.portal.audit.internal.AuditHash;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.JdbcTemplate;

/** Lets audit tests start from an empty chain. Only tests may do this: the portal never deletes an entry. */
@TestComponent
public class AuditTestSupport {

    private final JdbcTemplate jdbc;

    AuditTestSupport(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void emptyTheChain() {
        jdbc.update("DELETE FROM audit_entry");
        jdbc.update("UPDATE audit_chain_head SET last_seq = 0, last_hash = ? WHERE id = 1", AuditHash.GENESIS);
    }
}
