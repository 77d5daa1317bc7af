package id.dukcapil.portal.outpost.internal;

import id.dukcapil.portal.recording.OutpostDayBundle;
import id.dukcapil.portal.recording.Priority;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Persistable;

/**
 * A step this outpost's desks took ({@code outpost_day_step}), in its place, kept until the Dinas has the bundle. Only
 * a visit's first step names the resident, by NIK, sealed.
 */
@Entity
@Table(name = "outpost_day_step")
public class DayStepEntity implements Persistable<String> {

    @Id
    private String operationId;
    private long checkoutId;
    private int position;
    @Enumerated(EnumType.STRING)
    private OutpostDayBundle.Step step;
    private Instant happenedAt;
    private String staff;
    private String visitKey;
    private @Nullable String nikSealed;
    private @Nullable Instant since;
    private @Nullable Integer number;
    private @Nullable String text;
    private @Nullable String note;
    @Enumerated(EnumType.STRING)
    private @Nullable Priority priority;
    private boolean technical;

    protected DayStepEntity() {
        this.operationId = "";
        this.step = OutpostDayBundle.Step.BEGUN;
        this.happenedAt = Instant.EPOCH;
        this.staff = "";
        this.visitKey = "";
    }

    /** The step as the bundle will carry it, the NIK of a visit's first step sealed. */
    public DayStepEntity(long checkoutId, int position, OutpostDayBundle.Operation operation, DataKey vault) {
        this.operationId = operation.id().toString();
        this.checkoutId = checkoutId;
        this.position = position;
        this.step = operation.step();
        this.happenedAt = operation.at();
        this.staff = operation.staff();
        this.visitKey = operation.visitKey().toString();
        this.nikSealed = operation.nik() == null ? null : vault.seal(operation.nik(), context(operationId));
        this.since = operation.since();
        this.number = operation.number();
        this.text = operation.text();
        this.note = operation.note();
        this.priority = operation.priority();
        this.technical = operation.technical();
    }

    /** The step as the bundle carries it. */
    public OutpostDayBundle.Operation operation(DataKey vault) {
        return new OutpostDayBundle.Operation(UUID.fromString(operationId), step, happenedAt, staff,
                UUID.fromString(visitKey), nikSealed == null ? null : vault.open(nikSealed, context(operationId)),
                since, number, text, note, priority, technical);
    }

    private static String context(String operationId) {
        return "outpost_day_step.nik:" + operationId;
    }

    @Override
    public String getId() {
        return operationId;
    }

    /** Always new: a step is written once. */
    @Override
    public boolean isNew() {
        return true;
    }

    public int position() {
        return position;
    }
}
