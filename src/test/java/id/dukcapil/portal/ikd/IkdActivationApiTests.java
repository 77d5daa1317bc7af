package id.dukcapil.portal.ikd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.SignedInAs;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.shared.MaskedName;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.staff.StaffAccounts;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * SOP E through the gateway API, as the IKD app drives it, with the demo gateway key and the officer's desk beside
 * it: registration, a failed face check and a retry, the officer's QR code, the scan, the PIN read from the e-mail,
 * the activation, the archive; then every refusal with its code; and the proof of the person (issue 41): the KK
 * number with the NIK, one answer for no such NIK and a wrong KK, no name before proof, guesses throttled.
 */
@PortalTest
class IkdActivationApiTests {

    private static final String POINT = "MPP-SOREANG";

    @LocalServerPort int port;
    @Autowired IkdDesk desk;
    @Autowired UserDetailsService users;
    @Autowired StaffAccounts staffAccounts;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;
    IkdApp app;

    @BeforeEach
    void the_app() {
        app = new IkdApp(port, jdbc);
    }

    @AfterEach
    void real_time_again() {
        clock.reset();
    }

    @Test
    void a_citizen_activates_the_digital_id_from_registration_to_the_officers_archive() throws Exception {
        String nik = app.residentWithPrintedCard();
        HttpResponse<String> registered = app.post("", app.registration(nik, "warga.ikd@contoh.id", "081234567890",
                POINT));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String code = app.codeOf(registered);
        assertThat(app.field(registered, "maskedNik")).doesNotContain(nik);

        assertThat(app.state(app.post("/" + code + "/face-check", "{\"passed\":false,\"score\":0.41}"))).isEqualTo("FACE_FAILED");
        assertThat(app.state(app.post("/" + code + "/face-check", "{\"passed\":true,\"score\":0.93}"))).isEqualTo("FACE_PASSED");
        assertThat(SignedInAs.call(users, "ikd", desk::waiting)).extracting(Registration::code).contains(code);

        IkdDesk.ActivationQr qr = SignedInAs.call(users, "ikd", () -> desk.showQr(code));
        assertThat(app.state(app.scan(code, qr.content()))).isEqualTo("PIN_SENT");
        app.assertProblem(app.scan(code, qr.content()), 403, "QR_INVALID");

        String pin = app.pinFromTheEmail(code);
        app.assertProblem(app.post("/" + code + "/activate", "{\"pin\":\"12ab\"}"), 422, "MALFORMED_PIN");
        String wrong = pin.equals("000000") ? "111111" : "000000";
        app.assertProblem(app.activate(code, wrong), 403, "WRONG_PIN");
        assertThat(app.state(app.activate(code, pin))).isEqualTo("ACTIVATED");

        SignedInAs.run(users, "ikd", () -> desk.archive(code, EnumSet.allOf(ArchiveItem.class)));
        assertThat(jdbc.queryForList("SELECT step FROM sla_step WHERE case_id = ? AND ended_at IS NOT NULL ORDER BY id",
                String.class, code)).containsExactly("E3_SELFIE", "E4_SCAN_ACTIVATION_QR", "E5_PIN_EMAIL_ACTIVATE",
                "E6_ARCHIVE_AND_REPORT");
        assertThat(jdbc.queryForList("SELECT action FROM audit_entry WHERE subject_id = ? ORDER BY seq", String.class, code))
                .containsExactly("ikd.registered", "ikd.face-checked", "ikd.face-checked", "ikd.qr-shown",
                        "ikd.qr-scanned", "ikd.pin-wrong", "ikd.activated", "ikd.archived");
        assertThat(jdbc.queryForObject("SELECT body FROM notification_message WHERE reference = ?", String.class, code))
                .as("the PIN is never kept readable").doesNotContain(pin);
        app.assertProblem(app.post("", app.registration(nik, "warga.ikd@contoh.id", "081234567890", POINT)),
                409, "ALREADY_ACTIVATED");
    }

