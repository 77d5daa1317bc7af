package id.dukcapil.portal.schoolvisit.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import id.dukcapil.portal.GridInput;
import id.dukcapil.portal.PortalViewTest;
import id.dukcapil.portal.SignedInAs;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.blanko.BlankoStock;
import id.dukcapil.portal.population.EnrolmentStatus;
import id.dukcapil.portal.population.PopulationRegistry;
import id.dukcapil.portal.schoolvisit.CheckIn;
import id.dukcapil.portal.schoolvisit.FieldDesk;
import id.dukcapil.portal.schoolvisit.OpenReconciliation;
import id.dukcapil.portal.schoolvisit.OutpostBundle;
import id.dukcapil.portal.schoolvisit.OutpostBundle.Kind;
import id.dukcapil.portal.schoolvisit.OutpostBundle.Operation;
import id.dukcapil.portal.schoolvisit.OutpostPackage;
import id.dukcapil.portal.schoolvisit.OutpostScenes;
import id.dukcapil.portal.schoolvisit.Outposts;
import id.dukcapil.portal.schoolvisit.Reconciliations;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.Role;
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
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 53's reconciliation list at the supervisor's screen: the outposts' operations on students the Dinas changed
 * meanwhile, both versions in words, the oldest first and sortable by what the grid shows; the outpost's version
 * applied where it still fits (asked first, the safe choice focused), the Dinas's kept with a reason bound at its
 * field, each row settled once — a second supervisor's late settling is told in words.
 */
class ReconciliationViewTest extends PortalViewTest {

