package id.dukcapil.portal.recording;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A resident's visit to a recording point, as the desks, the register and the board see it. */
public record Visit(long id, String servicePoint, LocalDate day, String nik, String fullName, VisitState state,
                    @Nullable VisitState closedFrom,
                    @Nullable String ticket, @Nullable Priority priority, boolean requeued,
                    @Nullable String returnReasons, @Nullable String explanation, @Nullable String failureReason,
                    boolean technicalFailure, @Nullable String desk, @Nullable Instant calledAt,
                    @Nullable String calledBy, String registeredBy,
                    @Nullable String recordedBy, @Nullable Instant recordedAt, Instant startedAt, @Nullable Instant endedAt,
                    @Nullable String proofNumber, @Nullable String proofToken) {
}