    @Test
    void every_refusal_of_a_registration_has_its_code() throws Exception {
        String nik = app.residentWithPrintedCard();
        String kk = app.kkOf(nik);
        app.assertProblem(app.post("", IkdApp.registration("1234", kk, "a@contoh.id", "081234567890", POINT)), 422,
                "INVALID_NIK");
        app.assertProblem(app.post("", IkdApp.registration(nik, "1234", "a@contoh.id", "081234567890", POINT)), 422,
                "INVALID_KK_NUMBER");
        app.assertProblem(app.post("", app.registration(nik, "a@@contoh.id", "081234567890", POINT)), 422, "INVALID_EMAIL");
        app.assertProblem(app.post("", app.registration(nik, "a@contoh.id", "12345", POINT)), 422, "INVALID_PHONE");
        app.assertProblem(app.post("", app.registration(nik, "a@contoh.id", "081234567890", "NOWHERE")), 404,
                "UNKNOWN_SERVICE_POINT");
        app.assertProblem(app.post("", app.registration(app.residentWithoutCard(), "a@contoh.id", "081234567890", POINT)),
                409, "NO_PRINTED_CARD");
        assertThat(app.post("", app.registration(nik, "a@contoh.id", "081234567890", POINT)).statusCode()).isEqualTo(201);
        app.assertProblem(app.post("", app.registration(nik, "a@contoh.id", "081234567890", POINT)), 409,
                "REGISTRATION_OPEN");
        app.assertProblem(app.get("/IKDNOSUCHONE"), 404, "REGISTRATION_NOT_FOUND");
    }

