package id.dukcapil.portal.packaged;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.audit.internal.AuditHash;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The crash and cluster suites' check of the audit chain: after a crash, over several nodes' writes. */
public final class AuditChainCheck {

    private AuditChainCheck() {
    }

    /**
     * As the portal's verifier walks it: each hash recomputed (under the chain key the portal was given, decision
     * 075), each link checked, the head where the last entry is. The restarted portal keeps working (its scheduled
     * jobs audit too), so the entries and the head are read in one consistent snapshot.
     */
    public static void assertVerifies(Database portal, byte[] chainKey) throws Exception {
        Mac key = Mac.getInstance("HmacSHA256");
        key.init(new SecretKeySpec(chainKey, "HmacSHA256"));
        try (Connection db = portal.database(); Statement statement = db.createStatement()) {
            statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
            statement.execute("START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY");
            String lastHash = AuditHash.GENESIS;
            long expected = 1;
            try (ResultSet rows = statement.executeQuery("SELECT seq, occurred_at, actor_type, actor_id, actor_name, "
                    + "actor_roles, service_point, action, subject_type, subject_id, outcome, detail, prev_hash, hash, algorithm "
                    + "FROM audit_entry ORDER BY seq")) {
                while (rows.next()) {
                    long seq = rows.getLong("seq");
                    assertThat(seq).as("audit entries without a gap").isEqualTo(expected);
                    boolean keyed = AuditHash.HMAC_SHA256.equals(rows.getString("algorithm"));
                    assertThat(keyed).as("audit entry " + seq + " keyed").isTrue();
                    String recomputed = AuditHash.mac(key, rows.getString("prev_hash"), seq,
                            rows.getObject("occurred_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                            rows.getString("actor_type"), rows.getString("actor_id"), rows.getString("actor_name"),
                            rows.getString("actor_roles"), rows.getString("service_point"), rows.getString("action"),
                            rows.getString("subject_type"), rows.getString("subject_id"), rows.getString("outcome"),
                            rows.getString("detail"));
                    assertThat(recomputed).as("audit entry " + seq + " unchanged").isEqualTo(rows.getString("hash"));
                    assertThat(rows.getString("prev_hash")).as("audit entry " + seq + " linked").isEqualTo(lastHash);
                    lastHash = rows.getString("hash");
                    expected++;
                }
            }
            try (ResultSet head = statement.executeQuery("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1")) {
                assertThat(head.next()).isTrue();
                assertThat(head.getLong("last_seq")).as("the chain head").isEqualTo(expected - 1);
                assertThat(head.getString("last_hash")).isEqualTo(lastHash);
            }
            statement.execute("COMMIT");
        }
    }
}
