package id.dukcapil.portal.schoolvisit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A visit as the planner drafts it: the school, the day, the team, the kit, and when the coordination with the
 * school began (step 1's clock starts there).
 */
public record VisitPlan(long schoolId, @Nullable LocalDate day, Set<String> team, @Nullable String kitCode,
                        Instant coordinationBegan) {

    public static final int TEAM_MAX = 8;
}
