package id.dukcapil.portal.schoolvisit.ui;

import id.dukcapil.portal.schoolvisit.Kit;
import id.dukcapil.portal.schoolvisit.School;
import id.dukcapil.portal.schoolvisit.VisitPlan;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A visit to schedule as the planner's dialog binds it: the school, the day, the team (1 to {@link VisitPlan#TEAM_MAX}
 * officers), the kit. Whether the team and the kit are free that day only the planner service knows; its refusal is
 * said at the field it is about.
 */
public record ScheduleForm(@NotNull(message = "{schoolvisit.handover.choose-school}") @Nullable School school,
                           @NotNull(message = "{schoolvisit.error.day}") @Nullable LocalDate day,
                           @NotNull(message = "{schoolvisit.error.team-size}")
                           @Size(min = 1, max = VisitPlan.TEAM_MAX, message = "{schoolvisit.error.team-size}")
                           Set<String> team,
                           @NotNull(message = "{schoolvisit.error.kit-required}") @Nullable Kit kit) {
}
