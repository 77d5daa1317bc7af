package id.dukcapil.portal.schoolvisit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.SignedInAs;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.schoolvisit.OutpostBundle.Kind;
import id.dukcapil.portal.schoolvisit.OutpostBundle.Operation;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.staff.StaffAccounts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Issue 53: a visit out at a laptop that was lost or broke is taken back by a supervisor, with the reason; the visit
 * is the Dinas's again at once, and what the lost laptop still sends later goes to the reconciliation list, not
 * applied and not refused.
 */
@PortalTest
class OutpostTakeBackTests {

    @Autowired OutpostScenes scenes;
    @Autowired Outposts outposts;
    @Autowired OutpostOperations operations;
    @Autowired FieldDesk field;
    @Autowired StaffAccounts staffAccounts;
    @Autowired UserDetailsService users;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;

    @AfterEach
    void real_time_again() {
        clock.reset();
    }

    @Test
    void a_supervisor_takes_a_lost_laptops_visit_back_and_what_it_sends_later_waits_for_their_decision() {
        OutpostScenes.Scene scene = scenes.setOut(2, 0, 0);
        OutpostPackage sent = SignedInAs.call(users, scene.officer(), () -> outposts.checkOut(scene.visitId(),
                "Laptop Hilang", OutpostScenes.laptop()));
        long first = scenes.studentId(scene.notRecorded().get(0));
        long second = scenes.studentId(scene.notRecorded().get(1));
        Instant atSchool = clock.instant().plus(Duration.ofMinutes(20));
        clock.advance(Duration.ofHours(5));

        String manager = staffAccounts.create(Set.of(Role.MANAGER), OutpostScenes.PASSWORD);
        assertThatThrownBy(() -> SignedInAs.run(users, manager, () -> outposts.takeBack(scene.visitId(), "Hilang")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> SignedInAs.run(users, scene.plannerName(), () -> outposts.takeBack(
                scene.visitId(), "  "))).hasMessageContaining("shared.reason.required");
        SignedInAs.run(users, scene.plannerName(), () -> outposts.takeBack(scene.visitId(),
                "Laptop tim hilang di angkutan umum"));

        assertThat(jdbc.queryForObject("SELECT state FROM schoolvisit_checkout WHERE id = ?", String.class,
                sent.checkoutId())).isEqualTo("TAKEN_BACK");
        assertThat(jdbc.queryForObject("SELECT detail FROM audit_entry WHERE action = 'schoolvisit.visit.taken-back' "
                + "AND subject_id = ?", String.class, String.valueOf(scene.visitId())))
                .contains("outpost=Laptop Hilang").contains("held by=" + scene.officer())
                .contains("reason=Laptop tim hilang di angkutan umum");
        assertThatThrownBy(() -> SignedInAs.run(users, scene.plannerName(), () -> outposts.takeBack(
                scene.visitId(), "Sekali lagi"))).hasMessageContaining("schoolvisit.error.visit-not-out");
        // The Dinas works on the visit again: the first student is begun at a desk.
        assertThat(SignedInAs.call(users, scene.officer(), () -> field.begin(scene.visitId(), first)).student()
                .fieldStep()).isEqualTo(FieldStep.STATUS);

        // The laptop turns up and sends what it did at the school: nothing applied, nothing lost.
        OutpostBundle late = new OutpostBundle(sent.checkoutId(), 0, List.of(
                new Operation(UUID.randomUUID(), Kind.RECORDED, atSchool, scene.officer(), first, null),
                new Operation(UUID.randomUUID(), Kind.ABSENT, atSchool.plusSeconds(60), scene.officer(), second,
                        null)));
        CheckIn checkIn = SignedInAs.call(users, scene.officer(), () -> outposts.checkIn(late,
                Outposts.sign(late, sent.secret())));
        assertThat(checkIn.applied()).isZero();
        assertThat(checkIn.toReconcile()).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT dinas_version FROM schoolvisit_reconciliation WHERE checkout_id = ?",
                String.class, sent.checkoutId())).hasSize(2).allSatisfy(why -> assertThat(why)
                .contains("taken back at the Dinas by " + scene.plannerName()).contains("hilang"));
        assertThat(jdbc.queryForObject("SELECT state FROM schoolvisit_student WHERE id = ?", String.class, second))
                .isEqualTo("ON_ROSTER");

        // The team takes the visit out again with another laptop: a checkout of its own.
        OutpostPackage again = SignedInAs.call(users, scene.officer(), () -> outposts.checkOut(scene.visitId(),
                "Laptop Pengganti", OutpostScenes.laptop()));
        assertThat(again.checkoutId()).isNotEqualTo(sent.checkoutId());
    }

    @Test
    void a_recording_after_a_correction_on_the_list_waits_for_the_correction() {
        OutpostScenes.Scene scene = scenes.setOut(1, 0, 0);
        OutpostPackage sent = SignedInAs.call(users, scene.officer(), () -> outposts.checkOut(scene.visitId(),
                "Laptop Lama", OutpostScenes.laptop()));
        long student = scenes.studentId(scene.notRecorded().getFirst());
        Instant atSchool = clock.instant().plus(Duration.ofMinutes(20));
        clock.advance(Duration.ofHours(2));
        SignedInAs.run(users, scene.plannerName(), () -> outposts.takeBack(scene.visitId(), "Laptop rusak"));
        Operation corrected = new Operation(UUID.randomUUID(), Kind.CORRECTED, atSchool, scene.officer(), student,
                null, new OutpostBundle.Correction("Nama Sesuai Akta", null, null, null, null, null, "Akta 0202"));
        Operation recorded = new Operation(UUID.randomUUID(), Kind.RECORDED, atSchool.plusSeconds(300),
                scene.officer(), student, null);
        OutpostBundle late = new OutpostBundle(sent.checkoutId(), 0, List.of(corrected, recorded));
        SignedInAs.call(users, scene.officer(), () -> outposts.checkIn(late, Outposts.sign(late, sent.secret())));

        assertThat(SignedInAs.call(users, scene.plannerName(), () -> operations.applicable(sent.checkoutId(),
                recorded))).as("applied first, it would record the student under the data the correction mends")
                .isFalse();
        assertThat(SignedInAs.call(users, scene.plannerName(), () -> operations.applicable(sent.checkoutId(),
                corrected))).isTrue();
    }
}
