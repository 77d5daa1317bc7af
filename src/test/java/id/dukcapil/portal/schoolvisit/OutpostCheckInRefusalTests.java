package id.dukcapil.portal.schoolvisit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.SignedInAs;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.blanko.BlankoStock;
import id.dukcapil.portal.schoolvisit.OutpostBundle.Kind;
import id.dukcapil.portal.schoolvisit.OutpostBundle.Operation;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.staff.StaffAccounts;
import java.time.Duration;
import java.time.Instant;
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
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 53's check-in where the bundle or the register is not as the outpost left them: a resident the register no
 * longer knows, a bundle for a checkout already back, operations by strangers or at impossible times, the same
 * bundle twice at once. None leaves a visit out for ever, none applies half a bundle.
 */
@PortalTest
class OutpostCheckInRefusalTests {

    @Autowired OutpostScenes outpostScenes;
    @Autowired Outposts outposts;
    @Autowired Reconciliations reconciliations;
    @Autowired BlankoStock blanko;
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
    void an_operation_on_a_resident_the_register_no_longer_knows_goes_to_reconciliation_and_the_visit_comes_back() {
        OutpostScenes scenes = scenes();
        OutpostScenes.Scene scene = scenes.setOut(1, 1, 1);
        OutpostPackage sent = checkOut(scene, "Laptop G");
        long young = scenes.studentId(scene.notRecorded().getFirst());
        long ready = scenes.studentId(scene.printReady().getFirst());
        Instant atSchool = clock.instant().plus(Duration.ofMinutes(10));
        // Meanwhile an import of SIAK's extract marks both gone (decision 099).
        for (String[] resident : scene.all()) {
            jdbc.update("UPDATE population_resident SET gone_on = ?, gone_reason = 'DIED' WHERE nik = ?",
                    scene.visit().day(), resident[0]);
        }
        OutpostBundle bundle = new OutpostBundle(sent.checkoutId(), 0, List.of(
                op(Kind.RECORDED, atSchool, scene.officer(), young, null),
                op(Kind.FOUND_RECORDED, atSchool.plusSeconds(60), scene.officer(), ready, null),
                op(Kind.CARD_PRINTED, atSchool.plusSeconds(120), scene.officer(), ready, "KTP-0300")));
        clock.advance(Duration.ofHours(1));

        CheckIn checkIn = checkIn(scene, sent, bundle);

        assertThat(checkIn.toReconcile()).isEqualTo(3);
        assertThat(checkoutState(sent)).as("the visit is the Dinas's again").isEqualTo("BACK");
        assertThat(jdbc.queryForList("SELECT dinas_version FROM schoolvisit_reconciliation WHERE checkout_id = ?",
                String.class, sent.checkoutId())).hasSize(3).allSatisfy(dinas -> assertThat(dinas)
                .contains("not in the register"));
        String supervisor = staffAccounts.create(Set.of(Role.PLANNER), OutpostScenes.PASSWORD);
        List<OpenReconciliation> mine = SignedInAs.call(users, supervisor, () -> reconciliations
                .open(PageRequest.of(0, 1000)).stream().filter(row -> List.of(young, ready)
                        .contains(row.studentId())).toList());
        assertThat(mine).as("the list opens").hasSize(3).allSatisfy(row -> {
            assertThat(row.applicable()).as("only the Dinas's version").isFalse();
            assertThat(row.enrolment()).as("shown as not in the register").isNull();
        });
    }

    @Test
    void a_visit_with_a_student_the_register_no_longer_knows_still_goes_out_without_their_status() {
        OutpostScenes scenes = scenes();
        OutpostScenes.Scene scene = scenes.setOut(2, 0, 1);
        String gone = scene.notRecorded().getFirst()[0];
        jdbc.update("UPDATE population_resident SET gone_on = ?, gone_reason = 'MOVED_OUT' WHERE nik = ?",
                scene.visit().day(), gone);

        OutpostPackage sent = checkOut(scene, "Laptop J");

        assertThat(sent.roster()).hasSize(2);
        assertThat(sent.roster()).filteredOn(student -> student.nik().equals(gone))
                .singleElement().satisfies(student -> assertThat(student.enrolmentStatus()).isNull());
        assertThat(sent.roster()).filteredOn(student -> !student.nik().equals(gone))
                .allSatisfy(student -> assertThat(student.enrolmentStatus()).isNotNull());
        assertThat(checkoutState(sent)).isEqualTo("OUT");
    }

