package id.dukcapil.portal.outpost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.SignedInAs;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.outpost.internal.DinasClient;
import id.dukcapil.portal.outpost.internal.OutpostVault;
import id.dukcapil.portal.population.EnrolmentStatus;
import id.dukcapil.portal.population.PopulationRegistry;
import id.dukcapil.portal.schoolvisit.OutpostBundle;
import id.dukcapil.portal.schoolvisit.OutpostBundle.Kind;
import id.dukcapil.portal.schoolvisit.OutpostScenes;
import id.dukcapil.portal.schoolvisit.Outposts;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.staff.CarriedAccounts;
import id.dukcapil.portal.staff.StaffAccounts;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Issue 53's outpost node, both sides over HTTP: the tests' context is the Dinas and an outpost at once, the outpost
 * reaching the Dinas through a link the test cuts ({@link DinasLink}). The team takes its visit, works through every
 * branch of SOP D without the Dinas, and brings each step back once.
 */
@PortalTest
class OutpostNodeTests {

    private static final Locale INDONESIAN = Locale.of("id");

    @Autowired OutpostDesk desk;
    @Autowired OutpostTransfers transfers;
    @Autowired OutpostLock vaultLock;
    @Autowired OutpostVault vault;
    @Autowired DinasClient dinasClient;
    @Autowired OverdueVisits overdue;
    @Autowired CarriedAccounts carriedAccounts;
    @Autowired org.springframework.security.crypto.password.PasswordEncoder passwordEncoder;
    @Autowired OutpostScenes scenes;
    @Autowired StaffAccounts staffAccounts;
    @Autowired PopulationRegistry registry;
    @Autowired UserDetailsService users;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;
    @LocalServerPort int port;
    private DinasLink link;

    @BeforeEach
    void a_link_to_the_dinas() throws Exception {
        link = new DinasLink(port);
        // One outpost for the whole test JVM: a visit another test left out would hold it (one visit at a time).
        jdbc.update("UPDATE outpost_visit SET status = 'BACK' WHERE status <> 'BACK'");
    }

    @AfterEach
    void real_time_again() {
        link.close();
        clock.reset();
    }

