package id.dukcapil.portal.schoolvisit;

import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.schoolvisit.internal.SchoolEntity;
import id.dukcapil.portal.schoolvisit.internal.SchoolRepository;
import id.dukcapil.portal.shared.Email;
import id.dukcapil.portal.shared.PageOrder;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.jdbc.LikePattern;
import id.dukcapil.portal.shared.region.Region;
import id.dukcapil.portal.shared.region.Regions;
import id.dukcapil.portal.staff.ServicePoint;
import id.dukcapil.portal.staff.ServicePoints;
import id.dukcapil.portal.shared.tx.UniqueKeys;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The planner's schools: created, edited, looked up by name or NPSN. Each field's problem is named. */
@Service
public class Schools {

    static final String PLANNERS = "hasAnyRole('" + Roles.PLANNER + "','" + Roles.MANAGER + "','" + Roles.ADMIN + "')";
    static final String READERS = "hasAnyRole('" + Roles.PLANNER + "','" + Roles.MANAGER + "','" + Roles.ADMIN
            + "','" + Roles.FIELD_OFFICER + "','" + Roles.PRINT_OPERATOR + "')";

    private final SchoolRepository store;
    private final Regions regions;
    private final ServicePoints servicePoints;
    private final AuditLog auditLog;

    Schools(SchoolRepository store, Regions regions, ServicePoints servicePoints, AuditLog auditLog) {
        this.store = store;
        this.regions = regions;
        this.servicePoints = servicePoints;
        this.auditLog = auditLog;
    }

    @Transactional
    @PreAuthorize(PLANNERS)
    public School create(SchoolForm form) {
        SchoolForm clean = checked(form);
        store.byNpsn(clean.npsn()).ifPresent(other -> {
            throw new RuleViolation("schoolvisit.error.npsn-taken", other.name());
        });
        SchoolEntity school;
        try {
            school = store.saveAndFlush(new SchoolEntity(clean));
        } catch (DataIntegrityViolationException twoPlannersAtOnce) {
            if (!UniqueKeys.violated(twoPlannersAtOnce)) {
                throw twoPlannersAtOnce;
            }
            throw new RuleViolation("schoolvisit.error.npsn-taken", clean.npsn());
        }
        auditLog.record(AuditRecord.success("schoolvisit.school.created", "School", String.valueOf(school.id()))
                .withDetail(clean.npsn() + " " + clean.name()));
        return school.toRecord();
    }

    /** Saves the edit of the version the planner read; another planner's edit in between is refused, not lost. */
    @Transactional
    @PreAuthorize(PLANNERS)
    public School update(long id, int version, SchoolForm form) {
        SchoolForm clean = checked(form);
        store.byNpsn(clean.npsn()).filter(other -> other.id() != id).ifPresent(other -> {
            throw new RuleViolation("schoolvisit.error.npsn-taken", other.name());
        });
        SchoolEntity school = store.findById(id)
                .orElseThrow(() -> new RuleViolation("schoolvisit.error.school-not-found"));
        if (school.version() != version) {
            throw new RuleViolation("schoolvisit.error.school-changed");
        }
        school.edit(clean);
        try {
            // Flushed here: a planner's save between this read and the write is refused in words, not at commit.
            store.saveAndFlush(school);
        } catch (OptimisticLockingFailureException changedMeanwhile) {
            throw new RuleViolation("schoolvisit.error.school-changed");
        } catch (DataIntegrityViolationException twoPlannersAtOnce) {
            if (!UniqueKeys.violated(twoPlannersAtOnce)) {
                throw twoPlannersAtOnce;
            }
            throw new RuleViolation("schoolvisit.error.npsn-taken", clean.npsn());
        }
        auditLog.record(AuditRecord.success("schoolvisit.school.updated", "School", String.valueOf(id))
                .withDetail(clean.npsn() + " " + clean.name()));
        return school.toRecord();
    }

    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public School find(long id) {
        return store.find(id).orElseThrow(() -> new RuleViolation("schoolvisit.error.school-not-found"));
    }

    /** Schools whose name or NPSN contains the text, in the page's order (by name until a column is chosen). */
    @Transactional(readOnly = true)
    @PreAuthorize(READERS)
    public Slice<School> search(@Nullable String text, Pageable page) {
        String query = text == null ? "" : text.strip();
        if (query.length() > School.NAME_MAX_LENGTH) {
            query = query.substring(0, School.NAME_MAX_LENGTH);
        }
        return store.search(LikePattern.contains(query), PageOrder.of(page, Sort.by("name"))).map(SchoolEntity::toRecord);
    }

    /** The villages of the office's regency (its service points' regency), for the school's address. */
    @Transactional(readOnly = true)
    @PreAuthorize(PLANNERS)
    public List<Region> villages() {
        return servicePoints.active().stream().map(ServicePoint::districtCode).filter(java.util.Objects::nonNull)
                .map(district -> district.substring(0, district.lastIndexOf('.'))).findFirst()
                .map(regions::villagesOfRegency).orElse(List.of());
    }

    /** The active service points, whose team and blank cards can serve a school. */
    @Transactional(readOnly = true)
    @PreAuthorize(PLANNERS)
    public List<ServicePoint> servicePoints() {
        return servicePoints.active();
    }

    private SchoolForm checked(SchoolForm form) {
        List<String> problems = new ArrayList<>();
        String npsn = strip(form.npsn());
        if (!npsn.matches("\\d{" + School.NPSN_LENGTH + "}")) {
            problems.add("schoolvisit.error.npsn");
        }
        String name = strip(form.name());
        if (name.isEmpty() || name.length() > School.NAME_MAX_LENGTH) {
            problems.add("schoolvisit.error.name");
        }
        if (form.level() == null) {
            problems.add("schoolvisit.error.level");
        }
        String address = strip(form.address());
        if (address.isEmpty() || address.length() > School.ADDRESS_MAX_LENGTH) {
            problems.add("schoolvisit.error.address");
        }
        String village = strip(form.villageCode());
        if (village.isEmpty() || village.length() > 13 || regions.village(village).isEmpty()) {
            problems.add("schoolvisit.error.village");
        }
        String contact = strip(form.contactName());
        if (contact.isEmpty() || contact.length() > School.NAME_MAX_LENGTH) {
            problems.add("schoolvisit.error.contact-name");
        }
        String phone = strip(form.contactPhone()).replaceAll("[\\s-]", "");
        if (!phone.matches("\\+?\\d{8," + (School.PHONE_MAX_LENGTH - 1) + "}")) {
            problems.add("schoolvisit.error.phone");
        }
        String email = strip(form.contactEmail());
        if (!email.isEmpty() && (email.length() > School.EMAIL_MAX_LENGTH || !Email.isValid(email))) {
            problems.add("schoolvisit.error.email");
        }
        String point = strip(form.servicePoint());
        if (servicePoints.byCode(point).isEmpty()) {
            problems.add("schoolvisit.error.service-point");
        }
        if (!problems.isEmpty()) {
            throw new RuleViolation(problems);
        }
        return new SchoolForm(npsn, name, form.level(), address, village, contact, phone,
                email.isEmpty() ? null : email, point);
    }

    private static String strip(@Nullable String text) {
        return text == null ? "" : text.strip();
    }
}
