package id.dukcapil.portal.booking.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.notification.Notification;
import id.dukcapil.portal.PortalViewTest;
import id.dukcapil.portal.booking.Registration;
import id.dukcapil.portal.staff.PasswordPolicy;
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

    @Test
    void an_empty_form_is_told_at_every_field_and_nothing_is_sent() {
        BdsRegisterView view = navigate(BdsRegisterView.class);

        test(view.register).click();

        assertThat(view.fullName.isInvalid()).isTrue();
        assertThat(view.fullName.getErrorMessage()).startsWith("Nama lengkap wajib diisi").contains("100 karakter");
        assertThat(view.email.getErrorMessage()).isEqualTo("Alamat e-mail tidak valid.");
        assertThat(view.phone.getErrorMessage()).startsWith("Nomor telepon harus nomor Indonesia");
        assertThat(view.password.getErrorMessage()).isEqualTo("Wajib diisi");
        assertThat(getCurrentView()).as("still the form: no code was sent").isInstanceOf(BdsRegisterView.class);
        assertThat(find(Notification.class).all()).isEmpty();
    }

    @Test
    void a_corrected_field_clears_and_the_others_keep_what_was_typed() {
        BdsRegisterView view = navigate(BdsRegisterView.class);
        test(view.fullName).setValue("www.hadiah-undian.id");
        test(view.email).setValue("ujang@desa.id");
        test(view.phone).setValue("0812 3456 7890");
        test(view.password).setValue("Sandi-Bedas-ujang-7");

        test(view.register).click();

        assertThat(view.fullName.isInvalid()).as("a web address is no name").isTrue();
        assertThat(view.password.isInvalid()).isTrue();
        assertThat(view.password.getErrorMessage()).as("said before the service is asked")
                .isEqualTo("Kata sandi tidak boleh memuat nama pengguna.");
        assertThat(view.email.isInvalid()).isFalse();
        assertThat(view.phone.isInvalid()).isFalse();
        assertThat(view.phone.getValue()).isEqualTo("0812 3456 7890");
        assertThat(view.email.getValue()).isEqualTo("ujang@desa.id");

        test(view.fullName).setValue("Ujang Sutisna");
        assertThat(view.fullName.isInvalid()).as("cleared as soon as it is right").isFalse();
    }

    @Test
    void every_field_is_bounded_where_it_is_typed() {
        BdsRegisterView view = navigate(BdsRegisterView.class);

        assertThat(view.fullName.getMaxLength()).isEqualTo(Registration.NAME_MAX_LENGTH);
        assertThat(view.email.getMaxLength()).isEqualTo(Registration.EMAIL_MAX_LENGTH);
        assertThat(view.phone.getMaxLength()).isEqualTo(Registration.PHONE_MAX_LENGTH);
        assertThat(view.password.getMaxLength()).isEqualTo(PasswordPolicy.MAX_LENGTH);
    }
}
