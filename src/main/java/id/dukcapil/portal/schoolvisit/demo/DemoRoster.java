package id.dukcapil.portal.schoolvisit.demo;

import id.dukcapil.portal.population.Eligibility;
import id.dukcapil.portal.population.EnrolmentStatus;
import id.dukcapil.portal.schoolvisit.FieldStudent;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which of the demo population's students make the demo school's roster, and in which class. The README's SOP D walk
 * goes through every step of a student never recorded who is 17 on the visit day (status, birth certificate,
 * recording, the centre's answer, the card); the population has few such students, since most of 17 were recorded
 * long ago. So they come first and have a class of their own the README names ({@link #WALK_CLASS}); the rest of the
 * roster is as a school's is: the 16-year-olds, and those of 17 and 18 whom step 3 sends on (already print-ready or
 * already holding a card).
 */
final class DemoRoster {

    /** The roster's length, as the README says. */
    static final int SIZE = 24;
    /** The class of the students the README's walk takes: never recorded, 17 or older on the day. */
    static final String WALK_CLASS = "XII IPA 1";
    static final String OLDER_CLASS = "XII IPS 2";
    static final String SIXTEEN_CLASS = "XI IPA 1";
    /** Enough for a walk or two, leaving room on the roster for the other kinds of student. */
    private static final int WALK_STUDENTS = 6;

    /** A student of 16 to 18 in the demo population, as the register has them. */
    record Candidate(String nik, String fullName, LocalDate birthDate, EnrolmentStatus status, boolean cardPrinted) {
    }

    record Row(String nik, String fullName, LocalDate birthDate, String className) {
    }

    private DemoRoster() {
    }

    /**
     * The roster on {@code day}: the walk's students first, then as many 16-year-olds as the rest of the room's half,
     * then the other students of 17 and 18, then whoever is left; each group in the population's order.
     */
    static List<Row> choose(List<Candidate> candidates, LocalDate day) {
        Set<Candidate> chosen = new LinkedHashSet<>();
        take(candidates, candidate -> walks(candidate, day), WALK_STUDENTS, chosen);
        take(candidates, candidate -> age(candidate, day) < Eligibility.KTP_AGE, (SIZE - chosen.size()) / 2, chosen);
        take(candidates, candidate -> age(candidate, day) >= Eligibility.KTP_AGE, SIZE - chosen.size(), chosen);
        take(candidates, candidate -> true, SIZE - chosen.size(), chosen);
        return chosen.stream().map(candidate -> new Row(candidate.nik(), candidate.fullName(), candidate.birthDate(),
                walks(candidate, day) ? WALK_CLASS
                        : age(candidate, day) < Eligibility.KTP_AGE ? SIXTEEN_CLASS : OLDER_CLASS)).toList();
    }

    private static void take(List<Candidate> candidates, Predicate<Candidate> kind, int count, Set<Candidate> chosen) {
        candidates.stream().filter(candidate -> !chosen.contains(candidate)).filter(kind).limit(count)
                .forEach(chosen::add);
    }

    /** Never recorded (or to be recorded again), 17 on the day and holding no card: every step of SOP D is theirs. */
    static boolean walks(Candidate candidate, LocalDate day) {
        return !FieldStudent.recordedBefore(candidate.status()) && !candidate.cardPrinted()
                && age(candidate, day) >= Eligibility.KTP_AGE;
    }

    private static int age(Candidate candidate, LocalDate day) {
        return Eligibility.ageOn(candidate.birthDate(), day);
    }
}
