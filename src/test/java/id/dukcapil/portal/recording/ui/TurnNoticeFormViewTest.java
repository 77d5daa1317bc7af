package id.dukcapil.portal.recording.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import id.dukcapil.portal.PortalViewTest;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.notification.Channel;
import id.dukcapil.portal.recording.RecordingTestSupport;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The registration desk asks, once the number is given, whether the resident wants to be told when their turn
 * nears (issue 38, item 2; by e-mail, WhatsApp or SMS, decision 153): optional, an address or a number refused in
 * words at its field with what was typed kept, a given one confirmed, and not asked twice.
 */
@WithUserDetails("registrasi")
class TurnNoticeFormViewTest extends PortalViewTest {

    private static final ZoneId OFFICE = ZoneId.of("Asia/Jakarta");

    @Autowired JdbcTemplate jdbc;
    @Autowired TestClock clock;

    @AfterEach
    void real_time_again() {
        clock.reset();
    }

    @Test
    void the_desk_takes_a_mobile_number_for_sms_and_refuses_one_that_is_not_indonesian_keeping_what_was_typed() {
        LocalDate day = LocalDate.now(OFFICE).plusDays(547);
        clock.setInstant(day.atTime(8, 0).atZone(OFFICE).toInstant());
        String nik = RecordingTestSupport.residentsToRecord(jdbc, day, 1).getFirst();
        RegistrationDeskView view = navigate(RegistrationDeskView.class);
        queue(view, nik);
        String ticket = find(Span.class).id("recording-ticket").getText();

        @SuppressWarnings("unchecked")
        RadioButtonGroup<Channel> channel = find(RadioButtonGroup.class).id("recording-turn-channel");
        assertThat(channel.getListDataView().getItems().toList()).as("the test run configured both phone channels")
                .containsExactly(Channel.EMAIL, Channel.WHATSAPP, Channel.SMS);
        TextField email = find(TextField.class).id("recording-turn-email");
        assertThat(find(TextField.class).withId("recording-turn-phone").exists())
                .as("e-mail until another channel is chosen").isFalse();
        channel.setValue(Channel.SMS);
        TextField phone = find(TextField.class).id("recording-turn-phone");
        assertThat(email.isVisible()).isFalse();

        test(phone).setValue("+1 415 555 0100");
        test(find(Button.class).id("recording-turn-ask")).click();
        assertThat(phone.isInvalid()).as("told at the field").isTrue();
        assertThat(phone.getErrorMessage()).startsWith("Nomor HP tidak valid");
        assertThat(phone.getValue()).as("what was typed stays").isEqualTo("+1 415 555 0100");

        String digits = "859" + java.util.concurrent.ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        test(phone).setValue("0" + digits);
        test(find(Button.class).id("recording-turn-ask")).click();
        assertThat(lastNotification()).isEqualTo("Pemberitahuan giliran untuk nomor " + ticket
                + " dikirim lewat SMS saat 3 nomor lagi.");
        assertThat(phone.isReadOnly()).as("asked once, not twice").isTrue();
        assertThat(jdbc.queryForObject("SELECT channel FROM notification_message WHERE template_key = "
                + "'recording-turn' AND recipient = ?", String.class, "+62" + digits))
                .as("nobody ahead: told at once, by SMS").isEqualTo("SMS");
    }

    private void queue(RegistrationDeskView view, String nik) {
        test(view.nik).setValue(nik);
        test(find(Button.class).id("recording-find")).click();
        test(find(Button.class).id("recording-received")).click();
        view.inPerson.setValue(true);
        view.documents.setValue(Set.copyOf(view.documents.getListDataView().getItems().toList()));
        test(find(Button.class).id("recording-documents-ok")).click();
        test(find(Button.class).id("recording-not-recorded")).click();
    }

    @Test
    void the_desk_takes_an_address_for_the_turn_notice_after_the_number_and_says_what_is_wrong_with_a_bad_one() {
        LocalDate day = LocalDate.now(OFFICE).plusDays(533);
        clock.setInstant(day.atTime(8, 0).atZone(OFFICE).toInstant());
        String nik = RecordingTestSupport.residentsToRecord(jdbc, day, 1).getFirst();
        RegistrationDeskView view = navigate(RegistrationDeskView.class);
        queue(view, nik);
        String ticket = find(Span.class).id("recording-ticket").getText();

        TextField email = find(TextField.class).id("recording-turn-email");
        test(email).setValue("bukan alamat");
        test(find(Button.class).id("recording-turn-ask")).click();
        assertThat(email.isInvalid()).as("told at the field, not in a message over the desk").isTrue();
        assertThat(email.getErrorMessage()).startsWith("Alamat e-mail tidak valid");
        assertThat(email.getValue()).as("what was typed stays").isEqualTo("bukan alamat");

        String address = "meja-" + UUID.randomUUID() + "@example.test";
        test(email).setValue(address);
        test(find(Button.class).id("recording-turn-ask")).click();
        assertThat(lastNotification()).isEqualTo("Pemberitahuan giliran untuk nomor " + ticket
                + " dikirim ke e-mail yang diberikan saat 3 nomor lagi.");
        assertThat(email.isInvalid()).isFalse();
        assertThat(find(Button.class).id("recording-turn-ask").isEnabled()).as("asked once, not twice").isFalse();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification_message WHERE template_key = "
                + "'recording-turn' AND recipient = ?", Integer.class, address))
                .as("nobody ahead: told at once").isEqualTo(1);
    }
}
