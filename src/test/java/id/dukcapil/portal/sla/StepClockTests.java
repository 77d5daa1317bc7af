package id.dukcapil.portal.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.TestDays;
import id.dukcapil.portal.shared.RuleViolation;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/** Cases of the SOPs going through their steps, held against the standard times of SOP.md. */
@PortalTest
@WithUserDetails("admin")
class StepClockTests {

    /** The day changelog sla/002 gives SOP B's step 2 its own standard: a fact of the data, not a test's today. */
    private static final LocalDate SOP_B_STEP_2_FROM = LocalDate.of(2026, 11, 22);

    @Autowired StepClock stepClock;
    @Autowired SlaStandards standards;
    @Autowired SlaMonitor monitor;
    @Autowired TestClock clock;
    @Autowired JdbcTemplate jdbc;

    /** Days in months of this class's own, a year ahead, so other classes' SLA figures never hold its steps. */
    private LocalDate day;
    private LocalDate recordingChangedFrom;

    @BeforeEach
    void days_of_its_own() {
        day = TestDays.monthOfItsOwn(clock, 1, Month.MARCH).atDay(1);
        recordingChangedFrom = TestDays.monthOfItsOwn(clock, 1, Month.JUNE).atDay(4);
    }

    @AfterEach
    void real_time_again() {
        clock.reset();
    }

    @Test
    void a_recording_case_through_its_steps_yields_the_right_durations_and_breaches() {
        CaseRef resident = new CaseRef(Procedure.C_RECORDING, "C-" + UUID.randomUUID());
        stepClock.enter(resident, SopStep.C1_DOCUMENTS_HANDED_OVER, at(day, "08:00"), "registrasi", "UKL-320437");
        stepClock.move(resident, SopStep.C1_DOCUMENTS_HANDED_OVER, SopStep.C2_REGISTRATION_CHECK, at(day, "08:04"),
                "registrasi", "UKL-320437");
        stepClock.move(resident, SopStep.C2_REGISTRATION_CHECK, SopStep.C3_RECORDING, at(day, "08:16"),
                "registrasi", "UKL-320437");
        stepClock.leave(resident, SopStep.C3_RECORDING, at(day, "08:25:30"), "perekaman");
        stepClock.enter(resident, SopStep.C4_PROOF_HANDED_OVER, at(day, "08:25:30"), "perekaman", "UKL-320437");
        clock.setInstant(at(day, "08:32"));

        List<StepRecord> history = stepClock.history(resident);
        assertThat(history).extracting(StepRecord::step).containsExactly(SopStep.C1_DOCUMENTS_HANDED_OVER,
                SopStep.C2_REGISTRATION_CHECK, SopStep.C3_RECORDING, SopStep.C4_PROOF_HANDED_OVER);
        assertThat(history).extracting(step -> step.elapsed(clock.instant())).containsExactly(Duration.ofMinutes(4),
                Duration.ofMinutes(12), Duration.ofMinutes(9).plusSeconds(30), Duration.ofMinutes(6).plusSeconds(30));
        assertThat(history).extracting(StepRecord::standard).containsExactly(Duration.ofMinutes(5),
                Duration.ofMinutes(10), Duration.ofMinutes(10), Duration.ofMinutes(5));
        // The registration check took 12 of its 10 minutes; the proof is 6½ minutes into its 5.
        assertThat(history).extracting(step -> step.overStandard(clock.instant()))
                .containsExactly(false, true, false, true);
        assertThat(jdbc.queryForList("SELECT within_standard FROM sla_step WHERE case_id = ? ORDER BY started_at, id",
                Boolean.class, resident.caseId())).containsExactly(true, false, true, null);
        assertThat(history.get(2).endedBy()).isEqualTo("perekaman");

        CaseClock now = stepClock.now(resident).orElseThrow();
        assertThat(now.current()).extracting(StepRecord::step).containsExactly(SopStep.C4_PROOF_HANDED_OVER);
        assertThat(now.totalElapsed()).isEqualTo(Duration.ofMinutes(32));
        assertThat(now.totalStandard()).isEqualTo(Duration.ofMinutes(30));
        assertThat(now.totalOverStandard()).isTrue();

        OverdueStep overdue = monitor.overdue(Procedure.C_RECORDING, PageRequest.of(0, 500)).getContent().stream()
                .filter(row -> row.step().caseRef().equals(resident)).findFirst().orElseThrow();
        assertThat(overdue.step().step()).isEqualTo(SopStep.C4_PROOF_HANDED_OVER);
        assertThat(overdue.over()).isEqualTo(Duration.ofMinutes(1).plusSeconds(30));
        assertThat(overdue.caseElapsed()).isEqualTo(Duration.ofMinutes(32));

        stepClock.leave(resident, SopStep.C4_PROOF_HANDED_OVER, at(day, "08:33"), "perekaman");
        assertThat(stepClock.now(resident)).isEmpty();
        assertThat(monitor.overdue(Procedure.C_RECORDING, PageRequest.of(0, 500)).getContent())
                .noneMatch(row -> row.step().caseRef().equals(resident));
    }

