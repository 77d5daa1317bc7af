package id.dukcapil.portal.sla.internal;

import id.dukcapil.portal.sla.Procedure;
import id.dukcapil.portal.sla.SopStep;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * The standard times ({@code sla_standard}); the step {@code TOTAL} holds a procedure's total. The step clock asks
 * for one step's seconds on every step it opens: a scalar query, no entity in the persistence context.
 */
public interface StandardRepository extends JpaRepository<StandardEntity, Long> {

    /** The seconds of the step's standard (step {@code TOTAL}: the procedure's total) in force on the day. */
    @Query("""
            select s.standardSeconds from StandardEntity s
            where s.procedure = :procedure and s.step = :step and s.validFrom <= :day
            order by s.validFrom desc limit 1""")
    Optional<Integer> secondsInForce(Procedure procedure, String step, LocalDate day);

    /** The standard of a step (or, with null, the procedure's total) in force on the day. */
    default Optional<Duration> inForce(Procedure procedure, @Nullable SopStep step, LocalDate day) {
        return secondsInForce(procedure, StandardEntity.code(step), day).map(Duration::ofSeconds);
    }

    /** Every step's and procedure's standard in force on the day. */
    @Query("""
            select s from StandardEntity s
            where s.validFrom = (select max(l.validFrom) from StandardEntity l
                                 where l.procedure = s.procedure and l.step = s.step and l.validFrom <= :day)""")
    List<StandardEntity> allInForce(LocalDate day);

    /** Changes announced for after the day, by day, procedure and step. */
    List<StandardEntity> findByValidFromAfterOrderByValidFromAscProcedureAscStepAsc(LocalDate day);

    Optional<StandardEntity> findByProcedureAndStepAndValidFrom(Procedure procedure, String step, LocalDate validFrom);
}
