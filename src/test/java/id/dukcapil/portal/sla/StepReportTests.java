package id.dukcapil.portal.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.TestDays;
import id.dukcapil.portal.staff.StaffAccounts;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/** The figures of the SLA reports, checked against durations worked out by hand. */
@PortalTest
@WithUserDetails("manajer")
class StepReportTests {

    /** A point of its own: no other test's steps in its figures. */
    private static String servicePoint;

    @Autowired StepClock stepClock;
    @Autowired StepReports reports;
    @Autowired TestClock clock;

    /** A day of a month of this class's own, a year ahead: no other test's steps on it. */
    private LocalDate day;

    @BeforeEach
    void a_day_of_its_own() {
        day = TestDays.monthOfItsOwn(clock, 1, Month.JUNE).atDay(14);
    }

    @BeforeAll
    static void a_point_of_its_own(@Autowired StaffAccounts staff) {
        servicePoint = staff.servicePoint();
    }

    @Test
    void per_step_and_officer_count_median_90th_percentile_and_share_within_standard() {
        // Recording (standard 10 min) by two officers: 4, 6, 8, 12 and 20 minutes; 7 and 11 minutes.
        record("perekaman", 4, 6, 8, 12, 20);
        record("rekam2", 7, 11);
        record(day.plusDays(1), "perekaman", 9);

        StepReportQuery query = StepReportQuery.between(day, day, ReportDimension.STEP, ReportDimension.OFFICER)
                .withServicePoint(servicePoint);
        List<StepStatistics> rows = reports.report(query);
        assertThat(rows).extracting(StepStatistics::officer).containsExactly("perekaman", "rekam2");
        StepStatistics first = rows.getFirst();
        assertThat(first.procedure()).isEqualTo(Procedure.C_RECORDING);
        assertThat(first.step()).isEqualTo(SopStep.C3_RECORDING);
        assertThat(first.count()).isEqualTo(5);
        assertThat(first.median()).isEqualTo(Duration.ofMinutes(8));
        // PERCENTILE_CONT(0.9) of 4, 6, 8, 12, 20: position 3.6 → 12 + 0.6 × 8 = 16.8 minutes.
        assertThat(first.percentile90()).isEqualTo(Duration.ofSeconds(1008));
        assertThat(first.withinStandard()).isCloseTo(0.6, within(1e-9));
        StepStatistics second = rows.get(1);
        assertThat(second.median()).isEqualTo(Duration.ofMinutes(9));
        assertThat(second.withinStandard()).isCloseTo(0.5, within(1e-9));

        List<StepStatistics> perDay = reports.report(StepReportQuery.between(day, day.plusDays(1), ReportDimension.DAY)
                .withServicePoint(servicePoint));
        assertThat(perDay).extracting(StepStatistics::day, StepStatistics::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(day, 7L),
                        org.assertj.core.groups.Tuple.tuple(day.plusDays(1), 1L));
        assertThat(perDay.getFirst().procedure()).isNull();
    }

    private void record(String officer, int... minutes) {
        record(day, officer, minutes);
    }

    private void record(LocalDate day, String officer, int... minutes) {
        for (int m : minutes) {
            CaseRef resident = new CaseRef(Procedure.C_RECORDING, "R-" + UUID.randomUUID());
            var start = TestDays.at(day, "09:00");
            stepClock.enter(resident, SopStep.C3_RECORDING, start, "registrasi", servicePoint);
            stepClock.leave(resident, SopStep.C3_RECORDING, start.plus(Duration.ofMinutes(m)), officer);
        }
    }
}
