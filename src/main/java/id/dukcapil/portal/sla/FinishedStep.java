package id.dukcapil.portal.sla;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A step a case went through before the portal knew the case: recorded whole, already finished. */
public record FinishedStep(CaseRef caseRef, SopStep step, Instant start, Instant end, String actor,
                           @Nullable String servicePoint) {
}
