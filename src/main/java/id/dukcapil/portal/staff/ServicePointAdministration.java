package id.dukcapil.portal.staff;

import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.staff.internal.ServicePointEntity;
import id.dukcapil.portal.staff.internal.ServicePointRepository;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

/**
 * What an ADMIN does with the office's service points: make one (a new UKL, an MPP desk) and edit its name, kecamatan
 * and address. Every change is audited; two admins editing one point: the second save is refused, not overwriting.
 * A point is not removed or closed here: its bookings, stock, queues and reports keep its code.
 */
@Service
@Validated
@PreAuthorize("hasRole('" + Roles.ADMIN + "')")
public class ServicePointAdministration {

    static final String SUBJECT = "ServicePoint";

    private final ServicePointRepository points;
    private final AuditLog auditLog;

    ServicePointAdministration(ServicePointRepository points, AuditLog auditLog) {
        this.points = points;
        this.auditLog = auditLog;
    }

    /** A point as the administrator edits it: with the version the edit was made on. */
    public record EditablePoint(ServicePoint point, long version) {
    }

    /** Every point, active or not, by kind and name. */
    @Transactional(readOnly = true)
    public List<EditablePoint> all() {
        return points.findAllByOrderByKindAscNameAsc().stream()
                .map(point -> new EditablePoint(point.toRecord(), point.version())).toList();
    }

    /**
     * @throws RuleViolation {@code staff.point.error.code-taken}, {@code staff.point.error.second-dinas} or
     *                       {@code staff.point.error.district-required}
     */
    @Transactional
    public ServicePoint create(@Valid ServicePointForm form) {
        String code = form.code().strip().toUpperCase(Locale.ROOT);
        if (points.existsByCode(code)) {
            throw new RuleViolation("staff.point.error.code-taken", code);
        }
        if (form.kind() == ServicePointKind.DINAS && points.existsByKind(ServicePointKind.DINAS)) {
            throw new RuleViolation("staff.point.error.second-dinas");
        }
        ServicePointEntity point = new ServicePointEntity(code, form.name().strip(), form.kind(),
                district(form), blankToNull(form.address()));
        try {
            points.saveAndFlush(point);
        } catch (DataIntegrityViolationException taken) { // another admin made the same code a moment before
            throw new RuleViolation("staff.point.error.code-taken", code);
        }
        ServicePoint made = point.toRecord();
        auditLog.record(AuditRecord.success("staff.service-point.created", SUBJECT, code)
                .withDetail(describe(null, made)));
        return made;
    }

    /**
     * Saves an edit made on the given version of the point; its code and kind stay.
     *
     * @throws RuleViolation {@code staff.point.error.changed-meanwhile} when someone else saved it in between
     */
    @Transactional
    public ServicePoint update(long id, long expectedVersion, @Valid ServicePointForm form) {
        ServicePointEntity point = points.findById(id)
                .orElseThrow(() -> new RuleViolation("staff.error.service-point"));
        if (point.version() != expectedVersion) {
            throw new RuleViolation("staff.point.error.changed-meanwhile");
        }
        ServicePoint before = point.toRecord();
        if (!before.code().equals(form.code().strip().toUpperCase(Locale.ROOT)) || before.kind() != form.kind()) {
            throw new RuleViolation("staff.point.error.code-kept");
        }
        point.edit(form.name().strip(), district(form), blankToNull(form.address()));
        try {
            points.saveAndFlush(point);
        } catch (OptimisticLockingFailureException e) {
            throw new RuleViolation("staff.point.error.changed-meanwhile");
        }
        ServicePoint after = point.toRecord();
        auditLog.record(AuditRecord.success("staff.service-point.updated", SUBJECT, after.code())
                .withDetail(describe(before, after)));
        return after;
    }

    private static @Nullable String district(ServicePointForm form) {
        String district = blankToNull(form.districtCode());
        if (district == null && form.kind() == ServicePointKind.UKL) {
            throw new RuleViolation("staff.point.error.district-required");
        }
        return district;
    }

    /** What changed, field by field ("name: A → B"); every field of a new point. */
    static String describe(@Nullable ServicePoint before, ServicePoint after) {
        List<String> changes = new ArrayList<>();
        change(changes, "name", before == null ? null : before.name(), after.name());
        change(changes, "kind", before == null ? null : before.kind().name(), after.kind().name());
        change(changes, "district", before == null ? null : before.districtCode(), after.districtCode());
        change(changes, "address", before == null ? null : before.address(), after.address());
        return String.join("; ", changes);
    }

    private static void change(List<String> changes, String field, @Nullable String before, @Nullable String after) {
        if (!Objects.equals(before, after)) {
            changes.add(field + ": " + (before == null ? "–" : before) + " → " + (after == null ? "–" : after));
        }
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return StringUtils.hasText(text) ? text.strip() : null;
    }
}