    @Test
    void a_team_takes_its_visit_works_every_branch_without_the_dinas_and_brings_each_step_back_once() throws Exception {
        OutpostScenes.Scene scene = scenes.setOut(3, 2, 3);
        TakenVisit taken = as(scene, () -> {
            List<OfferedVisit> offered = transfers.offered(link.dinas(), scene.officer(),
                    OutpostScenes.PASSWORD.toCharArray(), INDONESIAN);
            assertThat(offered).extracting(OfferedVisit::id).containsExactly(scene.visitId());
            assertThat(offered.getFirst().takeable()).isTrue();
            return transfers.take(link.dinas(), scene.visitId(), scene.officer(), OutpostScenes.PASSWORD.toCharArray(),
                    INDONESIAN);
        });
        assertThat(taken.cardsOut()).isEqualTo(3);
        assertThat(taken.outpost()).isEqualTo("Laptop Uji");
        assertThat(jdbc.queryForObject("SELECT outpost_key FROM schoolvisit_checkout WHERE id = ?", String.class,
                taken.checkoutId())).as("the Dinas knows the laptop by its own key, not its name alone")
                .isEqualTo(jdbc.queryForObject("SELECT node_key FROM outpost_node", String.class));
        assertThat(jdbc.queryForObject("SELECT state FROM schoolvisit_checkout WHERE id = ?", String.class,
                taken.checkoutId())).isEqualTo("OUT");

        link.cut(); // the school has no signal from here on
        Map<Long, TakenStudent> roster = roster(scene);
        long recorded = scenes.studentId(scene.notRecorded().get(0));
        long absent = scenes.studentId(scene.notRecorded().get(1));
        long refused = scenes.studentId(scene.notRecorded().get(2));
        long printed = scenes.studentId(scene.printReady().get(0));
        long foundOnly = scenes.studentId(scene.printReady().get(1));
        assertThat(roster.get(recorded).allowed()).containsExactlyInAnyOrder(Kind.RECORDED, Kind.CORRECTED,
                Kind.ABSENT, Kind.REFUSED);
        assertThat(roster.get(printed).allowed()).containsExactlyInAnyOrder(Kind.FOUND_RECORDED, Kind.ABSENT,
                Kind.REFUSED);
        assertThat(roster.get(printed).enrolmentStatus()).isEqualTo(EnrolmentStatus.PRINT_READY);

        as(scene, () -> {
            desk.record(recorded, Kind.RECORDED, null);
            desk.record(absent, Kind.ABSENT, null);
            desk.record(refused, Kind.REFUSED, null);
            desk.record(printed, Kind.FOUND_RECORDED, null);
            assertThatThrownBy(() -> desk.record(printed, Kind.RECORDED, null)).as("recorded before: not again")
                    .isInstanceOfSatisfying(RuleViolation.class, no -> assertThat(no.messageKeys())
                            .containsExactly("outpost.error.step-not-open"));
            assertThatThrownBy(() -> desk.record(printed, Kind.CARD_PRINTED, "bad serial!"))
                    .isInstanceOf(RuleViolation.class).hasMessageContaining("outpost.error.card-serial");
            desk.record(printed, Kind.CARD_PRINTED, "KTP-2026-0001");
            desk.spoiled("KTP-2026-0002");
            return desk.record(foundOnly, Kind.FOUND_RECORDED, null);
        });
        roster = roster(scene);
        assertThat(roster.get(printed).cardSerial()).isEqualTo("KTP-2026-0001");
        assertThat(roster.get(printed).allowed()).isEmpty();
        assertThat(roster.get(foundOnly).allowed()).as("one blank card left for them")
                .containsExactly(Kind.CARD_PRINTED);
        assertThat(roster.get(absent).allowed()).as("an absent student who comes later is still recorded")
                .containsExactlyInAnyOrder(Kind.RECORDED, Kind.CORRECTED, Kind.REFUSED);
        TakenVisit held = as(scene, desk::current).orElseThrow();
        assertThat(held.waiting()).isEqualTo(7);
        assertThat(held.cardsLeft()).isOne();

        assertThatThrownBy(() -> as(scene, () -> transfers.checkIn(scene.officer(), OutpostScenes.PASSWORD.toCharArray(),
                1, INDONESIAN))).as("no signal: nothing sent, nothing lost")
                .isInstanceOfSatisfying(RuleViolation.class, no -> assertThat(no.messageKeys())
                        .containsExactly("outpost.dinas.away"));
        assertThat(as(scene, desk::current)).as("never reached: the team works on").contains(held);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM schoolvisit_outpost_operation WHERE checkout_id = ?",
                Integer.class, taken.checkoutId())).isZero();

        // Back in reach of the Dinas. (The test keeps the bundle's secret to send the same bundle again below.)
        String secret = vault.key().open(jdbc.queryForObject("SELECT secret_sealed FROM outpost_visit "
                + "WHERE checkout_id = ?", String.class, taken.checkoutId()),
                "outpost_visit.secret:" + taken.checkoutId());
        clock.advance(Duration.ofHours(3));
        link.restore();
        TakenVisit back = as(scene, () -> transfers.checkIn(scene.officer(), OutpostScenes.PASSWORD.toCharArray(), 1,
                INDONESIAN));
        assertThat(back.back()).isTrue();
        assertThat(back.answer()).contains("seimbang").contains("Berita acara serah terima BAST/");
        assertThat(as(scene, desk::current)).isEmpty();

        // The same bundle, as a lost answer would have the outpost send it again: nothing more changes.
        List<OutpostBundle.Operation> sent = jdbc.query("SELECT operation_id, kind, happened_at, staff, "
                + "student_id, card_serial FROM outpost_operation WHERE checkout_id = ? ORDER BY position",
                (row, n) -> new OutpostBundle.Operation(UUID.fromString(row.getString(1)),
                        Kind.valueOf(row.getString(2)), row.getObject(3, LocalDateTime.class).toInstant(ZoneOffset.UTC), row.getString(4),
                        (Long) row.getObject(5, Long.class), row.getString(6)), taken.checkoutId());
        OutpostBundle bundle = new OutpostBundle(taken.checkoutId(), 1, sent);
        DinasClient.CheckInAnswer repeated = dinasClient.checkIn(link.dinas(), bundle, Outposts.sign(bundle, secret),
                scene.officer(), OutpostScenes.PASSWORD.toCharArray(), INDONESIAN);
        assertThat(repeated.applied()).isZero();
        assertThat(repeated.alreadyApplied()).isEqualTo(7);
        assertThat(state(recorded)).isEqualTo("WAITING");
        assertThat(state(absent)).isEqualTo("ON_ROSTER");
        assertThat(state(refused)).isEqualTo("ON_ROSTER");
        assertThat(state(printed)).isEqualTo("PRINTED");
        assertThat(state(foundOnly)).isEqualTo("WAITING");
        assertThat(registry.cardHistory(Nik.of(scene.printReady().get(0)[0]))).hasSize(1);
        assertThat(registry.findByNik(Nik.of(scene.notRecorded().get(0)[0])).orElseThrow().enrolmentStatus())
                .isEqualTo(EnrolmentStatus.SENT_FOR_ENROLMENT);
        assertThat(jdbc.queryForObject("SELECT state FROM schoolvisit_checkout WHERE id = ?", String.class,
                taken.checkoutId())).isEqualTo("BACK");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM schoolvisit_outpost_operation WHERE checkout_id = ? "
                + "AND outcome = 'APPLIED'", Integer.class, taken.checkoutId())).isEqualTo(7);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = 'outpost.operation.recorded' "
                + "AND subject_id = ?", Integer.class, String.valueOf(scene.visitId()))).isEqualTo(7);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = 'outpost.visit.checked-in' "
                + "AND subject_id = ?", Integer.class, String.valueOf(scene.visitId()))).isOne();
        // The outpost's own log since the take joined the Dinas's, once, in its order, without a gap.
        List<String> joined = jdbc.queryForList("SELECT detail FROM audit_entry WHERE action = "
                + "'schoolvisit.outpost.journal' AND subject_id = ? ORDER BY seq", String.class,
                String.valueOf(taken.checkoutId()));
        assertThat(joined).filteredOn(detail -> detail.contains("action=outpost.operation.recorded")).hasSize(7);
        assertThat(joined).anySatisfy(detail -> assertThat(detail).contains("action=outpost.visit.taken")
                .contains("by=" + scene.officer()));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action IN "
                + "('schoolvisit.outpost.journal-gap', 'schoolvisit.outpost.journal-broken') AND subject_id = ?",
                Integer.class, String.valueOf(taken.checkoutId()))).as("checked on the laptop, linked, whole")
                .isZero();
        assertThat(joined).allSatisfy(detail -> assertThat(detail).containsPattern("hash=[0-9a-f]{64}"));
        assertThat(repeated.journalEntries()).as("joined at the first check-in only").isEqualTo(joined.size());
    }

    @Test
    void a_registry_that_differs_from_the_birth_certificate_is_corrected_here_sealed_and_in_the_register_on_check_in()
            throws Exception {
        OutpostScenes.Scene scene = scenes.setOut(2, 0, 0);
        TakenVisit taken = as(scene, () -> transfers.take(link.dinas(), scene.visitId(), scene.officer(),
                OutpostScenes.PASSWORD.toCharArray(), INDONESIAN));
        link.cut();
        String[] first = scene.notRecorded().getFirst();
        long student = scenes.studentId(first);
        assertThat(roster(scene).get(student).allowed()).contains(Kind.CORRECTED, Kind.RECORDED);
        assertThatThrownBy(() -> as(scene, () -> desk.corrected(student, new OutpostBundle.Correction(
                "Rahmawati Sesuai Akta", null, null, null, null, null, " ")))).as("no note: nothing kept")
                .hasMessageContaining("schoolvisit.error.correction-note");

        as(scene, () -> desk.corrected(student, new OutpostBundle.Correction("Rahmawati Sesuai Akta", "Kandangan",
                null, null, null, null, "Akta 6307-LT-0001: nama dan tempat lahir")));

        TakenStudent corrected = roster(scene).get(student);
        assertThat(corrected.fullName()).as("shown as the certificate says").isEqualTo("Rahmawati Sesuai Akta");
        assertThat(corrected.outcome()).isEqualTo(Kind.CORRECTED);
        assertThat(corrected.allowed()).as("step 6 next; not absent once seen").containsExactly(Kind.RECORDED);
        assertThat(jdbc.queryForObject("SELECT CONCAT(o.correction_sealed, '|', s.full_name_sealed) FROM "
                + "outpost_operation o JOIN outpost_student s ON s.checkout_id = o.checkout_id AND s.student_id = "
                + "o.student_id WHERE o.checkout_id = ? AND o.kind = 'CORRECTED'", String.class, taken.checkoutId()))
                .as("sealed at rest").doesNotContain("Rahmawati").doesNotContain("Kandangan").doesNotContain("6307");
        assertThat(registry.findByNik(Nik.of(first[0])).orElseThrow().fullName()).as("the Dinas's register waits")
                .isNotEqualTo("Rahmawati Sesuai Akta");
        as(scene, () -> desk.record(student, Kind.RECORDED, null));

        link.restore();
        clock.advance(Duration.ofHours(1));
        TakenVisit back = as(scene, () -> transfers.checkIn(scene.officer(), OutpostScenes.PASSWORD.toCharArray(), 0,
                INDONESIAN));

        assertThat(back.back()).isTrue();
        var resident = registry.findByNik(Nik.of(first[0])).orElseThrow();
        assertThat(resident.fullName()).isEqualTo("Rahmawati Sesuai Akta");
        assertThat(resident.birthPlace()).isEqualTo("Kandangan");
        assertThat(resident.enrolmentStatus()).isEqualTo(EnrolmentStatus.SENT_FOR_ENROLMENT);
        assertThat(state(student)).isEqualTo("WAITING");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM schoolvisit_outpost_operation WHERE checkout_id = ? "
                + "AND outcome = 'APPLIED'", Integer.class, taken.checkoutId())).isEqualTo(2);
    }

    @Test
    void past_its_time_out_the_outpost_takes_no_new_step_but_still_sends_what_it_holds() {
        OutpostScenes.Scene scene = scenes.setOut(1, 0, 0);
        TakenVisit taken = as(scene, () -> transfers.take(link.dinas(), scene.visitId(), scene.officer(),
                OutpostScenes.PASSWORD.toCharArray(), INDONESIAN));
        // A teammate's account carried with the visit (the tests' Dinas and outpost share one table of accounts, so
        // the scene's own are the Dinas's, never carried).
        String teammate = "pos.tim." + (System.nanoTime() % 1_000_000);
        String hash = passwordEncoder.encode("Sandi-Dinas-2026");
        as(scene, () -> carriedAccounts.adopt(List.of(new CarriedAccounts.Carried(teammate, "Petugas Tim", hash)),
                "SchoolVisit:" + scene.visitId()));
        jdbc.update("UPDATE outpost_visit SET carried_accounts = ? WHERE checkout_id = ?", teammate,
                taken.checkoutId());
        long student = scenes.studentId(scene.notRecorded().getFirst());
        as(scene, () -> desk.record(student, Kind.ABSENT, null));
        assertThat(overdue.closeOverdue()).as("within its time: nothing closed").isFalse();
        assertThatThrownBy(() -> as(scene, () -> transfers.take(link.dinas(), scene.visitId(), scene.officer(),
                OutpostScenes.PASSWORD.toCharArray(), INDONESIAN))).as("one visit at a time")
                .hasMessageContaining("outpost.error.one-out");

        clock.advance(Duration.ofHours(72).plusMinutes(1));
        overdue.closeOverdue(); // as its schedule does every minute (which may have come first)
        assertThat(overdue.closeOverdue()).as("once").isFalse();
        assertThat(jdbc.queryForObject("SELECT password_hash FROM staff_account WHERE username = ?", String.class,
                teammate)).as("past its time the laptop no longer opens to the team's Dinas passwords")
                .isNotEqualTo(hash);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = "
                + "'outpost.visit.accounts-closed' AND subject_id = ?", Integer.class,
                String.valueOf(scene.visitId()))).isOne();
        assertThatThrownBy(() -> as(scene, () -> desk.record(student, Kind.RECORDED, null)))
                .isInstanceOfSatisfying(RuleViolation.class, no -> {
                    assertThat(no.messageKeys()).containsExactly("outpost.error.past-time");
                    assertThat(no.args()).containsExactly(72L);
                });
        assertThatThrownBy(() -> as(scene, () -> transfers.checkIn(scene.officer(), "salah".toCharArray(), 0,
                INDONESIAN))).as("a wrong Dinas password: refused in the Dinas's words, nothing changes here")
                .isInstanceOfSatisfying(RuleViolation.class, no -> {
                    assertThat(no.messageKeys()).containsExactly("outpost.dinas.refused");
                    assertThat(no.args()[0].toString()).isNotBlank();
                });
        assertThat(as(scene, desk::current)).isPresent();
        TakenVisit back = as(scene, () -> transfers.checkIn(scene.officer(), OutpostScenes.PASSWORD.toCharArray(), 0,
                INDONESIAN));
        assertThat(back.back()).isTrue();
        assertThat(state(student)).isEqualTo("ON_ROSTER");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM schoolvisit_outpost_operation WHERE checkout_id = ?",
                Integer.class, back.checkoutId())).isOne();
    }

    @Test
    void the_rosters_personal_data_is_sealed_and_a_locked_laptop_opens_to_an_officers_password_only() {
        OutpostScenes.Scene scene = scenes.setOut(2, 0, 0);
        TakenVisit taken = as(scene, () -> transfers.take(link.dinas(), scene.visitId(), scene.officer(),
                OutpostScenes.PASSWORD.toCharArray(), INDONESIAN));
        String[] first = scene.notRecorded().getFirst();
        List<String> stored = jdbc.query("SELECT CONCAT_WS('|', nik_sealed, full_name_sealed, birth_date_sealed) "
                + "FROM outpost_student WHERE checkout_id = ?", (row, n) -> row.getString(1), taken.checkoutId());
        assertThat(stored).hasSize(2).allSatisfy(row -> assertThat(row).doesNotContain(first[0])
                .doesNotContain(first[1]).doesNotContain(first[2]));
        assertThat(jdbc.queryForObject("SELECT secret_sealed FROM outpost_visit WHERE checkout_id = ?",
                String.class, taken.checkoutId())).doesNotMatch("[0-9a-f]{64}");
        long student = scenes.studentId(first);

        as(scene, () -> {
            vaultLock.lock();
            return null;
        });
        assertThat(as(scene, vaultLock::locked)).isTrue();
        assertThatThrownBy(() -> as(scene, desk::roster)).hasMessageContaining("outpost.error.locked");
        assertThatThrownBy(() -> as(scene, () -> desk.record(student, Kind.ABSENT, null)))
                .hasMessageContaining("outpost.error.locked");
        assertThatThrownBy(() -> as(scene, () -> {
            vaultLock.unlock(scene.officer(), "Sandi-Salah-2026".toCharArray());
            return null;
        })).hasMessageContaining("outpost.error.unlock-refused");
        assertThatThrownBy(() -> as(scene, () -> {
            vaultLock.unlock(scene.plannerName(), OutpostScenes.PASSWORD.toCharArray());
            return null;
        })).as("no slot for this name").hasMessageContaining("outpost.error.unlock-refused");

        as(scene, () -> {
            vaultLock.unlock(scene.officer(), OutpostScenes.PASSWORD.toCharArray());
            return null;
        });
        assertThat(as(scene, desk::roster)).extracting(TakenStudent::nik).contains(first[0]);
        as(scene, () -> desk.record(student, Kind.ABSENT, null));

        // An officer of another team may not; a second officer of the team registers their password (a wrong one is
        // refused): after the next lock theirs opens it too.
        String stranger = staffAccounts.create(Set.of(Role.FIELD_OFFICER), OutpostScenes.PASSWORD);
        assertThatThrownBy(() -> SignedInAs.run(users, stranger, () -> vaultLock.addSlot(
                OutpostScenes.PASSWORD.toCharArray()))).hasMessageContaining("outpost.error.not-in-team");
        String second = scene.colleague();
        assertThatThrownBy(() -> SignedInAs.run(users, second, () -> vaultLock.addSlot(
                "Sandi-Salah-2026".toCharArray()))).hasMessageContaining("outpost.error.password-wrong");
        SignedInAs.run(users, second, () -> vaultLock.addSlot(OutpostScenes.PASSWORD.toCharArray()));
        as(scene, () -> {
            vaultLock.lock();
            return null;
        });
        SignedInAs.run(users, second, () -> vaultLock.unlock(second, OutpostScenes.PASSWORD.toCharArray()));
        assertThat(as(scene, vaultLock::locked)).isFalse();

        // Five wrong passwords for a name (a right one before started it afresh), and even the right one waits.
        as(scene, () -> {
            vaultLock.lock();
            return null;
        });
        for (int wrong = 0; wrong < 5; wrong++) {
            assertThatThrownBy(() -> SignedInAs.run(users, second, () -> vaultLock.unlock(second,
                    "Sandi-Salah-2026".toCharArray()))).hasMessageContaining("outpost.error.unlock-refused");
        }
        assertThatThrownBy(() -> SignedInAs.run(users, second, () -> vaultLock.unlock(second,
                OutpostScenes.PASSWORD.toCharArray()))).hasMessageContaining("outpost.error.unlock-throttled");

        as(scene, () -> {
            vaultLock.unlock(scene.officer(), OutpostScenes.PASSWORD.toCharArray());
            return transfers.checkIn(scene.officer(), OutpostScenes.PASSWORD.toCharArray(), 0, INDONESIAN);
        });
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outpost_student WHERE checkout_id = ?", Integer.class,
                taken.checkoutId())).as("back at the Dinas: the personal data leaves the laptop").isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outpost_key_slot", Integer.class)).isZero();
        assertThat(state(student)).isEqualTo("ON_ROSTER");
    }

    @Test
    void an_answer_lost_on_the_way_is_asked_again_and_a_bundle_sent_on_a_dropping_link_goes_once() {
        OutpostScenes.Scene scene = scenes.setOut(2, 0, 0);
        long first = scenes.studentId(scene.notRecorded().get(0));
        long second = scenes.studentId(scene.notRecorded().get(1));
        link.loseAnswers(true);
        assertThatThrownBy(() -> as(scene, () -> transfers.take(link.dinas(), scene.visitId(), scene.officer(),
                OutpostScenes.PASSWORD.toCharArray(), INDONESIAN))).hasMessageContaining("outpost.dinas.away");
        assertThat(as(scene, desk::current)).isEmpty();
        long checkoutId = jdbc.queryForObject("SELECT id FROM schoolvisit_checkout WHERE visit_id = ? "
                + "AND state = 'OUT'", Long.class, scene.visitId());

        link.loseAnswers(false);
        TakenVisit taken = as(scene, () -> transfers.take(link.dinas(), scene.visitId(), scene.officer(),
                OutpostScenes.PASSWORD.toCharArray(), INDONESIAN));
        assertThat(taken.checkoutId()).as("the same checkout, handed again").isEqualTo(checkoutId);
        as(scene, () -> desk.record(first, Kind.ABSENT, null));
        as(scene, () -> desk.record(second, Kind.REFUSED, null));

        clock.advance(Duration.ofHours(1));
        link.loseAnswers(true);
        assertThatThrownBy(() -> as(scene, () -> transfers.checkIn(scene.officer(),
                OutpostScenes.PASSWORD.toCharArray(), 0, INDONESIAN))).hasMessageContaining("outpost.dinas.unknown");
        assertThat(as(scene, desk::current)).hasValueSatisfying(visit -> assertThat(visit.sending()).isTrue());
        assertThat(jdbc.queryForObject("SELECT state FROM schoolvisit_checkout WHERE id = ?", String.class,
                checkoutId)).as("the Dinas took it; its answer was lost").isEqualTo("BACK");
        assertThatThrownBy(() -> as(scene, () -> desk.record(first, Kind.RECORDED, null)))
                .as("nothing the bundle on its way does not carry").hasMessageContaining("outpost.error.sending");
        assertThat(as(scene, desk::roster)).allSatisfy(student -> assertThat(student.allowed()).isEmpty());

        link.loseAnswers(false);
        assertThatThrownBy(() -> as(scene, () -> transfers.checkIn(scene.officer(), "Sandi-Salah-2026".toCharArray(),
                0, INDONESIAN))).as("a later try refused: the bundle that may have arrived still the one to send")
                .hasMessageContaining("outpost.dinas.refused");
        assertThat(as(scene, desk::current)).hasValueSatisfying(visit -> assertThat(visit.sending()).isTrue());
        TakenVisit back = as(scene, () -> transfers.checkIn(scene.officer(), OutpostScenes.PASSWORD.toCharArray(), 0,
                INDONESIAN));
        assertThat(back.back()).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM schoolvisit_outpost_operation WHERE checkout_id = ?",
                Integer.class, checkoutId)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = "
                + "'schoolvisit.visit.checked-out-again' AND subject_id = ?", Integer.class,
                String.valueOf(scene.visitId()))).isOne();
    }

    private Map<Long, TakenStudent> roster(OutpostScenes.Scene scene) {
        return as(scene, () -> desk.roster()).stream()
                .collect(Collectors.toMap(TakenStudent::studentId, Function.identity()));
    }

    private String state(long studentId) {
        return jdbc.queryForObject("SELECT state FROM schoolvisit_student WHERE id = ?", String.class, studentId);
    }

    private <T> T as(OutpostScenes.Scene scene, java.util.concurrent.Callable<T> work) {
        return SignedInAs.call(users, scene.officer(), work);
    }

}