    @Test
    void no_such_nik_and_a_nik_the_kk_does_not_list_get_one_and_the_same_problem_and_nothing_is_kept() throws Exception {
        String address = strangersAddress();
        String nik = app.residentWithPrintedCard();
        String otherFamilysKk = jdbc.queryForObject("SELECT kk_number FROM population_family WHERE kk_number <> ? "
                + "ORDER BY id LIMIT 1", String.class, app.kkOf(nik));
        long registrations = count("ikd_registration");

        HttpResponse<String> wrongKk = app.postFrom(address, "", IkdApp.registration(nik, otherFamilysKk,
                "penebak@contoh.id", "081234567890", POINT));
        HttpResponse<String> noSuchNik = app.postFrom(address, "", IkdApp.registration(nikNobodyHas(nik),
                otherFamilysKk, "penebak@contoh.id", "081234567890", POINT));

        app.assertProblem(wrongKk, 422, "PERSON_NOT_CONFIRMED");
        assertThat(noSuchNik.statusCode()).isEqualTo(wrongKk.statusCode());
        assertThat(noSuchNik.body()).as("not a byte tells the two apart").isEqualTo(wrongKk.body());
        assertThat(wrongKk.body()).doesNotContain(fullNameOf(nik), nik.substring(6, 12));
        assertThat(count("ikd_registration")).isEqualTo(registrations);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification_message WHERE recipient = 'penebak@contoh.id'",
                Integer.class)).isZero();
    }

    @Test
    void a_stranger_with_the_wrong_kk_neither_holds_the_nik_for_its_owner_nor_has_its_pin_sent_anywhere() throws Exception {
        String nik = app.residentWithPrintedCard();
        String wrongKk = jdbc.queryForObject("SELECT kk_number FROM population_family WHERE kk_number <> ? "
                + "ORDER BY id DESC LIMIT 1", String.class, app.kkOf(nik));
        app.assertProblem(app.postFrom(strangersAddress(), "", IkdApp.registration(nik, wrongKk, "penyerobot@contoh.id",
                "081200000000", POINT)), 422, "PERSON_NOT_CONFIRMED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ikd_registration WHERE nik = ?", Integer.class, nik))
                .as("nothing holds the NIK").isZero();

        HttpResponse<String> owner = app.postFrom(strangersAddress(), "", app.registration(nik, "pemilik@contoh.id",
                "081234567890", POINT));
        assertThat(owner.statusCode()).as(owner.body()).isEqualTo(201);
        String code = app.codeOf(owner);
        app.post("/" + code + "/face-check", "{\"passed\":true,\"score\":0.93}");
        IkdDesk.ActivationQr qr = SignedInAs.call(users, "ikd", () -> desk.showQr(code));
        assertThat(app.state(app.scan(code, qr.content()))).isEqualTo("PIN_SENT");
        assertThat(jdbc.queryForList("SELECT recipient FROM notification_message WHERE template_key = 'ikd-pin' "
                + "AND reference = ?", String.class, code)).containsExactly("pemilik@contoh.id");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification_message WHERE recipient = 'penyerobot@contoh.id'",
                Integer.class)).isZero();
    }

    @Test
    void the_app_is_answered_a_masked_name_never_the_whole_name() throws Exception {
        String nik = app.residentWithPrintedCard();
        String fullName = fullNameOf(nik);
        HttpResponse<String> registered = app.post("", app.registration(nik, "a@contoh.id", "081234567890", POINT));
        assertThat(registered.statusCode()).isEqualTo(201);
        HttpResponse<String> status = app.get("/" + app.codeOf(registered));
        for (HttpResponse<String> answer : List.of(registered, status)) {
            assertThat(app.field(answer, "maskedName")).isEqualTo(MaskedName.of(fullName)).isNotEqualTo(fullName);
            assertThat(answer.body()).doesNotContain(fullName, "fullName");
        }
    }

    @Test
    void guesses_from_one_address_stop_after_ten_even_the_right_one_while_other_addresses_go_on() throws Exception {
        String guesser = strangersAddress();
        String nik = app.residentWithPrintedCard();
        List<String> wrongKks = jdbc.queryForList("SELECT kk_number FROM population_family WHERE kk_number <> ? "
                + "ORDER BY id LIMIT ?", String.class, app.kkOf(nik), Activations.UNPROVEN_PER_CLIENT.events());
        for (String wrongKk : wrongKks) {
            app.assertProblem(app.postFrom(guesser, "", IkdApp.registration(nik, wrongKk, "a@contoh.id", "081234567890",
                    POINT)), 422, "PERSON_NOT_CONFIRMED");
        }
        app.assertProblem(app.postFrom(guesser, "", app.registration(nik, "a@contoh.id", "081234567890", POINT)), 429,
                "REGISTRATION_THROTTLED");
        assertThat(app.postFrom(strangersAddress(), "", app.registration(nik, "a@contoh.id", "081234567890", POINT))
                .statusCode()).as("the owner, from their own phone").isEqualTo(201);
    }

    /** A fresh address of the documentation range for each caller: a test's guesses count for it alone. */
    private static String strangersAddress() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        return "198.51." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    /** A well-formed NIK of the same region and birth date that the register does not have. */
    private String nikNobodyHas(String like) {
        for (int serial = 9999; serial > 0; serial--) {
            String nik = like.substring(0, 12) + "%04d".formatted(serial);
            if (jdbc.queryForObject("SELECT COUNT(*) FROM population_resident WHERE nik = ?", Integer.class, nik) == 0) {
                return nik;
            }
        }
        throw new IllegalStateException("every serial taken");
    }

    private String fullNameOf(String nik) {
        return jdbc.queryForObject("SELECT full_name FROM population_resident WHERE nik = ?", String.class, nik);
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    @Test
    void three_failed_face_checks_leave_it_to_the_officer_who_may_refer_the_citizen() throws Exception {
        String code = app.registered(POINT);
        for (int i = 0; i < Activations.MAX_FACE_ATTEMPTS; i++) {
            app.post("/" + code + "/face-check", "{\"passed\":false,\"score\":0.2}");
        }
        app.assertProblem(app.post("/" + code + "/face-check", "{\"passed\":true,\"score\":0.9}"), 409, "FACE_CHECK_EXHAUSTED");
        SignedInAs.run(users, "ikd", () -> desk.refer(code));
        assertThat(app.state(app.get("/" + code))).isEqualTo("REFERRED");
    }

    @Test
    void a_pass_with_a_score_below_the_minimum_is_refused_and_uses_no_try() throws Exception {
        String code = app.registered(POINT);
        app.assertProblem(app.post("/" + code + "/face-check", "{\"passed\":true,\"score\":0}"), 422,
                "FACE_SCORE_CONTRADICTS_PASS");
        app.assertProblem(app.post("/" + code + "/face-check", "{\"passed\":true,\"score\":0.74}"), 422,
                "FACE_SCORE_CONTRADICTS_PASS");
        assertThat(app.state(app.get("/" + code))).isEqualTo("REGISTERED");
        assertThat(jdbc.queryForObject("SELECT face_attempts FROM ikd_registration WHERE code = ?", Integer.class, code))
                .isZero();
        assertThat(app.state(app.post("/" + code + "/face-check", "{\"passed\":true,\"score\":0.75}")))
                .isEqualTo("FACE_PASSED");
    }

    @Test
    void after_the_face_checks_ran_out_the_officer_may_ask_the_citizen_to_try_again_another_time() throws Exception {
        String nik = app.residentWithPrintedCard();
        String body = app.registration(nik, "a@contoh.id", "081234567890", POINT);
        String code = app.codeOf(app.post("", body));
        for (int i = 0; i < Activations.MAX_FACE_ATTEMPTS; i++) {
            app.post("/" + code + "/face-check", "{\"passed\":false,\"score\":0.2}");
        }
        assertThat(app.state(app.get("/" + code))).isEqualTo("NEEDS_OFFICER");
        SignedInAs.run(users, "ikd", () -> desk.retryLater(code));
        assertThat(app.state(app.get("/" + code))).isEqualTo("RETRY_LATER");
        assertThat(app.post("", body).statusCode()).as("the NIK may register again").isEqualTo(201);
        assertThat(jdbc.queryForList("SELECT reason FROM ikd_failure WHERE registration_code = ? ORDER BY id",
                String.class, code)).containsExactly("FACE_FAILED", "FACE_FAILED", "FACE_FAILED", "RETRY_LATER");
    }

    @Test
    void a_pin_that_expired_unused_is_replaced_through_a_new_qr_code_and_the_old_pin_no_longer_works() throws Exception {
        String code = app.facePassed(POINT);
        IkdDesk.ActivationQr qr = SignedInAs.call(users, "ikd", () -> desk.showQr(code));
        app.scan(code, qr.content());
        String old = app.pinFromTheEmail(code);
        assertThatThrownBy(() -> SignedInAs.call(users, "ikd", () -> desk.showQr(code)))
                .as("no new QR code while the PIN is still valid").isInstanceOf(IkdRefusal.class);
        clock.setInstant(java.time.Instant.now().plus(Activations.PIN_VALIDITY).plusSeconds(1));
        app.assertProblem(app.activate(code, old), 410, "PIN_EXPIRED");

        IkdDesk.ActivationQr again = SignedInAs.call(users, "ikd", () -> desk.showQr(code));
        assertThat(app.state(app.scan(code, again.content()))).isEqualTo("PIN_SENT");
        String fresh = awaitAnotherPin(code);
        if (!fresh.equals(old)) { // equal by a one-in-a-million chance
            app.assertProblem(app.activate(code, old), 403, "WRONG_PIN");
        }
        assertThat(app.state(app.activate(code, fresh))).isEqualTo("ACTIVATED");
        assertThatThrownBy(() -> SignedInAs.run(users, "ikd",
                () -> desk.archive(code, EnumSet.of(ArchiveItem.IDENTITY_MATCHES_CARD))))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("ikd.archive.incomplete");
        SignedInAs.run(users, "ikd", () -> desk.archive(code, EnumSet.allOf(ArchiveItem.class)));
        assertThat(jdbc.queryForObject("SELECT archive_checklist FROM ikd_registration WHERE code = ?", String.class,
                code)).isEqualTo("IDENTITY_MATCHES_CARD,ACTIVE_ON_PHONE,CITIZEN_BRIEFED,ENTERED_IN_REGISTER");
    }

    private String awaitAnotherPin(String code) throws InterruptedException {
        long waitUntil = System.nanoTime() + 10_000_000_000L;
        while (jdbc.queryForObject("SELECT COUNT(*) FROM notification_message WHERE reference = ? AND template_key = 'ikd-pin'",
                Integer.class, code) < 2 && System.nanoTime() < waitUntil) {
            Thread.sleep(20);
        }
        return app.pinFromTheEmail(code); // the newest PIN e-mail
    }

    @Test
    void a_registration_left_unfinished_yesterday_expires_and_no_longer_holds_the_nik_or_the_desk() throws Exception {
        String nik = app.residentWithPrintedCard();
        String body = app.registration(nik, "a@contoh.id", "081234567890", POINT);
        clock.setInstant(java.time.Instant.now().minus(java.time.Duration.ofDays(1)));
        String yesterday = app.codeOf(app.post("", body));
        clock.reset();
        assertThat(SignedInAs.call(users, "ikd", desk::waiting)).extracting(Registration::code)
                .as("yesterday's unfinished registration is not on today's desk").doesNotContain(yesterday);

        String today = app.codeOf(app.post("", body));
        assertThat(today).isNotEqualTo(yesterday);
        assertThat(app.state(app.get("/" + yesterday))).isEqualTo("EXPIRED");
        assertThat(jdbc.queryForList("SELECT reason FROM ikd_failure WHERE registration_code = ?", String.class,
                yesterday)).containsExactly("NOT_FINISHED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sla_step WHERE case_id = ? AND ended_at IS NULL",
                Integer.class, yesterday)).as("its open step ended").isZero();
    }

    @Test
    void a_qr_code_expires_after_three_minutes_and_the_screen_shows_a_new_one() throws Exception {
        String code = app.facePassed(POINT);
        IkdDesk.ActivationQr old = SignedInAs.call(users, "ikd", () -> desk.showQr(code));
        clock.setInstant(old.expiresAt().plusSeconds(1));
        app.assertProblem(app.scan(code, old.content()), 410, "QR_EXPIRED");
        IkdDesk.ActivationQr fresh = SignedInAs.call(users, "ikd", () -> desk.showQr(code));
        app.assertProblem(app.scan(code, old.content()), 403, "QR_INVALID");
        assertThat(app.state(app.scan(code, fresh.content()))).isEqualTo("PIN_SENT");
    }

    @Test
    void five_wrong_pins_lock_the_activation_even_against_the_right_pin() throws Exception {
        PinSent sent = pinSent();
        for (int i = 1; i < Activations.MAX_WRONG_PINS; i++) {
            app.assertProblem(app.activate(sent.code(), sent.wrong()), 403, "WRONG_PIN");
        }
        app.assertProblem(app.activate(sent.code(), sent.wrong()), 423, "PIN_LOCKED");
        app.assertProblem(app.activate(sent.code(), sent.pin()), 423, "PIN_LOCKED");
        assertThat(jdbc.queryForObject("SELECT pin_hash FROM ikd_registration WHERE code = ?", String.class, sent.code()))
                .as("kept only as a keyed hash (decision 086)").startsWith("{hmac-sha256}").doesNotContain(sent.pin());
    }

    @Test
    void sixty_wrong_pins_sent_at_once_get_four_wrong_pin_answers_and_then_only_the_lock() throws Exception {
        PinSent sent = pinSent();

        java.util.Map<String, Long> answers = all_at_once(60, () -> app.activate(sent.code(), sent.wrong()));

        assertThat(answers).as("guesses answered as guesses: five allowed, the fifth locks")
                .containsEntry("WRONG_PIN", (long) Activations.MAX_WRONG_PINS - 1)
                .containsEntry("PIN_LOCKED", 60L - (Activations.MAX_WRONG_PINS - 1));
        assertThat(jdbc.queryForObject("SELECT pin_failures FROM ikd_registration WHERE code = ?", Integer.class, sent.code()))
                .isEqualTo(Activations.MAX_WRONG_PINS);
        app.assertProblem(app.activate(sent.code(), sent.pin()), 423, "PIN_LOCKED");
    }

    @Test
    void twelve_failed_face_checks_at_once_count_three_and_leave_it_to_the_officer() throws Exception {
        String code = app.registered(POINT);

        java.util.Map<String, Long> answers = all_at_once(12,
                () -> app.post("/" + code + "/face-check", "{\"passed\":false,\"score\":0.2}"));

        assertThat(answers).containsEntry("FACE_FAILED", (long) Activations.MAX_FACE_ATTEMPTS - 1)
                .containsEntry("NEEDS_OFFICER", 1L)
                .containsEntry("FACE_CHECK_EXHAUSTED", 12L - Activations.MAX_FACE_ATTEMPTS);
        assertThat(jdbc.queryForObject("SELECT face_attempts FROM ikd_registration WHERE code = ?", Integer.class, code))
                .isEqualTo(Activations.MAX_FACE_ATTEMPTS);
    }

    /** The same call from that many threads released together; each answer's state or problem code, counted. */
    private java.util.Map<String, Long> all_at_once(int calls,
                                                     java.util.concurrent.Callable<HttpResponse<String>> call)
            throws Exception {
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        try (var threads = java.util.concurrent.Executors.newFixedThreadPool(calls)) {
            java.util.List<java.util.concurrent.Future<String>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < calls; i++) {
                answers.add(threads.submit(() -> {
                    start.await();
                    HttpResponse<String> answer = call.call();
                    return answer.statusCode() < 300 ? app.state(answer) : app.field(answer, "code");
                }));
            }
            start.countDown();
            java.util.Map<String, Long> counted = new java.util.TreeMap<>();
            for (var answer : answers) {
                counted.merge(answer.get(2, java.util.concurrent.TimeUnit.MINUTES), 1L, Long::sum);
            }
            return counted;
        }
    }

    @Test
    void an_officer_sees_and_acts_only_on_the_registrations_of_their_own_service_point() throws Exception {
        String code = app.facePassed(POINT);
        String dinasOfficer = staffAccounts.create(Set.of(Role.IKD_OFFICER), "Sandi-Kuat-2026");
        assertThat(SignedInAs.call(users, dinasOfficer, desk::waiting)).extracting(Registration::code).doesNotContain(code);
        assertThatThrownBy(() -> SignedInAs.call(users, dinasOfficer, () -> desk.showQr(code)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("ikd.desk.other-point");
        assertThat(SignedInAs.call(users, "ikd", desk::waiting)).extracting(Registration::code).contains(code);
    }

    /** An activation whose face passed and whose QR was scanned: its PIN is in the citizen's e-mail. */
    private PinSent pinSent() throws Exception {
        String code = app.facePassed(POINT);
        IkdDesk.ActivationQr qr = SignedInAs.call(users, "ikd", () -> desk.showQr(code));
        app.scan(code, qr.content());
        String pin = app.pinFromTheEmail(code);
        return new PinSent(code, pin, pin.equals("000000") ? "111111" : "000000");
    }

    private record PinSent(String code, String pin, String wrong) {
    }
}
