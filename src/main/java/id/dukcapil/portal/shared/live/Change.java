package id.dukcapil.portal.shared.live;

import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * One action done in the office, on whichever node: what the audit log recorded of it.
 *
 * @param action       the audit log's dotted name, {@code recording.called}
 * @param servicePoint where it was done, when the one who did it works at a point
 */
public record Change(String action, @Nullable String subjectType, @Nullable String subjectId,
                     @Nullable String servicePoint) {

    /** The actions of these modules: {@code inModules("kkprint", "signing")}. */
    public static Predicate<Change> inModules(String... modules) {
        return change -> {
            for (String module : modules) {
                if (change.action().startsWith(module + ".")) {
                    return true;
                }
            }
            return false;
        };
    }

    /** Done at this point, or by someone of no point (the system, a citizen, the Dinas). */
    public boolean at(String point) {
        return servicePoint == null || servicePoint.equals(point);
    }
}
