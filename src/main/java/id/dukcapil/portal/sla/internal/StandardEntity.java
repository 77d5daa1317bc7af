package id.dukcapil.portal.sla.internal;

import id.dukcapil.portal.sla.Procedure;
import id.dukcapil.portal.sla.SopStep;
import id.dukcapil.portal.sla.StepStandard;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One standard time of a step (step {@value #TOTAL}: the procedure's total) from a day on ({@code sla_standard}).
 * A later day's row takes over; a row is only ever replaced for its own day, before that day comes, and a
 * replacement over a version another admin saved is refused.
 */
@Entity
@Table(name = "sla_standard")
public class StandardEntity {

    static final String TOTAL = "TOTAL";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;
    @Enumerated(EnumType.STRING)
    @Column(name = "procedure_code")
    private Procedure procedure;
    private String step;
    private int standardSeconds;
    private LocalDate validFrom;
    private String changedBy;
    private Instant changedAt;
    @Version
    private long version;

    protected StandardEntity() {
        this.procedure = Procedure.A_BOOKING;
        this.step = TOTAL;
        this.validFrom = LocalDate.EPOCH;
        this.changedBy = "";
        this.changedAt = Instant.EPOCH;
    }

    public StandardEntity(Procedure procedure, @Nullable SopStep step, Duration standard, LocalDate validFrom,
                          String by, Instant at) {
        this.procedure = procedure;
        this.step = code(step);
        this.validFrom = validFrom;
        this.standardSeconds = (int) standard.toSeconds();
        this.changedBy = by;
        this.changedAt = at;
    }

    /** Another standard for this row's own day, by someone, at a time. */
    public void replace(Duration standard, String by, Instant at) {
        this.standardSeconds = (int) standard.toSeconds();
        this.changedBy = by;
        this.changedAt = at;
    }

    public StepStandard toRecord() {
        return new StepStandard(procedure, TOTAL.equals(step) ? null : SopStep.valueOf(step),
                Duration.ofSeconds(standardSeconds), validFrom, changedBy, version);
    }

    public long version() {
        return version;
    }

    /** The step column's value: the step's name, or {@value #TOTAL} for the procedure's total. */
    public static String code(@Nullable SopStep step) {
        return step == null ? TOTAL : step.name();
    }
}
