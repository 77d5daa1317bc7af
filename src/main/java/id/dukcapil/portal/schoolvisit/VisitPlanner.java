package id.dukcapil.portal.schoolvisit;

import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.audit.CurrentActor;
import id.dukcapil.portal.schoolvisit.internal.SchoolRepository;
import id.dukcapil.portal.schoolvisit.internal.AbsenceEntity;
import id.dukcapil.portal.schoolvisit.internal.AbsenceRepository;
import id.dukcapil.portal.schoolvisit.internal.KitEntity;
import id.dukcapil.portal.schoolvisit.internal.KitRepository;
import id.dukcapil.portal.schoolvisit.internal.SchoolVisitEntity;
import id.dukcapil.portal.schoolvisit.internal.VisitReads;
import id.dukcapil.portal.schoolvisit.internal.SchoolVisitRepository;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.sla.SopStep;
import id.dukcapil.portal.staff.StaffNames;
import id.dukcapil.portal.shared.tx.UniqueKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SOP D step 1, the planner's schedule: a school, a day, a team of field officers and operators, an equipment kit.
 * An officer or a kit already elsewhere that day, an officer on leave or a kit under repair is refused with the
 * conflict named; the database's unique keys refuse the same when two planners book at once (decision 094).
 */
@Service
public class VisitPlanner {

    /** The roles a team is made of: the field officers and the recording and printing operators. */
    public static final Set<Role> TEAM_ROLES = EnumSet.of(Role.FIELD_OFFICER, Role.OPERATOR, Role.RECORDING_OPERATOR,
            Role.PRINT_OPERATOR);
    /** How many officers a refusal names of each kind of conflict; the rest are counted (issue 54). */
    static final int CONFLICTS_NAMED = 5;

    private final VisitReads plans;
    private final SchoolVisitRepository visits;
    private final KitRepository kits;
    private final AbsenceRepository absences;
    private final SchoolRepository schools;
    private final StaffNames staffNames;
    private final SchoolVisitClocks clocks;
    private final AuditLog auditLog;
    private final CurrentActor currentActor;
    private final Clock clock;

    VisitPlanner(VisitReads plans, SchoolVisitRepository visits, KitRepository kits, AbsenceRepository absences, SchoolRepository schools, StaffNames staffNames, SchoolVisitClocks clocks,
                 AuditLog auditLog, CurrentActor currentActor, Clock clock) {
        this.plans = plans;
        this.visits = visits;
        this.kits = kits;
        this.absences = absences;
        this.schools = schools;
        this.staffNames = staffNames;
        this.clocks = clocks;
        this.auditLog = auditLog;
        this.currentActor = currentActor;
        this.clock = clock;
    }

    /** The officers a team can be made of, username to name. */
    @Transactional(readOnly = true)
    @PreAuthorize(Schools.PLANNERS)
    public Map<String, String> officers() {
        return staffNames.withAnyRole(TEAM_ROLES);
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Schools.READERS)
    public List<Kit> kits() {
        return kits.findAllByOrderByServicePointAscCodeAsc().stream().map(KitEntity::toRecord).toList();
    }

    /** A kit registered or changed; one under repair cannot go out. */
    @Transactional
    @PreAuthorize(Schools.PLANNERS)
    public Kit saveKit(Kit kit) {
        if (kit.code().isBlank() || kit.code().length() > 20 || kit.name().isBlank() || kit.name().length() > 100) {
            throw new RuleViolation("schoolvisit.error.kit");
        }
        kits.findById(kit.code()).ifPresentOrElse(known -> known.edit(kit), () -> kits.save(new KitEntity(kit)));
        auditLog.record(AuditRecord.success(kit.underRepair() ? "schoolvisit.kit.under-repair" : "schoolvisit.kit.saved",
                "SchoolVisitKit", kit.code()).withDetail(kit.repairNote()));
        return kit;
    }

    /** An officer's leave, both days included. */
    @Transactional
    @PreAuthorize(Schools.PLANNERS)
    public void leave(String username, LocalDate first, LocalDate last, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (last.isBefore(first) || why.isEmpty() || why.length() > 200) {
            throw new RuleViolation("schoolvisit.error.leave");
        }
        absences.save(new AbsenceEntity(username, first, last, why));
        auditLog.record(AuditRecord.success("schoolvisit.leave.recorded", "StaffAccount", username)
                .withDetail(first + ".." + last + "; " + why));
    }

    /**
     * The planner begins the coordination with the school for its next visit (a call, a letter asking for the list
     * of students): step 1 is timed from here to the visit scheduled. A coordination already open stays as it began.
     */
    @Transactional
    @PreAuthorize(Schools.PLANNERS)
    public Instant beginCoordination(long schoolId) {
        School school = schools.find(schoolId)
                .orElseThrow(() -> new RuleViolation("schoolvisit.error.school-not-found"));
        Instant now = clock.instant();
        schools.beginCoordination(school.id(), now);
        Instant began = schools.coordinationBegan(school.id()).orElse(now);
        if (began.equals(now)) {
            auditLog.record(AuditRecord.success("schoolvisit.coordination.begun", "School", String.valueOf(schoolId))
                    .withDetail(school.npsn()));
        }
        return began;
    }

    /** When the coordination with the school for its next visit began, if one is under way. */
    @Transactional(readOnly = true)
    @PreAuthorize(Schools.READERS)
    public java.util.Optional<Instant> coordination(long schoolId) {
        return schools.coordinationBegan(schoolId);
    }

