package id.dukcapil.portal.schoolvisit.internal;

import id.dukcapil.portal.schoolvisit.Student;
import id.dukcapil.portal.shared.RuleViolation;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;

/**
 * The rosters' students ({@code schoolvisit_student}). Their changes of state go through {@link StudentEntity}'s
 * methods and {@link #change}; the roster's batched import, the birthday queue's page and the figures are SQL
 * ({@link StudentSql}).
 */
public interface StudentRepository extends JpaRepository<StudentEntity, Long>, StudentSql {

    /** The student as the module's API shows it. */
    default Optional<Student> find(long id) {
        return findById(id).map(StudentEntity::toRecord);
    }

    /** The student to change, or refused in words if there is none. */
    default StudentEntity load(long id) {
        return findById(id).orElseThrow(() -> new RuleViolation("schoolvisit.error.student-not-found"));
    }

    /**
     * Writes the student's change now, so that a change another officer saved from the same version is refused in
     * words here rather than failing the commit: of two taps on one student, the second changes nothing.
     */
    default StudentEntity change(StudentEntity student) {
        try {
            return saveAndFlush(student);
        } catch (OptimisticLockingFailureException changedMeanwhile) {
            throw new RuleViolation("schoolvisit.error.student-changed", student.fullName());
        }
    }

    /**
     * Applies a change to the student if their state allows it, written at once ({@link #change}); a student the
     * change does not fit is left as they are: a retried tap finds its change made.
     *
     * @param change the entity's method of the transition
     * @return whether this call changed the student
     */
    default boolean changeIf(long id, StudentTransition transition, Consumer<StudentEntity> change) {
        StudentEntity student = load(id);
        if (!student.can(transition)) {
            return false;
        }
        change.accept(student);
        change(student);
        return true;
    }

    /** The school's roster in class and name order. */
    List<StudentEntity> findBySchoolIdOrderByClassNameAscFullNameAscIdAsc(long schoolId, Limit limit);

    default List<Student> roster(long schoolId, int limit) {
        return findBySchoolIdOrderByClassNameAscFullNameAscIdAsc(schoolId, Limit.of(limit)).stream()
                .map(StudentEntity::toRecord).toList();
    }

    /** The students a visit's team saw, in class and name order. */
    List<StudentEntity> findByVisitIdOrderByClassNameAscFullNameAscIdAsc(long visitId, Limit limit);

    default List<Student> seenAt(long visitId, int limit) {
        return findByVisitIdOrderByClassNameAscFullNameAscIdAsc(visitId, Limit.of(limit)).stream()
                .map(StudentEntity::toRecord).toList();
    }

    /** The printed cards of a school not yet on a handover record, locked until the record lists them. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    List<StudentEntity> findBySchoolIdAndStateAndHandoverIdIsNullOrderByClassNameAscFullNameAscIdAsc(
            long schoolId, id.dukcapil.portal.schoolvisit.StudentState state);

    /** The cards on a handover record, in class and name order. */
    List<StudentEntity> findByHandoverIdOrderByClassNameAscFullNameAscIdAsc(long handoverId);

    default List<Student> onHandover(long handoverId) {
        return findByHandoverIdOrderByClassNameAscFullNameAscIdAsc(handoverId).stream().map(StudentEntity::toRecord)
                .toList();
    }
}
