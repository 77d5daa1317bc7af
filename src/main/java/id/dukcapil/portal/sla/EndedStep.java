package id.dukcapil.portal.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One step that has ended, as the reports read it: its day (the office-local day it started), where, by whom
 * (the officer who ended it), how long, against which standard, and why an overrun is excused where it is.
 */
public record EndedStep(long id, CaseRef caseRef, SopStep step, LocalDate day, Instant startedAt, Instant endedAt,
                        @Nullable String servicePoint, @Nullable String officer, long durationMs, Duration standard,
                        boolean withinStandard, @Nullable String excusedReason) {

    /** Over its standard for a reason the SOP accepts (SOP C: a technical failure). */
    public boolean excused() {
        return !withinStandard && excusedReason != null;
    }
}
