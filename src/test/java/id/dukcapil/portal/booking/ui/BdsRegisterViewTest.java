package id.dukcapil.portal.booking.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.notification.Notification;
import id.dukcapil.portal.PortalViewTest;
import org.junit.jupiter.api.Test;

/** The BDS registration form says what is wrong where it is wrong (issue 36, item 6). */
class BdsRegisterViewTest extends PortalViewTest {

    @Test
    void every_broken_rule_is_marked_at_its_own_field_with_no_toast_over_the_form() {
        BdsRegisterView view = navigate(BdsRegisterView.class);
        test(view.fullName).setValue("Ujang Sutisna");
        test(view.email).setValue("ujang.sutisna-di-desa");
        test(view.phone).setValue("12345");
        test(view.password).setValue("pendek");

        test(view.register).click();

        assertThat(view.fullName.isInvalid()).as("the name is fine").isFalse();
        assertThat(view.email.isInvalid()).isTrue();
        assertThat(view.email.getErrorMessage()).isEqualTo("Alamat e-mail tidak valid.");
        assertThat(view.phone.isInvalid()).isTrue();
        assertThat(view.phone.getErrorMessage()).startsWith("Nomor telepon harus nomor Indonesia");
        assertThat(view.password.isInvalid()).isTrue();
        assertThat(view.password.getErrorMessage()).contains("10");
        assertThat(find(Notification.class).all()).as("no toast covering the fields").isEmpty();
        assertThat(view.email.getValue()).as("what the citizen typed stays").isEqualTo("ujang.sutisna-di-desa");
    }
}
