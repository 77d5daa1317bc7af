package id.dukcapil.portal.reports;

import id.dukcapil.portal.sla.CaseRef;
import id.dukcapil.portal.sla.FinishedStep;
import id.dukcapil.portal.sla.Procedure;
import id.dukcapil.portal.sla.SopStep;
import id.dukcapil.portal.sla.StepClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A month of SOP A and B steps at four service points, recorded through the step clock as finished steps. */
final class GeneratedMonth {

    static final ZoneId OFFICE = ZoneId.of("Asia/Jakarta");
    static final List<String> POINTS = List.of("RPT-DINAS", "RPT-MPP", "RPT-UKL-1", "RPT-UKL-2");

    private GeneratedMonth() {
    }

    /** About {@code perDay} steps each day, durations log-normal around the 5-minute standard, to the millisecond. */
    static int record(StepClock stepClock, YearMonth month, int perDay, long seed) {
        Random random = new Random(seed);
        List<SopStep> steps = new ArrayList<>(Procedure.A_BOOKING.steps());
        steps.addAll(Procedure.B_KK_PRINT.steps().stream().filter(step -> step != SopStep.B2_ENTER_PIN).toList());
        List<FinishedStep> finished = new ArrayList<>();
        for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
            for (int i = 0; i < perDay; i++) {
                SopStep step = steps.get(random.nextInt(steps.size()));
                int officer = random.nextInt(6);
                Instant start = day.atTime(8, 0).atZone(OFFICE).toInstant().plusSeconds(random.nextInt(8 * 3600));
                long ms = Math.max(1000, Math.round(240_000 * Math.exp(0.5 * random.nextGaussian())));
                finished.add(new FinishedStep(new CaseRef(step.procedure(), "RPT-" + seed + "-" + day + "-" + i), step,
                        start, start.plus(Duration.ofMillis(ms)), "petugas" + officer, POINTS.get(officer % POINTS.size())));
            }
        }
        stepClock.recordFinished(finished);
        return finished.size();
    }
}
