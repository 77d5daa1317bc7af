package id.dukcapil.portal.schoolvisit.internal;

import id.dukcapil.portal.schoolvisit.SchoolVisit;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The visits as the module's API shows them, with their school's name and point and their kit's name: the visits,
 * then their schools and kits by id, three reads for a month of the calendar rather than one a visit.
 */
@Component
public class VisitReads {

    private final SchoolVisitRepository visits;
    private final SchoolRepository schools;
    private final KitRepository kits;

    VisitReads(SchoolVisitRepository visits, SchoolRepository schools, KitRepository kits) {
        this.visits = visits;
        this.schools = schools;
        this.kits = kits;
    }

    public Optional<SchoolVisit> visit(long id) {
        return visits.findById(id).map(visit -> records(List.of(visit)).getFirst());
    }

    /** The visits between two days, both included, in day and school order: a month or a week of the calendar. */
    public List<SchoolVisit> between(LocalDate first, LocalDate last) {
        return records(visits.findByDayBetween(first, last)).stream()
                .sorted(Comparator.comparing(SchoolVisit::day).thenComparing(SchoolVisit::schoolName)).toList();
    }

    /** The officer's visits of a day (a field officer works one at a time), in school order. */
    public List<SchoolVisit> ofOfficer(String username, LocalDate day) {
        return records(visits.ofOfficer(username, day)).stream().sorted(Comparator.comparing(SchoolVisit::schoolName))
                .toList();
    }

    /** The school's visits, the latest first. */
    public List<SchoolVisit> ofSchool(long schoolId) {
        return records(visits.findBySchoolIdOrderByDayDesc(schoolId));
    }

    private List<SchoolVisit> records(List<SchoolVisitEntity> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        Map<Long, SchoolEntity> schoolOf = schools.findAllById(found.stream().map(SchoolVisitEntity::schoolId)
                .collect(Collectors.toSet())).stream().collect(Collectors.toMap(SchoolEntity::id, Function.identity()));
        Map<String, KitEntity> kitOf = kits.findAllById(found.stream().map(SchoolVisitEntity::kitCode)
                .collect(Collectors.toSet())).stream().collect(Collectors.toMap(KitEntity::code, Function.identity()));
        return found.stream().map(visit -> {
            var school = schoolOf.get(visit.schoolId()).toRecord();
            return new SchoolVisit(visit.id(), visit.schoolId(), school.name(), school.servicePoint(), visit.day(),
                    visit.kitCode(), kitOf.get(visit.kitCode()).name(), visit.state(), visit.officers(),
                    visit.cardsTaken(), visit.cardsPrinted(), visit.cardsSpoiled(), visit.letterSentAt());
        }).toList();
    }
}
