package id.dukcapil.portal.shared.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalViewTest;
import id.dukcapil.portal.shared.RuleViolation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;

/** The reason asked before a refusal: checked at its field first, the action's refusal said with the reason kept. */
@WithUserDetails("admin")
class ReasonDialogViewTest extends PortalViewTest {

    private final List<String> done = new ArrayList<>();

    private ReasonDialog opened(int maxLength, java.util.function.Consumer<String> action) {
        navigate(HomeView.class);
        ReasonDialog dialog = new ReasonDialog("Tolak?", "Tolak", maxLength, action);
        dialog.open();
        return find(ReasonDialog.class).single();
    }

    @Test
    void a_blank_reason_is_told_at_its_field_and_nothing_is_done() {
        ReasonDialog dialog = opened(20, done::add);

        test(dialog.reason).setValue("   ");
        test(dialog.confirm).click();

        assertThat(dialog.reason.isInvalid()).isTrue();
        assertThat(dialog.reason.getErrorMessage()).isEqualTo("Isi alasan (paling banyak 20 karakter).");
        assertThat(dialog.reason.getMaxLength()).as("bounded where it is typed").isEqualTo(20);
        assertThat(done).isEmpty();
        assertThat(dialog.isOpened()).isTrue();

        test(dialog.reason).setValue("Berkas tidak lengkap");
        assertThat(dialog.reason.isInvalid()).as("the field clears once a reason is typed").isFalse();
        test(dialog.confirm).click();
        assertThat(done).containsExactly("Berkas tidak lengkap");
        assertThat(dialog.isOpened()).isFalse();
    }

    @Test
    void a_reason_longer_than_the_action_takes_is_told_at_its_field() {
        ReasonDialog dialog = opened(10, done::add);

        dialog.reason.setValue("Sebelas huruf lebih"); // past the browser's maxlength, as a crafted request would be
        test(dialog.confirm).click();

        assertThat(dialog.reason.isInvalid()).isTrue();
        assertThat(dialog.reason.getErrorMessage()).isEqualTo("Isi alasan (paling banyak 10 karakter).");
        assertThat(done).isEmpty();
    }

    @Test
    void a_refused_action_is_said_and_the_typed_reason_is_kept() {
        ReasonDialog dialog = opened(500, typed -> {
            throw new RuleViolation("kkprint.moved-meanwhile", "KK-0001");
        });

        test(dialog.reason).setValue("Data keluarga berubah");
        test(dialog.confirm).click();

        assertThat(lastNotification()).isEqualTo("Permohonan KK-0001 baru saja diproses oleh petugas lain.");
        assertThat(dialog.isOpened()).as("open, to try again or cancel").isTrue();
        assertThat(dialog.reason.getValue()).isEqualTo("Data keluarga berubah");
    }
}