    /** Schedules the visit, or refuses it with every conflict named. Step 1 ends here. */
    @Transactional
    @PreAuthorize(Schools.PLANNERS)
    public SchoolVisit schedule(VisitPlan plan) {
        School school = schools.find(plan.schoolId())
                .orElseThrow(() -> new RuleViolation("schoolvisit.error.school-not-found"));
        LocalDate today = LocalDate.now(clock);
        LocalDate day = plan.day();
        if (day == null || day.isBefore(today) || day.isAfter(today.plusYears(1))) {
            throw new RuleViolation("schoolvisit.error.day");
        }
        if (plan.team().isEmpty() || plan.team().size() > VisitPlan.TEAM_MAX) {
            throw new RuleViolation("schoolvisit.error.team-size", VisitPlan.TEAM_MAX);
        }
        List<String> team = plan.team().stream().sorted().toList();
        Map<String, String> names = staffNames.of(team);
        if (!names.keySet().containsAll(team)) {
            throw new RuleViolation("schoolvisit.error.unknown-officer");
        }
        Kit kit = plan.kitCode() == null ? null : kits.findById(plan.kitCode()).map(KitEntity::toRecord).orElse(null);
        if (kit == null) {
            throw new RuleViolation("schoolvisit.error.kit-required");
        }
        refuseConflicts(day, team, names, kit);
        Instant now = clock.instant();
        long id;
        try {
            id = visits.saveAndFlush(new SchoolVisitEntity(school.id(), day, kit.code(), team, currentActor.id(), now)).id();
        } catch (DataIntegrityViolationException bookedMeanwhile) {
            if (!UniqueKeys.violated(bookedMeanwhile)) {
                throw bookedMeanwhile;
            }
            // Another planner booked the kit or an officer between the check and the insert. Not named here: the
            // failed flush leaves this transaction's persistence context unusable for the reads that would name it.
            throw new RuleViolation("schoolvisit.conflict.meanwhile");
        }
        // Step 1 is the coordination with the school: from its beginning as recorded (the planner's first contact,
        // or the school's list of students received) to now; without one, from the schedule's drafting.
        Instant drafted = plan.coordinationBegan().isAfter(now)
                || plan.coordinationBegan().isBefore(now.minus(Duration.ofDays(1))) ? now : plan.coordinationBegan();
        Instant began = schools.coordinationBegan(school.id()).filter(at -> !at.isAfter(now)).orElse(drafted);
        schools.endCoordination(school.id());
        clocks.enter(SchoolVisitClocks.visit(id), SopStep.D1_COORDINATION, began, school.servicePoint());
        clocks.leave(SchoolVisitClocks.visit(id), SopStep.D1_COORDINATION, now);
        auditLog.record(AuditRecord.success("schoolvisit.visit.scheduled", "SchoolVisit", String.valueOf(id))
                .withDetail(school.npsn() + "; " + day + "; kit=" + kit.code() + "; team=" + String.join(",", team)));
        return visit(id);
    }

    /**
     * Every conflict of the plan in one refusal, each kind once: the kit (under repair, elsewhere that day), the
     * officers on leave, the officers elsewhere. A list names the first {@link #CONFLICTS_NAMED} and counts the rest.
     * The kinds share one argument array, each reading its own places: 0–2 the kit, 3–4 leave, 5–6 elsewhere.
     */
    private void refuseConflicts(LocalDate day, List<String> team, Map<String, String> names, Kit kit) {
        List<String> keys = new ArrayList<>();
        Object[] args = new Object[7];
        args[0] = kit.name();
        args[1] = kit.repairNote() == null ? "-" : kit.repairNote();
        if (kit.underRepair()) {
            keys.add("schoolvisit.conflict.kit-repair");
        }
        Optional<String> kitAt = visits.kitBookedAt(kit.code(), day);
        args[2] = kitAt.orElse("");
        if (kitAt.isPresent()) {
            keys.add("schoolvisit.conflict.kit-busy");
        }
        List<String> onLeave = absences.onLeave(team, day).stream().map(names::get).toList();
        named(onLeave, args, 3);
        if (!onLeave.isEmpty()) {
            keys.add("schoolvisit.conflict.leave");
        }
        List<String> elsewhere = visits.busy(team, day).stream()
                .map(busy -> names.get(busy.getUsername()) + " (" + busy.getSchoolName() + ")").toList();
        named(elsewhere, args, 5);
        if (!elsewhere.isEmpty()) {
            keys.add("schoolvisit.conflict.officer-busy");
        }
        if (!keys.isEmpty()) {
            throw new RuleViolation(keys, args);
        }
    }

    /** The first names of the list, comma-separated, at {@code at}; how many more there are at the next place. */
    private static void named(List<String> all, Object[] args, int at) {
        args[at] = String.join(", ", all.subList(0, Math.min(all.size(), CONFLICTS_NAMED)));
        args[at + 1] = Math.max(0, all.size() - CONFLICTS_NAMED);
    }

    /** The visits of the days between, both included: a month or a week of the calendar. */
    @Transactional(readOnly = true)
    @PreAuthorize(Schools.READERS)
    public List<SchoolVisit> between(LocalDate first, LocalDate last) {
        if (last.isBefore(first) || first.plusDays(62).isBefore(last)) {
            throw new RuleViolation("schoolvisit.error.day");
        }
        return plans.between(first, last);
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Schools.READERS)
    public SchoolVisit visit(long id) {
        return plans.visit(id).orElseThrow(() -> new RuleViolation("schoolvisit.error.visit-not-found"));
    }
}
