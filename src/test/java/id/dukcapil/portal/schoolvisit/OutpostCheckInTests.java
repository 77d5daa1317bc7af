package id.dukcapil.portal.schoolvisit;

import id.dukcapil.portal.audit.OutpostJournal;
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
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 53's first slice: a school visit checked out to an outpost, the Dinas refusing its changes meanwhile, and the
 * outpost's signed bundle checked in once — twice or after a crash halfway changes nothing more, a student the Dinas
 * changed meanwhile goes to the reconciliation list, and the blank cards are accounted for.
 */
@PortalTest
class OutpostCheckInTests {

    private static final ZoneId OFFICE = ZoneId.of("Asia/Jakarta");
    private static final String PASSWORD = "Sandi-Kuat-2026";
    private static final String POINT = "DINAS";

    @Autowired Schools schools;
    @Autowired RosterImport rosterImport;
    @Autowired VisitPlanner planner;
    @Autowired FieldDesk field;
    @Autowired VisitDesk visitDesk;
    @Autowired Outposts outposts;
    @Autowired Handovers handovers;
    @Autowired OutpostOperations operations;
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
    void a_visit_out_at_an_outpost_is_changed_by_nobody_at_the_dinas_and_its_package_holds_what_the_outpost_needs() {
        Out out = checkedOut(3);
        OutpostPackage sent = out.sent();

        assertThat(sent.roster()).extracting(OutpostPackage.Packed::studentId)
                .containsExactlyInAnyOrderElementsOf(out.students());
        assertThat(sent.roster()).extracting(OutpostPackage.Packed::enrolmentStatus)
                .containsOnly(EnrolmentStatus.NOT_RECORDED, EnrolmentStatus.PRINT_READY);
        assertThat(sent.cardsOut()).isEqualTo(3);
        assertThat(sent.secret()).matches("[0-9a-f]{64}");
        assertThat(sent.team()).as("the team's field officers, each to sign in on the outpost with their password")
                .singleElement().satisfies(member -> {
                    assertThat(member.username()).isEqualTo(out.officer());
                    assertThat(member.passwordHash()).startsWith("{bcrypt}");
                });
        JsonMapper json = JsonMapper.builder().build();
        assertThat(json.readValue(json.writeValueAsString(sent), OutpostPackage.class)).isEqualTo(sent);

        long student = out.recordable().getFirst();
        assertThatThrownBy(() -> SignedInAs.run(users, out.officer(), () -> field.begin(out.visitId(), student)))
                .isInstanceOfSatisfying(RuleViolation.class, refused -> {
                    assertThat(refused.messageKeys()).containsExactly("schoolvisit.error.visit-out");
                    assertThat(refused.args()).containsExactly(out.officer(), "Laptop tim " + out.visitId(),
                            DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm").format(sent.checkedOutAt().atZone(OFFICE)));
                });
        assertThatThrownBy(() -> SignedInAs.run(users, out.officer(), () -> visitDesk.close(out.visitId())))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("schoolvisit.error.visit-out");
        assertThatThrownBy(() -> SignedInAs.run(users, out.planner(), () -> rosterImport.importRoster(
                sent.visit().schoolId(), sent.visit().day(), new ByteArrayInputStream(new byte[0]))))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("schoolvisit.error.visit-out");
        assertThatThrownBy(() -> SignedInAs.run(users, out.officer(), () -> handovers.prepare(
                sent.visit().schoolId()))).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("schoolvisit.error.visit-out");
        assertThatThrownBy(() -> SignedInAs.run(users, out.officer(), () -> outposts.checkOut(out.visitId(), "Lain",
                OutpostScenes.laptop()))).as("not out twice").isInstanceOf(RuleViolation.class)
                .hasMessageContaining("schoolvisit.error.visit-out");
        assertThatThrownBy(() -> SignedInAs.run(users, out.officer(), () -> outposts.checkOut(out.visitId(),
                sent.outpost(), OutpostScenes.laptop()))).as("nor to another laptop of the same name and officer")
                .isInstanceOf(RuleViolation.class).hasMessageContaining("schoolvisit.error.visit-out");
        assertThatThrownBy(() -> SignedInAs.run(users, out.officer(), () -> outposts.checkOut(out.visitId(),
                sent.outpost(), "not-a-key"))).hasMessageContaining("schoolvisit.error.outpost-key");
        assertThat(SignedInAs.call(users, out.officer(), () -> field.student(out.visitId(), student)).student()
                .state()).isEqualTo(StudentState.ON_ROSTER);
    }

    @Test
    void a_bundle_checked_in_applies_each_operation_once_and_the_same_bundle_again_changes_nothing() {
        Out out = checkedOut(3);
        Instant atSchool = clock.instant().plus(Duration.ofMinutes(30));
        long recorded = out.recordable().getFirst();
        long absent = out.recordable().get(1);
        long printed = out.printReady().getFirst();
        OutpostBundle bundle = new OutpostBundle(out.sent().checkoutId(), 1, List.of(
                op(Kind.RECORDED, atSchool, out, recorded, null),
                op(Kind.ABSENT, atSchool.plusSeconds(60), out, absent, null),
                op(Kind.FOUND_RECORDED, atSchool.plusSeconds(120), out, printed, null),
                op(Kind.CARD_SPOILED, atSchool.plusSeconds(180), out, null, "KTP-0001"),
                op(Kind.CARD_PRINTED, atSchool.plusSeconds(240), out, printed, "KTP-0002")));
        clock.advance(Duration.ofHours(5));
        Instant arrival = clock.instant();

        CheckIn first = checkIn(out, bundle);

        assertThat(first.applied()).isEqualTo(5);
        assertThat(first.cardDifference()).as("1 used + 1 spoiled + 1 brought back = 3 out").isZero();
        assertThat(first.cardsKey()).isEqualTo("schoolvisit.checkin.cards-balanced");
        assertThat(first.handover()).as("step 8 for the card printed at the school: its record, to be signed")
                .startsWith("BAST/");
        assertThat(jdbc.queryForObject("SELECT h.number FROM schoolvisit_handover h JOIN schoolvisit_student s ON "
                + "s.handover_id = h.id WHERE s.id = ?", String.class, printed)).isEqualTo(first.handover());
        assertThat(state(out, recorded)).isEqualTo(StudentState.WAITING);
        assertThat(state(out, absent)).isEqualTo(StudentState.ON_ROSTER);
        assertThat(state(out, printed)).isEqualTo(StudentState.PRINTED);
        assertThat(registry.findByNik(Nik.of(nik(recorded))).orElseThrow().enrolmentStatus())
                .isEqualTo(EnrolmentStatus.SENT_FOR_ENROLMENT);
        assertThat(registry.cardHistory(Nik.of(nik(printed)))).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT cards_printed FROM schoolvisit_visit WHERE id = ?", Integer.class,
                out.visitId())).isOne();
        // The step clock keeps the outpost's time; the audit keeps both, the arrival as its own time.
        assertThat(jdbc.queryForObject("""
                SELECT started_at FROM sla_step WHERE case_id = ? AND step = 'D6_RECORDING'""", Instant.class,
                "D-S" + recorded)).isEqualTo(atSchool);
        assertThat(jdbc.queryForObject("""
                SELECT detail FROM audit_entry WHERE action = 'schoolvisit.outpost.recorded'
                AND subject_type = 'SchoolStudent' AND subject_id = ?""",
                String.class, String.valueOf(recorded))).contains("at outpost=" + atSchool, "arrived=" + arrival);
        assertThat(jdbc.queryForObject("SELECT state FROM schoolvisit_checkout WHERE id = ?", String.class,
                out.sent().checkoutId())).isEqualTo("BACK");

