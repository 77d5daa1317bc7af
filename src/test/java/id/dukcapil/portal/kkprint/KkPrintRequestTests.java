package id.dukcapil.portal.kkprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.staff.StaffAccounts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The request's life against the real database: intake refusals, races between officers, the PIN at the kiosk. */
@PortalTest
class KkPrintRequestTests {

    @Autowired KkPrintTestSupport kk;
    @Autowired KkPrintIntake intake;
    @Autowired OperatorInbox operatorInbox;
    @Autowired VerifierInbox verifierInbox;
    @Autowired KkDelivery delivery;
    @Autowired KioskReleases kiosk;
    @Autowired StaffAccounts staff;
    @Autowired id.dukcapil.portal.signing.SigningQueue signingQueue;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;

    @AfterEach
    void real_time_again() {
        clock.reset();
    }

    @Test
    void a_second_request_for_a_card_with_an_open_one_is_refused() {
        Map<String, Object> head = kk.freshHead();
        IntakeForm form = new IntakeForm((String) head.get("nik"), (String) head.get("kk_number"), "LOST", "", null);
        kk.as(new id.dukcapil.portal.kkprint.api.ApiClientAuthentication(kk.gateway()), () -> intake.submit(form, KkPrintTestSupport.CLIENT));

        assertThatThrownBy(() -> kk.as(new id.dukcapil.portal.kkprint.api.ApiClientAuthentication(kk.gateway()),
                () -> intake.submit(form, KkPrintTestSupport.CLIENT)))
                .isInstanceOfSatisfying(KkPrintRefusal.class,
                        refusal -> assertThat(refusal.code()).isEqualTo(KkPrintRefusal.Code.OPEN_REQUEST_EXISTS));
    }