    @Test
    void a_checkout_back_at_the_dinas_answers_its_bundle_again_but_refuses_new_operations_signed_with_its_old_secret() {
        OutpostScenes scenes = scenes();
        OutpostScenes.Scene scene = scenes.setOut(2, 0, 2);
        OutpostPackage first = checkOut(scene, "Laptop H");
        long recorded = scenes.studentId(scene.notRecorded().get(0));
        long later = scenes.studentId(scene.notRecorded().get(1));
        Instant atSchool = clock.instant().plus(Duration.ofMinutes(10));
        OutpostBundle bundle = new OutpostBundle(first.checkoutId(), 2, List.of(
                op(Kind.RECORDED, atSchool, scene.officer(), recorded, null)));
        clock.advance(Duration.ofHours(1));
        assertThat(checkIn(scene, first, bundle).applied()).isOne();

        CheckIn again = checkIn(scene, first, bundle);

        assertThat(again.alreadyApplied()).as("the same bundle again: answered as before").isOne();
        assertThat(again.cardsBroughtBack()).isEqualTo(2);
        // A bundle with a new operation, signed with the old secret: refused whole, before and after the visit is
        // checked out again to another outpost.
        OutpostBundle stale = new OutpostBundle(first.checkoutId(), 0, List.of(bundle.operations().getFirst(),
                op(Kind.RECORDED, atSchool.plusSeconds(60), scene.officer(), later, null)));
        assertThatThrownBy(() -> checkIn(scene, first, stale)).isInstanceOfSatisfying(RuleViolation.class,
                refused -> assertThat(refused.messageKeys()).containsExactly("schoolvisit.error.checkout-closed"));
        OutpostPackage second = checkOut(scene, "Laptop I");
        assertThatThrownBy(() -> checkIn(scene, first, stale)).isInstanceOfSatisfying(RuleViolation.class,
                refused -> assertThat(refused.messageKeys()).containsExactly("schoolvisit.error.checkout-closed"));

        assertThat(jdbc.queryForObject("SELECT state FROM schoolvisit_student WHERE id = ?", String.class, later))
                .as("nothing applied").isEqualTo("ON_ROSTER");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM schoolvisit_outpost_operation WHERE checkout_id = ?",
                Integer.class, first.checkoutId())).isOne();
        assertThat(jdbc.queryForObject("SELECT cards_brought_back FROM schoolvisit_checkout WHERE id = ?",
                Integer.class, first.checkoutId())).as("the first check-in's count").isEqualTo(2);
        assertThat(checkoutState(second)).isEqualTo("OUT");
    }

    @Test
    void a_bundle_naming_a_recorder_outside_the_team_or_a_time_outside_the_checkout_is_refused_whole() {
        OutpostScenes scenes = scenes();
        OutpostScenes.Scene scene = scenes.setOut(2, 0, 0);
        OutpostPackage sent = checkOut(scene, "Laptop J");
        long student = scenes.studentId(scene.notRecorded().get(0));
        long other = scenes.studentId(scene.notRecorded().get(1));
        Instant atSchool = clock.instant().plus(Duration.ofMinutes(10));
        Operation fine = op(Kind.RECORDED, atSchool, scene.officer(), student, null);
        String stranger = staffAccounts.create(Set.of(Role.FIELD_OFFICER), OutpostScenes.PASSWORD);
        clock.advance(Duration.ofHours(1));
        Instant arrival = clock.instant();

        for (Operation wrong : List.of(
                op(Kind.RECORDED, atSchool, stranger, other, null),
                op(Kind.RECORDED, atSchool, "nobody-at-all", other, null))) {
            assertThatThrownBy(() -> checkIn(scene, sent, new OutpostBundle(sent.checkoutId(), 0, List.of(fine,
                    wrong)))).isInstanceOfSatisfying(RuleViolation.class, refused -> {
                        assertThat(refused.messageKeys()).containsExactly("schoolvisit.error.bundle-staff");
                        assertThat(refused.args()).containsExactly(wrong.staff());
                    });
        }
        for (Instant when : List.of(sent.checkedOutAt().minus(Duration.ofMinutes(11)),
                arrival.plus(Duration.ofMinutes(11)), Instant.parse("+10000-01-01T00:00:00Z"))) {
            assertThatThrownBy(() -> checkIn(scene, sent, new OutpostBundle(sent.checkoutId(), 0, List.of(fine,
                    op(Kind.ABSENT, when, scene.officer(), other, null))))).isInstanceOfSatisfying(
                    RuleViolation.class, refused -> assertThat(refused.messageKeys())
                            .containsExactly("schoolvisit.error.bundle-time"));
        }

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM schoolvisit_outpost_operation WHERE checkout_id = ?",
                Integer.class, sent.checkoutId())).as("nothing applied").isZero();
        assertThat(checkoutState(sent)).isEqualTo("OUT");
        // A laptop's clock a few minutes off is believed.
        CheckIn checkIn = checkIn(scene, sent, new OutpostBundle(sent.checkoutId(), 0, List.of(fine,
                op(Kind.ABSENT, sent.checkedOutAt().minus(Duration.ofMinutes(9)), scene.officer(), other, null))));
        assertThat(checkIn.applied()).isEqualTo(2);
    }

    @Test
    void the_same_bundle_arriving_twice_at_once_counts_the_operation_the_other_arrival_took_as_already_applied()
            throws Exception {
        OutpostScenes scenes = scenes();
        OutpostScenes.Scene scene = scenes.setOut(1, 0, 0);
        OutpostPackage sent = checkOut(scene, "Laptop K");
        long student = scenes.studentId(scene.notRecorded().getFirst());
        Operation operation = op(Kind.ABSENT, clock.instant().plus(Duration.ofMinutes(5)), scene.officer(),
                student, null);
        OutpostBundle bundle = new OutpostBundle(sent.checkoutId(), 0, List.of(operation));
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            // The other arrival has written the operation's id and not committed yet.
            Future<?> other = two.submit(() -> transactions.executeWithoutResult(status -> {
                jdbc.update("""
                        INSERT INTO schoolvisit_outpost_operation (operation_id, checkout_id, kind, student_id,
                        outcome, happened_at, arrived_at) VALUES (?, ?, 'ABSENT', ?, 'APPLIED', ?, ?)""",
                        operation.id().toString(), sent.checkoutId(), student,
                        java.sql.Timestamp.from(operation.happenedAt()), java.sql.Timestamp.from(clock.instant()));
                inserted.countDown();
                awaitLatch(commit);
            }));
            awaitLatch(inserted);
            Future<CheckIn> racing = two.submit(() -> checkIn(scene, sent, bundle));
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject("""
                    SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID <> CONNECTION_ID()
                    AND LOWER(INFO) LIKE 'insert into schoolvisit_outpost_operation%'""", Integer.class) > 0);
            commit.countDown();
            other.get(30, TimeUnit.SECONDS);

            CheckIn checkIn = racing.get(30, TimeUnit.SECONDS);

            assertThat(checkIn.alreadyApplied()).isOne();
            assertThat(checkIn.applied()).isZero();
        } finally {
            commit.countDown();
            two.shutdownNow();
        }
        assertThat(checkoutState(sent)).isEqualTo("BACK");
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private OutpostScenes scenes() {
        return outpostScenes;
    }

    private OutpostPackage checkOut(OutpostScenes.Scene scene, String outpost) {
        return SignedInAs.call(users, scene.officer(), () -> outposts.checkOut(scene.visitId(), outpost,
                OutpostScenes.laptop()));
    }

    private static Operation op(Kind kind, Instant at, String staff, Long studentId, String serial) {
        return new Operation(UUID.randomUUID(), kind, at, staff, studentId, serial);
    }

    private CheckIn checkIn(OutpostScenes.Scene scene, OutpostPackage sent, OutpostBundle bundle) {
        return SignedInAs.call(users, scene.officer(), () -> outposts.checkIn(bundle,
                Outposts.sign(bundle, sent.secret())));
    }

    private String checkoutState(OutpostPackage sent) {
        return jdbc.queryForObject("SELECT state FROM schoolvisit_checkout WHERE id = ?", String.class,
                sent.checkoutId());
    }
}