        CheckIn again = checkIn(out, bundle);

        assertThat(again.applied()).isZero();
        assertThat(again.alreadyApplied()).isEqualTo(5);
        assertThat(again.handover()).as("the same record named again, none made twice").isEqualTo(first.handover());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM schoolvisit_handover h JOIN schoolvisit_student s ON "
                + "s.school_id = h.school_id WHERE s.id = ?", Integer.class, printed)).isOne();
        assertThat(again.cardsSpoiled()).isOne();
        assertThat(registry.cardHistory(Nik.of(nik(printed)))).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT cards_printed FROM schoolvisit_visit WHERE id = ?", Integer.class,
                out.visitId())).isOne();
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM audit_entry WHERE action LIKE 'schoolvisit.outpost.%'
                AND subject_type = 'SchoolStudent' AND subject_id IN (?, ?, ?)""",
                Integer.class, String.valueOf(recorded), String.valueOf(absent), String.valueOf(printed)))
                .isEqualTo(4);
        // Back at the Dinas: the visit's work goes on there.
        assertThat(SignedInAs.call(users, out.officer(), () -> field.begin(out.visitId(), absent)).student()
                .fieldStep()).isEqualTo(FieldStep.STATUS);

        // The visit closes: of its 3 cards 1 was printed, 1 spoiled at the outpost; the spoiled one comes back with
        // the unused one and goes out of the stock again as spoiled, so the stock has only the usable card back.
        assertThat(SignedInAs.call(users, out.officer(), () -> visitDesk.close(out.visitId())).cardsLeft()).isOne();
        assertThat(jdbc.queryForList("SELECT CONCAT(kind, ' ', quantity) FROM blanko_movement WHERE reference = ? "
                + "ORDER BY id", String.class, "D-V" + out.visitId()))
                .containsExactly("TO_FIELD -3", "FROM_FIELD 2", "SPOILED -1");
    }

    @Test
    void half_a_bundle_applied_before_a_crash_then_the_whole_bundle_changes_each_student_once() {
        Out out = checkedOut(0);
        Instant atSchool = clock.instant().plus(Duration.ofMinutes(10));
        List<Operation> recordings = new ArrayList<>();
        for (int i = 0; i < out.recordable().size(); i++) {
            recordings.add(op(Kind.RECORDED, atSchool.plusSeconds(60L * i), out, out.recordable().get(i), null));
        }
        OutpostBundle whole = new OutpostBundle(out.sent().checkoutId(), 0, recordings);
        clock.advance(Duration.ofHours(3));
        // The Dinas took the first operations, each committed, and stopped before the rest.
        SignedInAs.run(users, out.officer(), () -> {
            operations.apply(out.sent().checkoutId(), recordings.get(0));
            operations.apply(out.sent().checkoutId(), recordings.get(1));
        });

        CheckIn resent = checkIn(out, whole);

        assertThat(resent.alreadyApplied()).isEqualTo(2);
        assertThat(resent.applied()).isEqualTo(recordings.size() - 2);
        for (long student : out.recordable()) {
            assertThat(state(out, student)).isEqualTo(StudentState.WAITING);
            assertThat(jdbc.queryForObject("""
                    SELECT COUNT(*) FROM audit_entry WHERE action = 'schoolvisit.outpost.recorded'
                    AND subject_type = 'SchoolStudent' AND subject_id = ?""",
                    Integer.class, String.valueOf(student))).as("recorded once").isOne();
            assertThat(jdbc.queryForObject("""
                    SELECT COUNT(*) FROM sla_step WHERE case_id = ? AND step = 'D6_RECORDING'""", Integer.class,
                    "D-S" + student)).isOne();
            assertThat(registry.findByNik(Nik.of(nik(student))).orElseThrow().enrolmentStatus())
                    .isEqualTo(EnrolmentStatus.SENT_FOR_ENROLMENT);
        }
    }

    @Test
    void a_student_recorded_at_the_dinas_meanwhile_goes_to_the_reconciliation_list_with_both_versions() {
        Out out = checkedOut(0);
        long elsewhere = out.recordable().getFirst();
        long here = out.recordable().get(1);
        String desk = account(Role.RECORDING_OPERATOR);
        SignedInAs.run(users, desk, () -> registry.changeEnrolmentStatus(Nik.of(nik(elsewhere)),
                EnrolmentStatus.BIOMETRICS_CAPTURED, "SOP C at the Dinas desk"));
        Instant atSchool = clock.instant().plus(Duration.ofMinutes(20));
        OutpostBundle bundle = new OutpostBundle(out.sent().checkoutId(), 0, List.of(
                op(Kind.RECORDED, atSchool, out, elsewhere, null),
                op(Kind.RECORDED, atSchool.plusSeconds(90), out, here, null)));
        clock.advance(Duration.ofHours(1)); // the bundle arrives after its operations

        CheckIn checkIn = checkIn(out, bundle);

        assertThat(checkIn.applied()).isOne();
        assertThat(checkIn.toReconcile()).isOne();
        assertThat(state(out, elsewhere)).as("not overwritten").isEqualTo(StudentState.ON_ROSTER);
        assertThat(registry.findByNik(Nik.of(nik(elsewhere))).orElseThrow().enrolmentStatus())
                .isEqualTo(EnrolmentStatus.BIOMETRICS_CAPTURED);
        assertThat(state(out, here)).isEqualTo(StudentState.WAITING);
        var listed = jdbc.queryForList("""
                SELECT student_id, outpost_version, dinas_version FROM schoolvisit_reconciliation
                WHERE checkout_id = ?""", out.sent().checkoutId());
        assertThat(listed).hasSize(1);
        assertThat(((Number) listed.getFirst().get("student_id")).longValue()).isEqualTo(elsewhere);
        assertThat((String) listed.getFirst().get("outpost_version")).contains("RECORDED", out.officer());
        assertThat((String) listed.getFirst().get("dinas_version")).contains("enrolment=BIOMETRICS_CAPTURED");
        assertThat(checkIn(out, bundle).toReconcile()).as("listed once").isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM schoolvisit_reconciliation WHERE checkout_id = ?",
                Integer.class, out.sent().checkoutId())).isOne();
    }

    @Test
    void a_correction_made_at_the_outpost_corrects_the_register_on_arrival_once_and_the_recording_follows_it() {
        Out out = checkedOut(0);
        long student = out.recordable().getFirst();
        String before = registry.findByNik(Nik.of(nik(student))).orElseThrow().fullName();
        Instant atSchool = clock.instant().plus(Duration.ofMinutes(15));
        OutpostBundle.Correction certificate = new OutpostBundle.Correction("Siti Nur'aini | Akta", " ", null, null,
                null, "", "Akta 3201-LT-12052008-0042: nama berbeda");
        OutpostBundle bundle = new OutpostBundle(out.sent().checkoutId(), 0, List.of(
                corrected(atSchool, out, student, certificate),
                op(Kind.RECORDED, atSchool.plusSeconds(600), out, student, null)));
        clock.advance(Duration.ofHours(2));

        CheckIn first = checkIn(out, bundle);

        assertThat(first.applied()).isEqualTo(2);
        assertThat(first.toReconcile()).isZero();
        assertThat(registry.findByNik(Nik.of(nik(student))).orElseThrow().fullName()).isNotEqualTo(before)
                .isEqualTo("Siti Nur'aini | Akta");
        assertThat(jdbc.queryForObject("SELECT full_name FROM schoolvisit_student WHERE id = ?", String.class,
                student)).isEqualTo("Siti Nur'aini | Akta");
        assertThat(state(out, student)).isEqualTo(StudentState.WAITING);
        assertThat(registry.findByNik(Nik.of(nik(student))).orElseThrow().enrolmentStatus())
                .isEqualTo(EnrolmentStatus.SENT_FOR_ENROLMENT);
        assertThat(jdbc.queryForObject("""
                SELECT started_at FROM sla_step WHERE case_id = ? AND step = 'D5_SIAK_UPDATE'""", Instant.class,
                "D-S" + student)).as("the step clock keeps the outpost's time").isEqualTo(atSchool);
        assertThat(jdbc.queryForObject("""
                SELECT detail FROM audit_entry WHERE action = 'population.resident.corrected'
                AND detail LIKE ?""", String.class, "%Laptop tim " + out.visitId() + "%"))
                .contains("Akta 3201-LT-12052008-0042: nama berbeda");

        CheckIn again = checkIn(out, bundle);

        assertThat(again.alreadyApplied()).isEqualTo(2);
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM audit_entry WHERE action = 'population.resident.corrected'
                AND detail LIKE ?""", Integer.class, "%Laptop tim " + out.visitId() + "%")).as("corrected once")
                .isOne();
    }

    @Test
    void a_student_corrected_at_the_school_and_not_recorded_there_is_recorded_at_a_dinas_desk_after_the_check_in() {
        Out out = checkedOut(0);
        long student = out.recordable().getFirst();
        OutpostBundle bundle = new OutpostBundle(out.sent().checkoutId(), 0, List.of(corrected(
                clock.instant().plusSeconds(60), out, student, new OutpostBundle.Correction("Nama Sesuai Akta", null,
                        null, null, null, null, "Akta 0101: nama berbeda"))));
        clock.advance(Duration.ofHours(1));
        checkIn(out, bundle);

        FieldStudent recorded = SignedInAs.call(users, out.officer(), () -> field.recorded(out.visitId(), student));

        assertThat(recorded.student().state()).as("step 6, begun at the correction, ends at the desk")
                .isEqualTo(StudentState.WAITING);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sla_step WHERE case_id = ? AND step = 'D6_RECORDING' "
                + "AND ended_at IS NOT NULL", Integer.class, "D-S" + student)).isOne();
    }

    @Test
    void a_correction_the_register_overtook_goes_to_the_reconciliation_list_with_what_the_certificate_says() {
        Out out = checkedOut(0);
        long student = out.recordable().getFirst();
        SignedInAs.run(users, account(Role.RECORDING_OPERATOR), () -> registry.changeEnrolmentStatus(
                Nik.of(nik(student)), EnrolmentStatus.BIOMETRICS_CAPTURED, "SOP C at the Dinas desk"));
        String before = registry.findByNik(Nik.of(nik(student))).orElseThrow().fullName();
        OutpostBundle.Correction certificate = new OutpostBundle.Correction("Nama Sesuai Akta", null, null, null,
                null, null, "Akta 0099: nama berbeda");
        OutpostBundle bundle = new OutpostBundle(out.sent().checkoutId(), 0, List.of(
                corrected(clock.instant().plusSeconds(60), out, student, certificate)));
        clock.advance(Duration.ofMinutes(30));

        assertThat(checkIn(out, bundle).toReconcile()).isOne();

        assertThat(registry.findByNik(Nik.of(nik(student))).orElseThrow().fullName()).as("not overwritten")
                .isEqualTo(before);
        var listed = jdbc.queryForMap("SELECT outpost_version, correction FROM schoolvisit_reconciliation "
                + "WHERE checkout_id = ?", out.sent().checkoutId());
        assertThat((String) listed.get("outpost_version")).contains("CORRECTED", "name=Nama Sesuai Akta",
                "note=Akta 0099: nama berbeda");
        assertThat(OutpostBundle.Correction.parse((String) listed.get("correction"))).as("kept whole, to apply")
                .isEqualTo(certificate);
    }

    @Test
    void a_correction_without_a_note_or_altered_on_the_way_refuses_the_whole_bundle() {
        Out out = checkedOut(0);
        long student = out.recordable().getFirst();
        long absent = out.recordable().get(1);
        Instant at = clock.instant().plusSeconds(60);
        OutpostBundle noNote = new OutpostBundle(out.sent().checkoutId(), 0, List.of(
                op(Kind.ABSENT, at, out, absent, null),
                corrected(at, out, student, new OutpostBundle.Correction("Nama Lain", null, null, null, null, null,
                        " "))));
        OutpostBundle nothingStated = new OutpostBundle(out.sent().checkoutId(), 0, List.of(
                corrected(at, out, student, new OutpostBundle.Correction(" ", null, null, null, null, null, "Akta"))));
        clock.advance(Duration.ofMinutes(5));

        assertThatThrownBy(() -> checkIn(out, noNote)).hasMessageContaining("schoolvisit.error.correction-note");
        assertThatThrownBy(() -> checkIn(out, nothingStated)).hasMessageContaining("schoolvisit.error.correction-none");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM schoolvisit_outpost_operation WHERE checkout_id = ?",
                Integer.class, out.sent().checkoutId())).as("nothing of either applied").isZero();

        // The correction is signed with the rest: another name on the way refuses the bundle.
        OutpostBundle signed = new OutpostBundle(out.sent().checkoutId(), 0, List.of(corrected(at, out, student,
                new OutpostBundle.Correction("Nama Akta", null, null, null, null, null, "Akta 1"))));
        Operation sent = signed.operations().getFirst();
        OutpostBundle altered = new OutpostBundle(out.sent().checkoutId(), 0, List.of(new Operation(sent.id(),
                sent.kind(), sent.happenedAt(), sent.staff(), sent.studentId(), null,
                new OutpostBundle.Correction("Nama Lain", null, null, null, null, null, "Akta 1"))));
        assertThatThrownBy(() -> SignedInAs.call(users, out.officer(), () -> outposts.checkIn(altered,
                Outposts.sign(signed, out.sent().secret()))))
                .hasMessageContaining("schoolvisit.error.bundle-signature");
        assertThat(OutpostBundle.Correction.parse(sent.correction().canonical())).isEqualTo(sent.correction());
    }

    @Test
    void a_bundle_with_a_wrong_signature_is_refused_and_nothing_of_it_applied() {
        Out out = checkedOut(0);
        long student = out.recordable().getFirst();
        OutpostBundle bundle = new OutpostBundle(out.sent().checkoutId(), 0, List.of(
                op(Kind.RECORDED, clock.instant(), out, student, null)));
        String signature = Outposts.sign(bundle, out.sent().secret());
        OutpostBundle altered = new OutpostBundle(out.sent().checkoutId(), 0, List.of(
                op(Kind.RECORDED, clock.instant(), out, out.recordable().get(1), null)));
        String otherSecret = "00".repeat(32);

        for (Runnable forged : List.<Runnable>of(
                () -> outposts.checkIn(altered, signature),
                () -> outposts.checkIn(bundle, Outposts.sign(bundle, otherSecret)),
                () -> outposts.checkIn(bundle, "not a signature"))) {
            assertThatThrownBy(() -> SignedInAs.run(users, out.officer(), forged))
                    .isInstanceOf(RuleViolation.class).hasMessageContaining("schoolvisit.error.bundle-signature");
        }

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM schoolvisit_outpost_operation WHERE checkout_id = ?",
                Integer.class, out.sent().checkoutId())).isZero();
        assertThat(state(out, student)).isEqualTo(StudentState.ON_ROSTER);
        assertThat(jdbc.queryForObject("SELECT state FROM schoolvisit_checkout WHERE id = ?", String.class,
                out.sent().checkoutId())).isEqualTo("OUT");
    }

    @Test
    void blank_cards_that_do_not_balance_are_said_with_the_difference() {
        Out out = checkedOut(4);
        long printed = out.printReady().getFirst();
        Instant atSchool = clock.instant().plus(Duration.ofMinutes(5));
        OutpostBundle bundle = new OutpostBundle(out.sent().checkoutId(), 1, List.of(
                op(Kind.FOUND_RECORDED, atSchool, out, printed, null),
                op(Kind.CARD_PRINTED, atSchool.plusSeconds(60), out, printed, "KTP-0100"),
                op(Kind.CARD_SPOILED, atSchool.plusSeconds(120), out, null, "KTP-0101")));

        CheckIn checkIn = checkIn(out, bundle);

        assertThat(checkIn.cardsOut()).isEqualTo(4);
        assertThat(checkIn.cardsUsed()).isOne();
        assertThat(checkIn.cardsSpoiled()).isOne();
        assertThat(checkIn.cardDifference()).as("one card not accounted for").isOne();
        assertThat(checkIn.cardsKey()).isEqualTo("schoolvisit.checkin.cards-differ");
        assertThat(checkIn.cardsArgs()).containsExactly(4, 1, 1, 1, 1);
        assertThat(jdbc.queryForObject("""
                SELECT detail FROM audit_entry WHERE action = 'schoolvisit.visit.checked-in'
                AND subject_type = 'SchoolVisit' AND subject_id = ?""",
                String.class, String.valueOf(out.visitId()))).contains("difference=1");
    }

    /** A visit of its own, set out with the cards and checked out to an outpost; the clock on its day. */
    private record Out(String planner, String officer, long visitId, OutpostPackage sent, List<Long> students,
                       List<Long> recordable, List<Long> printReady) {
    }

    @Test
    void of_two_checkouts_of_one_visit_at_once_the_second_waits_for_the_first_and_is_refused() throws Exception {
        Out first = checkedOut(0, false);
        CountDownLatch checkedOut = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Future<OutpostPackage> one = two.submit(() -> SignedInAs.call(users, first.officer(), () ->
                    transactions.execute(status -> {
                        OutpostPackage sent = outposts.checkOut(first.visitId(), "Laptop A", OutpostScenes.laptop());
                        checkedOut.countDown();
                        awaitLatch(commit); // the first checkout not yet committed
                        return sent;
                    })));
            awaitLatch(checkedOut);
            Future<OutpostPackage> other = two.submit(() -> SignedInAs.call(users, first.officer(),
                    () -> outposts.checkOut(first.visitId(), "Laptop B", OutpostScenes.laptop())));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject("""
                    SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID <> CONNECTION_ID()
                    AND LOWER(INFO) LIKE '%from schoolvisit_visit%for update%'""", Integer.class) > 0);
            commit.countDown();

            assertThat(one.get(30, TimeUnit.SECONDS).outpost()).isEqualTo("Laptop A");
            assertThatThrownBy(() -> other.get(30, TimeUnit.SECONDS)).cause().isInstanceOf(RuleViolation.class)
                    .hasMessageContaining("schoolvisit.error.visit-out");
        } finally {
            commit.countDown();
            two.shutdownNow();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM schoolvisit_checkout WHERE visit_id = ?",
                Integer.class, first.visitId())).isEqualTo(1);
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Out checkedOut(int cards) {
        return checkedOut(cards, true);
    }

    /** A visit set out and made ready, then checked out unless {@code checkOut} is false (its package then null). */
    private Out checkedOut(int cards, boolean checkOut) {
        String plannerName = account(Role.PLANNER);
        String officer = account(Role.FIELD_OFFICER);
        LocalDate day = LocalDate.now(OFFICE).plusDays(30 + Math.floorMod(System.nanoTime(), 200));
        List<String[]> notRecorded = SchoolVisitTestSupport.residents(jdbc, day.minusYears(17).plusDays(1),
                day.minusYears(16), "NOT_RECORDED", 3);
        List<String[]> printReady = SchoolVisitTestSupport.residents(jdbc, day.minusYears(18),
                day.minusYears(17).minusDays(1), "PRINT_READY", 1);
        List<String[]> all = new ArrayList<>(notRecorded);
        all.addAll(printReady);
        var arranged = SchoolVisitTestSupport.visit(schools, rosterImport, planner, users, plannerName, officer, day,
                all, jdbc);
        long visitId = arranged.visit().id();
        clock.setInstant(day.atTime(7, 0).atZone(OFFICE).toInstant());
        if (cards > 0) {
            SignedInAs.run(users, plannerName, () -> blanko.receive(POINT, cards, "Kiriman uji pos lapangan"));
        }
        SignedInAs.run(users, officer, () -> {
            visitDesk.setOut(visitId, cards);
            visitDesk.ready(visitId);
        });
        clock.advance(Duration.ofMinutes(45));
        if (!checkOut) {
            return new Out(plannerName, officer, visitId, null, List.of(), List.of(), List.of());
        }
        OutpostPackage sent = SignedInAs.call(users, officer, () -> outposts.checkOut(visitId,
                "Laptop tim " + visitId, OutpostScenes.laptop()));
        List<Long> recordable = idsOf(sent, notRecorded);
        List<Long> ready = idsOf(sent, printReady);
        List<Long> students = new ArrayList<>(recordable);
        students.addAll(ready);
        return new Out(plannerName, officer, visitId, sent, students, recordable, ready);
    }

    @Test
    void the_outposts_log_joins_the_dinass_once_and_a_gap_in_it_is_logged_for_the_auditor() {
        Out out = checkedOut(0);
        Instant at = clock.instant().plusSeconds(60);
        long absent = out.students().getFirst();
        String visit = "SchoolVisit:" + out.visitId();
        // Entries 41 and 42, then 44: 43 was removed on the laptop; and its log lacks the take.
        OutpostBundle bundle = new OutpostBundle(out.sent().checkoutId(), 0,
                List.of(op(Kind.ABSENT, at, out, absent, null)), List.of(
                new OutpostJournal.Entry(41, at, out.officer(), "staff.sign-in", null, "SUCCESS", null),
                new OutpostJournal.Entry(42, at, out.officer(), "outpost.operation.recorded", visit, "SUCCESS",
                        "kind=ABSENT | a bar, and a\nline break"),
                new OutpostJournal.Entry(44, at, out.officer(), "outpost.vault.unlock-refused", null, "REFUSED",
                        "username=" + out.officer())));
        clock.advance(Duration.ofMinutes(5));

        CheckIn first = checkIn(out, bundle);
        assertThat(first.journalEntries()).isEqualTo(3);
        String checkout = String.valueOf(out.sent().checkoutId());
        assertThat(jdbc.queryForList("SELECT CONCAT(outcome, ' ', detail) FROM audit_entry WHERE action = "
                + "'schoolvisit.outpost.journal' AND subject_id = ? ORDER BY seq", String.class, checkout))
                .satisfiesExactly(
                        entry -> assertThat(entry).startsWith("SUCCESS").contains("seq=41")
                                .contains("action=staff.sign-in"),
                        entry -> assertThat(entry).contains("seq=42").contains("subject=" + visit),
                        entry -> assertThat(entry).startsWith("REFUSED").contains("seq=44"));
        assertThat(jdbc.queryForObject("SELECT detail FROM audit_entry WHERE action = "
                + "'schoolvisit.outpost.journal-gap' AND subject_id = ?", String.class, checkout))
                .contains("the take of " + visit).contains("43-43");

        CheckIn again = checkIn(out, bundle);
        assertThat(again.journalEntries()).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = "
                + "'schoolvisit.outpost.journal' AND subject_id = ?", Integer.class, checkout)).as("once").isEqualTo(3);

        // The journal is signed: an entry changed on the way refuses the whole bundle.
        OutpostBundle altered = new OutpostBundle(bundle.checkoutId(), 0, bundle.operations(), List.of(
                new OutpostJournal.Entry(41, at, out.officer(), "staff.sign-in", null, "SUCCESS", "x")));
        assertThatThrownBy(() -> SignedInAs.call(users, out.officer(), () -> outposts.checkIn(altered,
                Outposts.sign(bundle, out.sent().secret())))).hasMessageContaining("schoolvisit.error.bundle-signature");
    }

    @Test
    void the_outposts_log_joins_with_its_hashes_and_a_broken_link_its_own_finding_or_a_cut_is_logged() {
        Out out = checkedOut(0);
        Instant at = clock.instant().plusSeconds(60);
        String visit = "SchoolVisit:" + out.visitId();
        String a = "a".repeat(64);
        String b = "b".repeat(64);
        String c = "c".repeat(64);
        // 12 follows 11 but names another hash before it; the outpost's own check found 12 broken; 2 more entries
        // stayed on the laptop past the journal's limit.
        OutpostBundle bundle = new OutpostBundle(out.sent().checkoutId(), 0,
                List.of(op(Kind.ABSENT, at, out, out.students().getFirst(), null)), List.of(
                new OutpostJournal.Entry(10, at, out.officer(), "outpost.visit.taken", visit, "SUCCESS", null,
                        "0".repeat(64), a),
                new OutpostJournal.Entry(11, at, out.officer(), "outpost.operation.recorded", visit, "SUCCESS",
                        null, a, b),
                new OutpostJournal.Entry(12, at, out.officer(), "outpost.operation.recorded", visit, "SUCCESS",
                        null, "f".repeat(64), c)), 12L, 2);
        clock.advance(Duration.ofMinutes(5));

        checkIn(out, bundle);

        String checkout = String.valueOf(out.sent().checkoutId());
        assertThat(jdbc.queryForList("SELECT detail FROM audit_entry WHERE action = 'schoolvisit.outpost.journal' "
                + "AND subject_id = ? ORDER BY seq", String.class, checkout))
                .satisfiesExactly(entry -> assertThat(entry).contains("seq=10", "hash=" + a),
                        entry -> assertThat(entry).contains("seq=11", "hash=" + b),
                        entry -> assertThat(entry).contains("seq=12", "hash=" + c));
        assertThat(jdbc.queryForObject("SELECT CONCAT(outcome, ' ', detail) FROM audit_entry WHERE action = "
                + "'schoolvisit.outpost.journal-broken' AND subject_id = ?", String.class, checkout))
                .startsWith("FAILURE").contains("the outpost's own check: broken at 12")
                .contains("not linked to the entry before: [12]");
        assertThat(jdbc.queryForObject("SELECT detail FROM audit_entry WHERE action = "
                + "'schoolvisit.outpost.journal-gap' AND subject_id = ?", String.class, checkout))
                .contains("2 after 12, left on the laptop");
        // The links and the findings are signed with the rest: a finding dropped on the way refuses the bundle.
        OutpostBundle quieter = new OutpostBundle(bundle.checkoutId(), 0, bundle.operations(), bundle.journal());
        assertThatThrownBy(() -> SignedInAs.call(users, out.officer(), () -> outposts.checkIn(quieter,
                Outposts.sign(bundle, out.sent().secret()))))
                .hasMessageContaining("schoolvisit.error.bundle-signature");
    }

    private static List<Long> idsOf(OutpostPackage sent, List<String[]> residents) {
        return residents.stream().map(resident -> sent.roster().stream()
                .filter(packed -> packed.nik().equals(resident[0])).findFirst().orElseThrow().studentId()).toList();
    }

    private static Operation op(Kind kind, Instant at, Out out, Long studentId, String serial) {
        return new Operation(UUID.randomUUID(), kind, at, out.officer(), studentId, serial);
    }

    private static Operation corrected(Instant at, Out out, long studentId, OutpostBundle.Correction correction) {
        return new Operation(UUID.randomUUID(), Kind.CORRECTED, at, out.officer(), studentId, null, correction);
    }

    private CheckIn checkIn(Out out, OutpostBundle bundle) {
        return SignedInAs.call(users, out.officer(), () -> outposts.checkIn(bundle,
                Outposts.sign(bundle, out.sent().secret())));
    }

    private StudentState state(Out out, long studentId) {
        return StudentState.valueOf(jdbc.queryForObject("SELECT state FROM schoolvisit_student WHERE id = ?",
                String.class, studentId));
    }

    private String nik(long studentId) {
        return jdbc.queryForObject("SELECT nik FROM schoolvisit_student WHERE id = ?", String.class, studentId);
    }

    private String account(Role role) {
        return staffAccounts.create(Set.of(role), PASSWORD);
    }
}
