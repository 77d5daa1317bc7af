package id.dukcapil.portal.kkprint.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import id.dukcapil.portal.PortalViewTest;
import id.dukcapil.portal.kkprint.KkPrintReason;
import id.dukcapil.portal.kkprint.KkPrintTestSupport;
import id.dukcapil.portal.notification.Channel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The request form the operator fills as the IKD app would (demo profile): the IKD account's mobile number and the
 * channel of the request's news, optional, the number checked as every phone field checks it (decision 153).
 */
@WithUserDetails("operator")
class DemoIntakeDialogViewTest extends PortalViewTest {

    @Autowired KkPrintTestSupport kk;
    @Autowired JdbcTemplate jdbc;

    @Test
    void the_request_form_takes_a_mobile_number_and_a_channel_and_keeps_what_was_typed_when_the_number_is_wrong() {
        java.util.Map<String, Object> head = kk.freshHead();
        navigate("kk/operator", Component.class);
        test(find(Button.class).withText("Ajukan seperti aplikasi IKD (demo)").single()).click();
        DemoIntakeDialog dialog = find(DemoIntakeDialog.class).single();
        assertThat(dialog.channel.getValue()).as("e-mail unless chosen").isEqualTo(Channel.EMAIL);
        assertThat(dialog.channel.getHelperText()).contains("QR Code dan PIN selalu dikirim lewat e-mail");
        test(dialog.nik).setValue((String) head.get("nik"));
        test(dialog.kkNumber).setValue((String) head.get("kk_number"));
        dialog.reason.setValue(KkPrintReason.BIRTH);
        test(dialog.phone).setValue("0812-34");
        dialog.channel.setValue(Channel.WHATSAPP);

        test(dialog.submit).click();
        assertThat(lastNotification()).startsWith("Nomor HP tidak valid");
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.phone.getValue()).as("what was typed stays").isEqualTo("0812-34");

        String digits = "858" + java.util.concurrent.ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        test(dialog.phone).setValue("0" + digits);
        test(dialog.submit).click();
        assertThat(lastNotification()).startsWith("Permohonan ").endsWith(" diajukan.");
        assertThat(jdbc.queryForMap("SELECT requester_phone, notify_channel FROM kkprint_request WHERE kk_number = ?",
                head.get("kk_number"))).containsEntry("requester_phone", "+62" + digits)
                .containsEntry("notify_channel", "WHATSAPP");
    }

}