    @Test
    void a_change_of_standard_applies_only_to_steps_that_start_from_its_date() {
        LocalDate today = TestDays.monthOfItsOwn(clock, 1, Month.APRIL).atDay(5);
        clock.setInstant(at(today, "09:00"));
        standards.change(Procedure.E_IKD_ACTIVATION, SopStep.E4_SCAN_ACTIVATION_QR,
                new StandardChange(8, today.plusDays(2)), null);

        CaseRef before = new CaseRef(Procedure.E_IKD_ACTIVATION, "E-" + UUID.randomUUID());
        stepClock.enter(before, SopStep.E4_SCAN_ACTIVATION_QR, at(today.plusDays(1), "23:55"), "ikd", "MPP-SOREANG");
        // Ends after midnight, on the day the new standard applies: still held against the old one.
        StepRecord old = stepClock.leave(before, SopStep.E4_SCAN_ACTIVATION_QR, at(today.plusDays(2), "00:02"), "ikd");
        CaseRef after = new CaseRef(Procedure.E_IKD_ACTIVATION, "E-" + UUID.randomUUID());
        stepClock.enter(after, SopStep.E4_SCAN_ACTIVATION_QR, at(today.plusDays(2), "08:00"), "ikd", "MPP-SOREANG");
        StepRecord changed = stepClock.leave(after, SopStep.E4_SCAN_ACTIVATION_QR, at(today.plusDays(2), "08:07"), "ikd");

        assertThat(old.standard()).isEqualTo(Duration.ofMinutes(5));
        assertThat(old.overStandard(clock.instant())).isTrue();
        assertThat(changed.standard()).isEqualTo(Duration.ofMinutes(8));
        assertThat(changed.overStandard(clock.instant())).isFalse();
        assertThat(stepClock.history(before).getFirst().standard()).isEqualTo(Duration.ofMinutes(5));

        assertThat(standards.inForceToday()).filteredOn(s -> s.step() == SopStep.E4_SCAN_ACTIVATION_QR)
                .extracting(StepStandard::standard).containsExactly(Duration.ofMinutes(5));
        assertThat(standards.scheduled()).anyMatch(s -> s.step() == SopStep.E4_SCAN_ACTIVATION_QR
                && s.validFrom().equals(today.plusDays(2)) && s.changedBy().equals("admin"));
        // A report of a day measures it against that day's standards, whatever day it is made on.
        assertThat(standards.inForceOn(today.plusDays(2))).filteredOn(s -> s.step() == SopStep.E4_SCAN_ACTIVATION_QR)
                .extracting(StepStandard::standard).containsExactly(Duration.ofMinutes(8));
        clock.setInstant(at(today.plusDays(2), "10:00"));
        assertThat(standards.inForceOn(today)).filteredOn(s -> s.step() == SopStep.E4_SCAN_ACTIVATION_QR)
                .extracting(StepStandard::standard).containsExactly(Duration.ofMinutes(5));
        assertThat(standards.inForceToday()).filteredOn(s -> s.step() == SopStep.E4_SCAN_ACTIVATION_QR)
                .extracting(StepStandard::standard).containsExactly(Duration.ofMinutes(8));
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM audit_entry WHERE action = 'sla.standard.changed'
                    AND subject_id = 'E_IKD_ACTIVATION/E4_SCAN_ACTIVATION_QR' AND actor_id = 'admin'""", Long.class))
                .isEqualTo(1);
    }

    @Test
    void a_days_standard_another_admin_changed_since_it_was_read_is_not_overwritten() {
        LocalDate day = recordingChangedFrom;
        clock.setInstant(at(day.minusDays(3), "09:00"));
        standards.change(Procedure.C_RECORDING, SopStep.C3_RECORDING, new StandardChange(12, day), null);
        StepStandard read = standards.scheduled().stream()
                .filter(s -> s.step() == SopStep.C3_RECORDING && s.validFrom().equals(day)).findFirst().orElseThrow();

        standards.change(Procedure.C_RECORDING, SopStep.C3_RECORDING, new StandardChange(14, day), read.version());

        assertThatThrownBy(() -> standards.change(Procedure.C_RECORDING, SopStep.C3_RECORDING,
                new StandardChange(15, day), read.version()))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("sla.standard.changed-meanwhile");
        assertThatThrownBy(() -> standards.change(Procedure.C_RECORDING, SopStep.C3_RECORDING,
                new StandardChange(15, day), null))
                .as("a day's standard the admin never saw").isInstanceOf(RuleViolation.class)
                .hasMessageContaining("sla.standard.changed-meanwhile");
        assertThat(standards.scheduled()).filteredOn(s -> s.step() == SopStep.C3_RECORDING && s.validFrom().equals(day))
                .extracting(StepStandard::standard).containsExactly(Duration.ofMinutes(14));
    }

    /** A standard stays in force from its day on: other classes' reports of later days expect the SOP's 10 minutes. */
    @AfterEach
    void the_sops_recording_standard_again() {
        jdbc.update("DELETE FROM sla_standard WHERE step = 'C3_RECORDING' AND valid_from = ?", recordingChangedFrom);
    }

    @Test
    void a_standard_cannot_be_changed_for_a_day_that_has_passed() {
        LocalDate today = TestDays.monthOfItsOwn(clock, 1, Month.MAY).atDay(10);
        clock.setInstant(at(today, "09:00"));
        assertThatThrownBy(() -> standards.change(Procedure.A_BOOKING, SopStep.A4_ENTER_OTP,
                new StandardChange(3, today.minusDays(1)), null))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("sla.standard.in-the-past");
    }

    @Test
    @WithUserDetails("manajer")
    void a_manager_sees_the_standards_but_cannot_change_them() {
        assertThat(standards.inForceToday()).filteredOn(s -> s.procedure() == Procedure.B_KK_PRINT)
                .extracting(StepStandard::step, s -> s.standard().toMinutes())
                .contains(org.assertj.core.groups.Tuple.tuple(SopStep.B9_QR_PIN_EMAIL, 15L),
                        org.assertj.core.groups.Tuple.tuple(null, 50L));
        assertThatThrownBy(() -> standards.change(Procedure.B_KK_PRINT, SopStep.B6_OPERATOR_CHECK,
                new StandardChange(7, TestDays.today(clock).plusYears(1)), null))
                .isInstanceOf(org.springframework.security.authorization.AuthorizationDeniedException.class);
    }

    @Test
    void sop_b_steps_add_up_to_its_fifty_minutes_from_the_day_step_2_got_its_own_standard() {
        clock.setInstant(at(SOP_B_STEP_2_FROM.minusDays(1), "09:00"));
        assertThat(standards.inForceToday()).filteredOn(s -> s.procedure() == Procedure.B_KK_PRINT)
                .extracting(StepStandard::step).doesNotContain(SopStep.B2_ENTER_PIN);

        clock.setInstant(at(SOP_B_STEP_2_FROM, "09:00"));
        List<StepStandard> sopB = standards.inForceToday().stream()
                .filter(s -> s.procedure() == Procedure.B_KK_PRINT).toList();
        long steps = sopB.stream().filter(s -> s.step() != null).mapToLong(s -> s.standard().toMinutes()).sum();
        long total = sopB.stream().filter(s -> s.step() == null).findFirst().orElseThrow().standard().toMinutes();
        assertThat(steps).isEqualTo(50);
        assertThat(total).isEqualTo(50);
    }

    @Test
    void steps_are_entered_and_left_only_in_order() {
        CaseRef kk = new CaseRef(Procedure.B_KK_PRINT, "B-" + UUID.randomUUID());
        assertThatThrownBy(() -> stepClock.leave(kk, SopStep.B6_OPERATOR_CHECK, at(day, "10:00"), "operator"))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("sla.step.not-open");
        assertThatThrownBy(() -> stepClock.enter(kk, SopStep.C3_RECORDING, at(day, "10:00"), "operator", "DINAS"))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("sla.step.wrong-procedure");
        stepClock.enter(kk, SopStep.B6_OPERATOR_CHECK, at(day, "10:00"), "operator", "DINAS");
        assertThatThrownBy(() -> stepClock.enter(kk, SopStep.B6_OPERATOR_CHECK, at(day, "10:01"), "operator", "DINAS"))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("sla.step.already-open");
        assertThatThrownBy(() -> stepClock.leave(kk, SopStep.B6_OPERATOR_CHECK, at(day, "09:59"), "operator"))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("sla.step.ends-before-start");
    }

    @Test
    void a_step_left_on_a_node_whose_clock_is_a_little_behind_ends_as_it_began() {
        CaseRef kk = new CaseRef(Procedure.B_KK_PRINT, "B-" + UUID.randomUUID());
        stepClock.enter(kk, SopStep.B9_QR_PIN_EMAIL, at(day, "10:00"), "kadis", "DINAS");

        StepRecord left = stepClock.leave(kk, SopStep.B9_QR_PIN_EMAIL, at(day, "10:00").minusMillis(300), "outbox");

        assertThat(left.endedAt()).isEqualTo(at(day, "10:00"));
        assertThat(left.duration()).contains(Duration.ZERO);
    }

    @Test
    void steps_finished_before_the_case_reached_the_portal_are_recorded_with_their_durations_against_the_standard() {
        CaseRef booking = new CaseRef(Procedure.A_BOOKING, "A-" + UUID.randomUUID());
        stepClock.recordFinished(List.of(
                new FinishedStep(booking, SopStep.A7_PICK_DATE, at(day, "07:00"), at(day, "07:03"), "citizen:1", "DINAS"),
                new FinishedStep(booking, SopStep.A8_TICKET, at(day, "07:03"), at(day, "07:03:40"), "citizen:1", "DINAS")));

        List<StepRecord> history = stepClock.history(booking);
        assertThat(history).extracting(StepRecord::step).containsExactly(SopStep.A7_PICK_DATE, SopStep.A8_TICKET);
        assertThat(history).extracting(StepRecord::endedAt).containsExactly(at(day, "07:03"), at(day, "07:03:40"));
        assertThat(stepClock.now(booking)).isEmpty();
        assertThat(jdbc.queryForList("SELECT duration_ms FROM sla_step WHERE case_id = ? ORDER BY started_at",
                Long.class, booking.caseId())).containsExactly(180_000L, 40_000L);
        assertThatThrownBy(() -> stepClock.recordFinished(List.of(new FinishedStep(booking, SopStep.A8_TICKET,
                at(day, "07:01"), at(day, "07:00"), "citizen:1", "DINAS"))))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("sla.step.ends-before-start");
        assertThatThrownBy(() -> stepClock.recordFinished(List.of(new FinishedStep(booking, SopStep.C3_RECORDING,
                at(day, "07:01"), at(day, "07:02"), "citizen:1", "DINAS"))))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("sla.step.wrong-procedure");
    }

    static Instant at(LocalDate day, String time) {
        return TestDays.at(day, time);
    }
}
