package id.dukcapil.portal.schoolvisit.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An outpost's operation on a student the Dinas changed meanwhile: not applied, so nothing at the Dinas is
 * overwritten; both versions wait for a supervisor.
 */
@Entity
@Table(name = "schoolvisit_reconciliation")
public class ReconciliationEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;
    private String operationId;
    private long checkoutId;
    private long studentId;
    private String outpostVersion;
    private String dinasVersion;
    private @Nullable Instant settledAt;

    protected ReconciliationEntity() {
        this.operationId = "";
        this.outpostVersion = "";
        this.dinasVersion = "";
    }

    public ReconciliationEntity(String operationId, long checkoutId, long studentId, String outpostVersion,
                                String dinasVersion) {
        this.operationId = operationId;
        this.checkoutId = checkoutId;
        this.studentId = studentId;
        this.outpostVersion = outpostVersion;
        this.dinasVersion = dinasVersion;
    }

    public String operationId() {
        return operationId;
    }

    public long studentId() {
        return studentId;
    }

    public String outpostVersion() {
        return outpostVersion;
    }

    public String dinasVersion() {
        return dinasVersion;
    }
}