    @Test
    void a_returned_request_closes_and_the_citizen_may_submit_a_corrected_one() {
        String tracking = kk.submitted();
        long id = kk.idOf(tracking);
        String kkNumber = jdbc.queryForObject("SELECT kk_number FROM kkprint_request WHERE id = ?", String.class, id);
        String nik = jdbc.queryForObject("SELECT requester_nik FROM kkprint_request WHERE id = ?", String.class, id);
        kk.asStaff("operator", () -> {
            operatorInbox.claim(id);
            operatorInbox.returnToCitizen(id, "Lampirkan akta kelahiran.");
            return null;
        });

        assertThat(kk.stateOf(tracking)).isEqualTo(RequestState.RETURNED_TO_CITIZEN);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification_message WHERE template_key = 'kkprint-returned' "
                + "AND body LIKE ? AND body LIKE ?", Integer.class, "%" + tracking + "%", "%Lampirkan akta kelahiran.%"))
                .isEqualTo(1);
        SubmittedRequest again = kk.as(new id.dukcapil.portal.kkprint.api.ApiClientAuthentication(kk.gateway()),
                () -> intake.submit(new IntakeForm(nik, kkNumber, "BIRTH", "Dengan akta", null), KkPrintTestSupport.CLIENT));
        assertThat(again.status()).isEqualTo(RequestState.SUBMITTED);
        CitizenStatus status = kk.as(new id.dukcapil.portal.kkprint.api.ApiClientAuthentication(kk.gateway()),
                () -> intake.status(tracking));
        assertThat(status.history()).extracting(CitizenStatus.Event::status)
                .containsExactly(RequestState.SUBMITTED, RequestState.IN_CHECK, RequestState.RETURNED_TO_CITIZEN);
        assertThat(status.history().getLast().reason()).isEqualTo("Lampirkan akta kelahiran.");
    }

    @Test
    void two_operators_claiming_at_the_same_moment_one_gets_it_the_other_hears_who_has_it() throws Exception {
        String tracking = kk.submitted();
        long id = kk.idOf(tracking);
        String first = staff.create(Set.of(Role.OPERATOR), "Rahasia#2026x");
        String second = staff.create(Set.of(Role.OPERATOR), "Rahasia#2026x");

        List<Object> outcomes = race(
                () -> kk.asStaff(first, () -> { operatorInbox.claim(id); return (Object) "claimed"; }),
                () -> kk.asStaff(second, () -> { operatorInbox.claim(id); return (Object) "claimed"; }));

        assertThat(outcomes).filteredOn("claimed"::equals).hasSize(1);
        RuleViolation refused = (RuleViolation) outcomes.stream().filter(RuleViolation.class::isInstance).findFirst()
                .orElseThrow();
        assertThat(refused.messageKeys()).containsExactly("kkprint.claim.taken");
        assertThat(refused.args()[0].toString()).startsWith("Petugas Uji");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM kkprint_history WHERE request_id = ? AND to_state = 'IN_CHECK'",
                Integer.class, id)).isEqualTo(1);
    }

    @Test
    void two_verifiers_verifying_at_once_make_one_state_change_not_two() throws Exception {
        String tracking = kk.forwarded();
        long id = kk.idOf(tracking);
        String first = staff.create(Set.of(Role.VERIFIER), "Rahasia#2026x");
        String second = staff.create(Set.of(Role.VERIFIER), "Rahasia#2026x");

        List<Object> outcomes = race(
                () -> kk.asStaff(first, () -> { verifierInbox.verify(id); return (Object) "verified"; }),
                () -> kk.asStaff(second, () -> { verifierInbox.verify(id); return (Object) "verified"; }));

        assertThat(outcomes).filteredOn("verified"::equals).hasSize(1);
        assertThat(outcomes).filteredOn(RuleViolation.class::isInstance).hasSize(1);
        assertThat(kk.stateOf(tracking)).isEqualTo(RequestState.VERIFIED);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM kkprint_history WHERE request_id = ? AND to_state = 'VERIFIED'",
                Integer.class, id)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sla_step WHERE case_id = ? AND step = 'B8_SIGNATURE'",
                Integer.class, tracking)).isEqualTo(1);
        assertThat(kk.signingDocuments(tracking)).hasSize(1);
    }

    @Test
    void a_verifier_releases_a_claim_an_operator_left_behind() {
        String tracking = kk.submitted();
        long id = kk.idOf(tracking);
        kk.asStaff("operator", () -> { operatorInbox.claim(id); return null; });
        String other = staff.create(Set.of(Role.OPERATOR), "Rahasia#2026x");

        assertThatThrownBy(() -> kk.asStaff(other, () -> { operatorInbox.release(id); return null; }))
                .isInstanceOfSatisfying(RuleViolation.class,
                        refused -> assertThat(refused.messageKeys()).containsExactly("kkprint.release.not-holder"));
        kk.asStaff("verifikator", () -> { operatorInbox.release(id); return null; });

        assertThat(kk.stateOf(tracking)).isEqualTo(RequestState.SUBMITTED);
        kk.asStaff(other, () -> { operatorInbox.claim(id); return null; });
        assertThat(jdbc.queryForObject("SELECT holder FROM kkprint_request WHERE id = ?", String.class, id)).isEqualTo(other);
    }

    @Test
    void a_card_the_kepala_dinas_sends_back_returns_to_the_verifier_with_the_reason() {
        String tracking = kk.forwarded();
        long id = kk.idOf(tracking);
        kk.asStaff("verifikator", () -> { verifierInbox.verify(id); return null; });
        long document = kk.signingDocuments(tracking).getFirst();

        kk.asStaff("kadis", () -> { signingQueue.returnToVerifier(document, "Alamat belum diperbarui."); return null; });

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> kk.stateOf(tracking) == RequestState.FORWARDED);
        assertThat(jdbc.queryForObject("SELECT reason FROM kkprint_history WHERE request_id = ? ORDER BY id DESC LIMIT 1",
                String.class, id)).isEqualTo("Alamat belum diperbarui.");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sla_step WHERE case_id = ? AND step = 'B7_VERIFICATION' "
                + "AND ended_at IS NULL", Integer.class, tracking)).isEqualTo(1);
    }

    @Test
    void the_pin_works_once_and_a_reprint_needs_a_new_pin() {
        String tracking = kk.delivered();
        String[] pinAndReference = kk.pinAndReference(tracking);

        KioskReleases.ReleasedDocument document = kk.asKiosk(() -> kiosk.release(kk.kiosk(), pinAndReference[1],
                pinAndReference[0]));
        assertThat(new String(document.pdf(), 0, 5)).isEqualTo("%PDF-");
        assertThat(kk.stateOf(tracking)).isEqualTo(RequestState.PRINTED);
        clock.advance(KioskReleases.REPEAT_WINDOW);
        assertRefused(() -> kiosk.release(kk.kiosk(), pinAndReference[1], pinAndReference[0]),
                KkPrintRefusal.Code.ALREADY_RELEASED);

        kk.asStaff("operator", () -> { delivery.resend(kk.idOf(tracking)); return null; });
        String[] reprint = kk.pinAndReference(tracking);
        assertThat(reprint[0] + reprint[1]).isNotEqualTo(pinAndReference[0] + pinAndReference[1]);
        assertThat(kk.asKiosk(() -> kiosk.release(kk.kiosk(), reprint[1], reprint[0])).pdf()).isNotEmpty();
    }

    @Test
    void a_kiosk_whose_answer_was_lost_fetches_the_same_card_again_within_minutes_and_no_other_kiosk_can() {
        String tracking = kk.delivered();
        String[] pinAndReference = kk.pinAndReference(tracking);
        byte[] first = kk.asKiosk(() -> kiosk.release(kk.kiosk(), pinAndReference[1], pinAndReference[0])).pdf();

        clock.advance(KioskReleases.REPEAT_WINDOW.minusSeconds(30));
        assertThat(kk.asKiosk(() -> kiosk.release(kk.kiosk(), pinAndReference[1], pinAndReference[0])).pdf())
                .isEqualTo(first);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = 'kkprint.release.repeated' "
                + "AND subject_id = ?", Integer.class, tracking)).isEqualTo(1);

        ApiClient another = new ApiClient(kk.kiosk().id() + 1_000_000, ApiClient.Kind.KIOSK, "ADM lain", null,
                "adm_xxxx", kk.kiosk().createdAt(), "admin", null);
        assertRefused(() -> kiosk.release(another, pinAndReference[1], pinAndReference[0]),
                KkPrintRefusal.Code.ALREADY_RELEASED);
        String wrong = pinAndReference[0].equals("000000") ? "111111" : "000000";
        assertRefused(() -> kiosk.release(kk.kiosk(), pinAndReference[1], wrong), KkPrintRefusal.Code.ALREADY_RELEASED);
        assertThat(kk.stateOf(tracking)).isEqualTo(RequestState.PRINTED);
    }

    @Test
    void a_malformed_pin_is_refused_without_using_up_a_try() {
        String tracking = kk.delivered();
        String[] pinAndReference = kk.pinAndReference(tracking);

        for (String malformed : new String[] {"", "abcdef", "12345", "1234567", " 12345", "١٢٣٤٥٦"}) {
            for (int i = 0; i < KioskReleases.MAX_WRONG_PINS; i++) {
                assertRefused(() -> kiosk.release(kk.kiosk(), pinAndReference[1], malformed),
                        KkPrintRefusal.Code.MALFORMED_PIN);
            }
        }
        assertRefused(() -> kiosk.release(kk.kiosk(), pinAndReference[1], null), KkPrintRefusal.Code.MALFORMED_PIN);
        assertThat(jdbc.queryForObject("SELECT failed_attempts FROM kkprint_release WHERE request_id = ? "
                + "ORDER BY id DESC LIMIT 1", Integer.class, kk.idOf(tracking))).isZero();
        assertThat(kk.asKiosk(() -> kiosk.release(kk.kiosk(), pinAndReference[1], pinAndReference[0])).pdf()).isNotEmpty();
    }

    @Test
    void five_wrong_pins_lock_the_release_even_for_the_right_pin() {
        String tracking = kk.delivered();
        String[] pinAndReference = kk.pinAndReference(tracking);
        String wrong = pinAndReference[0].equals("000000") ? "111111" : "000000";

        for (int attempt = 1; attempt < KioskReleases.MAX_WRONG_PINS; attempt++) {
            assertRefused(() -> kiosk.release(kk.kiosk(), pinAndReference[1], wrong), KkPrintRefusal.Code.WRONG_PIN);
        }
        assertRefused(() -> kiosk.release(kk.kiosk(), pinAndReference[1], wrong), KkPrintRefusal.Code.RELEASE_LOCKED);
        assertRefused(() -> kiosk.release(kk.kiosk(), pinAndReference[1], pinAndReference[0]),
                KkPrintRefusal.Code.RELEASE_LOCKED);
        assertThat(kk.stateOf(tracking)).isEqualTo(RequestState.DELIVERED);
    }

    @Test
    void an_expired_release_is_refused_and_the_request_expires() {
        String tracking = kk.delivered();
        String[] pinAndReference = kk.pinAndReference(tracking);

        clock.advance(Duration.ofDays(30).plusMinutes(1));
        assertRefused(() -> kiosk.release(kk.kiosk(), pinAndReference[1], pinAndReference[0]), KkPrintRefusal.Code.EXPIRED);
        delivery.expireDue(1000);
        assertThat(kk.stateOf(tracking)).isEqualTo(RequestState.EXPIRED);
    }

    @Test
    void a_revoked_release_is_refused() {
        String tracking = kk.delivered();
        String[] pinAndReference = kk.pinAndReference(tracking);

        kk.asStaff("operator", () -> { delivery.revoke(kk.idOf(tracking), "Diterbitkan karena kekeliruan data."); return null; });

        assertRefused(() -> kiosk.release(kk.kiosk(), pinAndReference[1], pinAndReference[0]), KkPrintRefusal.Code.REVOKED);
        assertThat(kk.stateOf(tracking)).isEqualTo(RequestState.REVOKED);
    }

    private void assertRefused(Supplier<?> release, KkPrintRefusal.Code code) {
        assertThatThrownBy(() -> kk.asKiosk(release))
                .isInstanceOfSatisfying(KkPrintRefusal.class, refusal -> assertThat(refusal.code()).isEqualTo(code));
    }

    /** Runs both at the same moment on two threads; each outcome is the result or the exception. */
    @SafeVarargs
    private static List<Object> race(Supplier<Object>... actions) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(actions.length);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (Supplier<Object> action : actions) {
                futures.add(threads.submit(() -> {
                    start.await();
                    try {
                        return action.get();
                    } catch (RuntimeException e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            List<Object> outcomes = Collections.synchronizedList(new ArrayList<>());
            for (Future<Object> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } finally {
            threads.shutdown();
        }
    }
}