    @Autowired OutpostScenes outpostScenes;
    @Autowired FieldDesk field;
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
    void a_supervisor_applies_the_outposts_version_where_it_still_fits_keeps_the_dinass_otherwise_and_settles_once() {
        OutpostScenes scenes = outpostScenes;
        OutpostScenes.Scene scene = scenes.setOut(2, 1, 2);
        String officer = scene.officer();
        OutpostPackage sent = SignedInAs.call(users, officer, () -> outposts.checkOut(scene.visitId(), "Laptop R",
                OutpostScenes.laptop()));
        long kept = scenes.studentId(scene.notRecorded().get(0));
        long raced = scenes.studentId(scene.notRecorded().get(1));
        long printed = scenes.studentId(scene.printReady().getFirst());
        // Meanwhile two of the students are recorded at a Dinas desk.
        String desk = staffAccounts.create(Set.of(Role.RECORDING_OPERATOR), OutpostScenes.PASSWORD);
        for (String[] resident : scene.notRecorded()) {
            SignedInAs.run(users, desk, () -> registry.changeEnrolmentStatus(Nik.of(resident[0]),
                    EnrolmentStatus.BIOMETRICS_CAPTURED, "SOP C di loket Dinas"));
        }
        Instant atSchool = clock.instant().plus(Duration.ofMinutes(15));
        // The outpost recorded both, and printed a card for the third without reporting step 3 first.
        OutpostBundle bundle = new OutpostBundle(sent.checkoutId(), 1, List.of(
                new Operation(UUID.randomUUID(), Kind.RECORDED, atSchool, officer, kept, null),
                new Operation(UUID.randomUUID(), Kind.RECORDED, atSchool.plusSeconds(60), officer, raced, null),
                new Operation(UUID.randomUUID(), Kind.CARD_PRINTED, atSchool.plusSeconds(120), officer, printed,
                        "KTP-0200")));
        clock.advance(Duration.ofHours(2));
        CheckIn checkIn = SignedInAs.call(users, officer, () -> outposts.checkIn(bundle,
                Outposts.sign(bundle, sent.secret())));
        assertThat(checkIn.toReconcile()).isEqualTo(3);
        // Back at the Dinas the team finds the third student recorded before: the card now fits.
        SignedInAs.run(users, officer, () -> {
            field.begin(scene.visitId(), printed);
            field.statusChecked(scene.visitId(), printed);
        });
        String supervisor = staffAccounts.create(Set.of(Role.PLANNER), OutpostScenes.PASSWORD);
        String other = staffAccounts.create(Set.of(Role.ADMIN), OutpostScenes.PASSWORD);

        SignedInAs.run(users, supervisor, () -> {
            ReconciliationView view = navigate(ReconciliationView.class);
            List<OpenReconciliation> listed = items(view.rows);
            List<Long> mine = listed.stream().map(OpenReconciliation::studentId)
                    .filter(id -> List.of(kept, raced, printed).contains(id)).toList();
            assertThat(mine).as("the oldest arrival first").containsExactly(kept, raced, printed);
            OpenReconciliation keptRow = row(listed, kept);
            assertThat(view.outpostVersion(keptRow)).contains("Merekam siswa oleh Petugas Uji " + officer,
                    "di pos Laptop R");
            assertThat(view.dinasVersion(keptRow)).contains("KTP-el yang sudah dicetak: 0")
                    .doesNotContain("BIOMETRICS_CAPTURED");
            OpenReconciliation printedRow = row(listed, printed);
            assertThat(view.outpostVersion(printedRow)).contains("Mencetak KTP-el siswa", "Nomor blangko KTP-0200");
            assertThat(GridInput.showsAction(view.rows, listed.indexOf(keptRow), ReconciliationView.APPLY))
                    .as("the register moved on: only the Dinas's version").isFalse();
            assertThat(GridInput.showsAction(view.rows, listed.indexOf(keptRow), ReconciliationView.KEEP)).isTrue();
            assertThat(GridInput.showsAction(view.rows, listed.indexOf(printedRow), ReconciliationView.APPLY))
                    .isTrue();

            view.rows.sort(GridSortOrder.<OpenReconciliation>desc(view.rows.getColumns().get(1)).build());
            List<String> names = items(view.rows).stream().filter(r -> List.of(kept, raced, printed)
                    .contains(r.studentId())).map(OpenReconciliation::studentName).toList();
            assertThat(names).as("sorted by the names it shows").isSortedAccordingTo(
                    String.CASE_INSENSITIVE_ORDER.reversed());
            view.rows.sort(List.of());

            listed = items(view.rows);
            GridInput.clickAction(view.rows, listed.indexOf(row(listed, printed)), ReconciliationView.APPLY);
            ConfirmDialog confirm = find(ConfirmDialog.class).last();
            test(confirm).reject(); // the red choice; the focused one changes nothing
            assertThat(lastNotification()).contains("Versi lapangan diterapkan untuk");
            assertThat(state(printed)).isEqualTo("PRINTED");
            assertThat(registry.cardHistory(Nik.of(scene.printReady().getFirst()[0]))).hasSize(1);
            assertThat(settlement(printed)).isEqualTo("OUTPOST");

            listed = items(view.rows);
            assertThat(listed).extracting(OpenReconciliation::studentId).doesNotContain(printed);
            GridInput.clickAction(view.rows, listed.indexOf(row(listed, kept)), ReconciliationView.KEEP);
            roundTrip(); // the dialog attached, as after a click
            KeepDinasDialog dialog = view.keepDialog;
            assertThat(dialog.cancel.isAutofocus()).as("the safe choice has the focus").isTrue();
            test(dialog.keep).click();
            assertThat(dialog.reason.isInvalid()).as("a reason is asked at its field").isTrue();
            assertThat(settlement(kept)).isNull();
            test(dialog.reason).setValue("Sudah direkam di loket Dinas lebih dulu");
            test(dialog.keep).click();
            assertThat(settlement(kept)).isEqualTo("DINAS");
            assertThat(jdbc.queryForObject("""
                    SELECT settle_reason FROM schoolvisit_reconciliation WHERE student_id = ?""", String.class,
                    kept)).isEqualTo("Sudah direkam di loket Dinas lebih dulu");
            assertThat(state(kept)).as("the Dinas's version stays").isEqualTo("ON_ROSTER");
        });

        // Two supervisors at once: the other settles the last row while this one still has it on screen.
        SignedInAs.run(users, supervisor, () -> {
            ReconciliationView view = navigate(ReconciliationView.class);
            OpenReconciliation shown = row(items(view.rows), raced);
            SignedInAs.run(users, other, () -> reconciliations.keepDinas(shown.id(), shown.version(),
                    "Diselesaikan pengawas lain"));
            view.askKeep(shown);
            roundTrip();
            AtomicBoolean refreshed = new AtomicBoolean();
            view.rows.getDataProvider().addDataProviderListener(change -> refreshed.set(true));
            test(view.keepDialog.reason).setValue("Alasan yang terlambat");
            test(view.keepDialog.keep).click();
            assertThat(lastNotification()).contains("sudah diselesaikan oleh " + other);
            assertThat(refreshed).as("the list asked again: the settled row goes").isTrue();
            assertThat(items(view.rows)).extracting(OpenReconciliation::studentId).doesNotContain(raced);
            assertThat(view.keepDialog.isOpened()).as("what was typed stays").isTrue();
            assertThat(view.keepDialog.reason.getValue()).isEqualTo("Alasan yang terlambat");
        });
        assertThat(jdbc.queryForObject("""
                SELECT settle_reason FROM schoolvisit_reconciliation WHERE student_id = ?""", String.class, raced))
                .as("settled once, by the first").isEqualTo("Diselesaikan pengawas lain");
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM audit_entry WHERE action LIKE 'schoolvisit.reconciliation.%'
                AND subject_type = 'SchoolStudent' AND subject_id IN (?, ?, ?)""", Integer.class,
                String.valueOf(kept), String.valueOf(raced), String.valueOf(printed))).isEqualTo(3);
    }

    @Test
    void the_team_printing_at_the_same_moment_as_the_outposts_card_is_applied_is_said_in_words_and_the_row_stays()
            throws Exception {
        OutpostScenes scenes = outpostScenes;
        OutpostScenes.Scene scene = scenes.setOut(0, 1, 2);
        String officer = scene.officer();
        OutpostPackage sent = SignedInAs.call(users, officer, () -> outposts.checkOut(scene.visitId(), "Laptop T",
                OutpostScenes.laptop()));
        long printed = scenes.studentId(scene.printReady().getFirst());
        // The outpost printed without reporting step 3 first: to the reconciliation list.
        OutpostBundle bundle = new OutpostBundle(sent.checkoutId(), 1, List.of(new Operation(UUID.randomUUID(),
                Kind.CARD_PRINTED, clock.instant().plus(Duration.ofMinutes(5)), officer, printed, "KTP-0400")));
        clock.advance(Duration.ofHours(1));
        SignedInAs.call(users, officer, () -> outposts.checkIn(bundle, Outposts.sign(bundle, sent.secret())));
        SignedInAs.run(users, officer, () -> {
            field.begin(scene.visitId(), printed);
            field.statusChecked(scene.visitId(), printed);
        });
        String supervisor = staffAccounts.create(Set.of(Role.PLANNER), OutpostScenes.PASSWORD);
        CountDownLatch changed = new CountDownLatch(1);
        ExecutorService team = Executors.newSingleThreadExecutor();
        try {
            SignedInAs.run(users, supervisor, () -> {
                ReconciliationView view = navigate(ReconciliationView.class);
                List<OpenReconciliation> listed = items(view.rows);
                GridInput.clickAction(view.rows, listed.indexOf(row(listed, printed)), ReconciliationView.APPLY);
                ConfirmDialog confirm = find(ConfirmDialog.class).last();
                // The team changes the visit (a card printed at the Dinas) and commits while the applying waits on
                // the visit's row: the applying's write finds another version.
                Future<?> printing = team.submit(() -> transactions.executeWithoutResult(status -> {
                    jdbc.update("UPDATE schoolvisit_visit SET version = version + 1 WHERE id = ?", scene.visitId());
                    changed.countDown();
                    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject("""
                            SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID <> CONNECTION_ID()
                            AND LOWER(INFO) LIKE 'update schoolvisit_visit %'""", Integer.class) > 0);
                }));
                awaitLatch(changed);
                AtomicBoolean refreshed = new AtomicBoolean();
                view.rows.getDataProvider().addDataProviderListener(change -> refreshed.set(true));

                test(confirm).reject(); // the red choice: apply

                assertThat(lastNotification()).contains("Versi lapangan tidak bisa diterapkan lagi");
                assertThat(refreshed).isTrue();
                assertThat(items(view.rows)).extracting(OpenReconciliation::studentId).as("nothing settled")
                        .contains(printed);
                awaitDone(printing);
            });
        } finally {
            team.shutdownNow();
        }
        assertThat(settlement(printed)).isNull();
        assertThat(state(printed)).isEqualTo("WAITING");
        assertThat(registry.cardHistory(Nik.of(scene.printReady().getFirst()[0]))).isEmpty();
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void awaitDone(Future<?> future) {
        try {
            future.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<OpenReconciliation> items(Grid<OpenReconciliation> grid) {
        return grid.getLazyDataView().getItems().toList();
    }

    private static OpenReconciliation row(List<OpenReconciliation> listed, long studentId) {
        return listed.stream().filter(row -> row.studentId() == studentId).findFirst().orElseThrow();
    }

    private String state(long studentId) {
        return jdbc.queryForObject("SELECT state FROM schoolvisit_student WHERE id = ?", String.class, studentId);
    }

    private String settlement(long studentId) {
        return jdbc.queryForObject("SELECT settlement FROM schoolvisit_reconciliation WHERE student_id = ?",
                String.class, studentId);
    }
}
