package id.dukcapil.portal.schoolvisit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.SignedInAs;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.blanko.BlankoStock;
import id.dukcapil.portal.population.EnrolmentStatus;
import id.dukcapil.portal.population.PopulationRegistry;
import id.dukcapil.portal.schoolvisit.OutpostBundle.Kind;
import id.dukcapil.portal.schoolvisit.OutpostBundle.Operation;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.staff.StaffAccounts;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A row of the reconciliation list settled by two supervisors at the same moment (issue 53): the second waits for
 * the first's row, then is told in words that it was settled meanwhile; the row keeps the first's settling only.
 */
@PortalTest
class ReconciliationSettlingTests {

    @Autowired OutpostScenes outpostScenes;
    @Autowired Outposts outposts;
    @Autowired Reconciliations reconciliations;
    @Autowired BlankoStock blanko;
    @Autowired PopulationRegistry registry;
    @Autowired StaffAccounts staffAccounts;
    @Autowired UserDetailsService users;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;
    @Autowired TransactionTemplate transactions;

    @AfterEach
    void real_time_again() {
        clock.reset();
    }

    @Test
    void of_two_supervisors_settling_one_row_at_once_the_second_waits_and_is_told_it_was_settled_meanwhile()
            throws Exception {
        OutpostScenes scenes = outpostScenes;
        OutpostScenes.Scene scene = scenes.setOut(1, 0, 0);
        OutpostPackage sent = SignedInAs.call(users, scene.officer(), () -> outposts.checkOut(scene.visitId(),
                "Laptop S", OutpostScenes.laptop()));
        long student = scenes.studentId(scene.notRecorded().getFirst());
        String desk = staffAccounts.create(Set.of(Role.RECORDING_OPERATOR), OutpostScenes.PASSWORD);
        SignedInAs.run(users, desk, () -> registry.changeEnrolmentStatus(Nik.of(scene.notRecorded().getFirst()[0]),
                EnrolmentStatus.BIOMETRICS_CAPTURED, "SOP C di loket Dinas"));
        OutpostBundle bundle = new OutpostBundle(sent.checkoutId(), 0, List.of(new Operation(UUID.randomUUID(),
                Kind.RECORDED, clock.instant().plus(Duration.ofMinutes(5)), scene.officer(), student, null)));
        SignedInAs.call(users, scene.officer(), () -> outposts.checkIn(bundle, Outposts.sign(bundle, sent.secret())));
        long rowId = jdbc.queryForObject("SELECT id FROM schoolvisit_reconciliation WHERE student_id = ?", Long.class,
                student);
        long version = jdbc.queryForObject("SELECT version FROM schoolvisit_reconciliation WHERE id = ?", Long.class,
                rowId);
        String first = staffAccounts.create(Set.of(Role.PLANNER), OutpostScenes.PASSWORD);
        String second = staffAccounts.create(Set.of(Role.ADMIN), OutpostScenes.PASSWORD);
        CountDownLatch settled = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Future<?> one = two.submit(() -> SignedInAs.run(users, first, () -> transactions.executeWithoutResult(
                    status -> {
                        reconciliations.keepDinas(rowId, version, "Yang pertama");
                        settled.countDown();
                        awaitLatch(commit); // the first settling not yet committed
                    })));
            awaitLatch(settled);
            Future<?> other = two.submit(() -> SignedInAs.run(users, second,
                    () -> reconciliations.keepDinas(rowId, version, "Yang kedua")));
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject("""
                    SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID <> CONNECTION_ID()
                    AND LOWER(INFO) LIKE 'update schoolvisit_reconciliation%'""", Integer.class) > 0);
            commit.countDown();

            one.get(30, TimeUnit.SECONDS);
            assertThatThrownBy(() -> other.get(30, TimeUnit.SECONDS)).cause()
                    .isInstanceOfSatisfying(RuleViolation.class, refused -> assertThat(refused.messageKeys())
                            .containsExactly("schoolvisit.error.reconciliation-changed"));
        } finally {
            commit.countDown();
            two.shutdownNow();
        }
        assertThat(jdbc.queryForObject("SELECT settle_reason FROM schoolvisit_reconciliation WHERE id = ?",
                String.class, rowId)).isEqualTo("Yang pertama");
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM audit_entry WHERE action = 'schoolvisit.reconciliation.dinas-kept'
                AND subject_type = 'SchoolStudent' AND subject_id = ?""", Integer.class, String.valueOf(student)))
                .as("settled once").isOne();
        assertThatThrownBy(() -> SignedInAs.run(users, second, () -> reconciliations.keepDinas(rowId, version + 1,
                "Lagi"))).isInstanceOfSatisfying(RuleViolation.class, refused -> assertThat(refused.args())
                .containsExactly(first));
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
