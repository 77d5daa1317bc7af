package id.dukcapil.portal.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.notification.Channel;
import id.dukcapil.portal.notification.TestSmsc;
import id.dukcapil.portal.SignedInAs;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.staff.StaffAccounts;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * SOP C's turn notice (issue 38, item 2): a resident who gave an e-mail address at the registration desk is told
 * once, in their language, when three numbers are ahead of theirs; one who is already that near is told at once.
 */
@PortalTest
class TurnNoticeTests {

    private static final ZoneId OFFICE = ZoneId.of("Asia/Jakarta");

    @Autowired RegistrationDesk registration;
    @Autowired RecordingDesk recording;
    @Autowired StaffAccounts staffAccounts;
    @Autowired UserDetailsService users;
    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;

    private final TestSmsc smsc = new TestSmsc();

    @AfterEach
    void real_time_again() {
        clock.reset();
    }

    @Test
    void a_resident_who_asked_is_told_once_when_three_numbers_are_ahead_and_one_already_near_at_once() {
        LocalDate day = LocalDate.now(OFFICE).plusDays(529);
        clock.setInstant(day.atTime(8, 0).atZone(OFFICE).toInstant());
        String registrar = staffAccounts.create(Set.of(Role.REGISTRATION_OPERATOR), "Sandi-Kuat-2026");
        String recorder = staffAccounts.create(Set.of(Role.RECORDING_OPERATOR), "Sandi-Kuat-2026");
        List<Visit> queued = new ArrayList<>();
        for (String nik : RecordingTestSupport.residentsToRecord(jdbc, day, 7)) {
            clock.advance(Duration.ofMinutes(1));
            queued.add(SignedInAs.call(users, registrar, () -> RecordingTestSupport.queued(registration, nik)));
        }
        Visit sixth = queued.get(5);
        String address = "giliran-" + UUID.randomUUID() + "@example.test";

        assertThatThrownBy(() -> SignedInAs.call(users, registrar,
                () -> registration.askTurnNotice(sixth.id(), "bukan alamat", Locale.of("id"))))
                .isInstanceOfSatisfying(RuleViolation.class,
                        refused -> assertThat(refused.messageKeys()).containsExactly("shared.email.invalid"));
        SignedInAs.call(users, registrar, () -> registration.askTurnNotice(sixth.id(), " " + address + " ",
                Locale.of("id")));
        assertThat(notices(address)).as("five ahead: not yet").isEmpty();

        call(recorder);
        assertThat(notices(address)).as("four ahead: not yet").isEmpty();
        call(recorder);
        assertThat(notices(address)).as("three ahead: told").hasSize(1);
        Map<String, Object> notice = notices(address).getFirst();
        assertThat(notice.get("subject")).isEqualTo("Giliran Anda segera tiba: nomor antrean " + sixth.ticket());
        assertThat((String) notice.get("body")).contains("tinggal 3 nomor lagi");
        assertThat(notice.get("kind")).isEqualTo("TURN");
        assertThat(jdbc.queryForObject("SELECT turn_address FROM recording_visit WHERE id = ?", String.class,
                sixth.id())).as("the address goes once the notice is queued").isNull();

        assertThatThrownBy(() -> SignedInAs.call(users, registrar, () -> registration.askTurnNotice(sixth.id(),
                "lain-" + address, Locale.of("id")))).as("told already: no second address")
                .isInstanceOf(RuleViolation.class);

        call(recorder);
        call(recorder);
        assertThat(notices(address)).as("told once").hasSize(1);

        // The seventh resident asks when two numbers are ahead (the fifth and sixth): told at once, in English.
        Visit seventh = queued.get(6);
        String english = "turn-" + UUID.randomUUID() + "@example.test";
        SignedInAs.call(users, registrar, () -> registration.askTurnNotice(seventh.id(), english, Locale.ENGLISH));
        assertThat(notices(english)).singleElement().satisfies(told -> {
            assertThat(told.get("subject")).isEqualTo("Your turn is near: queue number " + seventh.ticket());
            assertThat((String) told.get("body")).contains("numbers still ahead of yours: 2");
        });
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = 'recording.turn-notice.sent' "
                + "AND subject_id IN (?, ?)", Integer.class, String.valueOf(sixth.id()), String.valueOf(seventh.id())))
                .isEqualTo(2);
    }

    @Test
    void a_resident_who_gave_a_phone_for_sms_is_told_by_sms_and_never_by_e_mail() {
        LocalDate day = LocalDate.now(OFFICE).plusDays(541);
        clock.setInstant(day.atTime(8, 0).atZone(OFFICE).toInstant());
        String registrar = staffAccounts.create(Set.of(Role.REGISTRATION_OPERATOR), "Sandi-Kuat-2026");
        String recorder = staffAccounts.create(Set.of(Role.RECORDING_OPERATOR), "Sandi-Kuat-2026");
        List<Visit> queued = new ArrayList<>();
        for (String nik : RecordingTestSupport.residentsToRecord(jdbc, day, 5)) {
            clock.advance(Duration.ofMinutes(1));
            queued.add(SignedInAs.call(users, registrar, () -> RecordingTestSupport.queued(registration, nik)));
        }
        Visit fifth = queued.get(4);
        String phone = "+62859" + java.util.concurrent.ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);

        assertThatThrownBy(() -> SignedInAs.call(users, registrar,
                () -> registration.askTurnNotice(fifth.id(), Channel.SMS, "12345", Locale.of("id"))))
                .isInstanceOfSatisfying(RuleViolation.class,
                        refused -> assertThat(refused.messageKeys()).containsExactly("shared.phone.invalid"));
        SignedInAs.call(users, registrar, () -> registration.askTurnNotice(fifth.id(), Channel.SMS,
                "0" + phone.substring(3), Locale.ENGLISH));
        assertThat(notices(phone)).as("four ahead: not yet").isEmpty();

        call(recorder);
        assertThat(notices(phone)).as("three ahead: told").singleElement()
                .satisfies(notice -> assertThat(notice.get("kind")).isEqualTo("TURN"));
        Map<String, Object> row = jdbc.queryForMap("SELECT channel, fallbacks, phone FROM notification_message "
                + "WHERE template_key = 'recording-turn' AND recipient = ?", phone);
        assertThat(row).containsEntry("channel", "SMS").containsEntry("phone", phone);
        assertThat(row.get("fallbacks")).as("no e-mail to fall back on").isNull();
        await().atMost(Duration.ofSeconds(30)).until(() -> !smsc.receivedFor(phone.substring(1)).isEmpty());
        assertThat(smsc.receivedFor(phone.substring(1)).getFirst().text())
                .isEqualTo("Disdukcapil: queue number " + fifth.ticket() + " at " + pointName(fifth)
                        + ", 3 numbers left before yours. Please come back to the KTP-el recording waiting room.");
        assertThat(jdbc.queryForObject("SELECT turn_address FROM recording_visit WHERE id = ?", String.class,
                fifth.id())).as("the phone goes once the notice is queued").isNull();
    }

    private String pointName(Visit visit) {
        return jdbc.queryForObject("SELECT name FROM staff_service_point WHERE code = ?", String.class,
                visit.servicePoint());
    }

    private void call(String recorder) {
        clock.advance(Duration.ofMinutes(5));
        SignedInAs.call(users, recorder, () -> recording.callNext("Meja 1").orElseThrow());
    }

    private List<Map<String, Object>> notices(String address) {
        return jdbc.queryForList("SELECT subject, body, kind FROM notification_message "
                + "WHERE template_key = 'recording-turn' AND recipient = ?", address);
    }
}
