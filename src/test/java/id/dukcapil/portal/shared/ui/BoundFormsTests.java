package id.dukcapil.portal.shared.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import org.junit.jupiter.api.Test;

/** A bound form read once for every screen: its record when valid; else nothing, the first invalid field named. */
class BoundFormsTests {

    public record Visit(String school, String desk, String note) {
    }

    private final TextField school = new TextField();
    private final TextField desk = new TextField();
    private final TextField note = new TextField();
    private final Binder<Visit> binder = new Binder<>(Visit.class);

    BoundFormsTests() {
        binder.forField(school).asRequired("Isi sekolah").bind("school");
        binder.forField(desk).asRequired("Isi meja").bind("desk");
        binder.forField(note).withValidator(typed -> typed.length() <= 5, "Paling banyak 5 karakter").bind("note");
        binder.readRecord(new Visit("", "", ""));
    }

    @Test
    void a_valid_form_gives_its_record() {
        school.setValue("SMAN 1 Soreang");
        desk.setValue("Meja 2");

        assertThat(BoundForms.record(binder)).contains(new Visit("SMAN 1 Soreang", "Meja 2", ""));
    }

    @Test
    void an_invalid_form_gives_nothing_and_each_invalid_field_says_so() {
        school.setValue("SMAN 1 Soreang");
        note.setValue("terlalu panjang");

        assertThat(BoundForms.record(binder)).isEmpty();
        assertThat(school.isInvalid()).isFalse();
        assertThat(desk.isInvalid()).isTrue();
        assertThat(desk.getErrorMessage()).isEqualTo("Isi meja");
        assertThat(note.isInvalid()).isTrue();
    }

    @Test
    void the_field_focused_is_the_first_invalid_one_in_the_order_bound_not_a_valid_one_nor_the_last() {
        school.setValue("SMAN 1 Soreang");
        note.setValue("terlalu panjang");

        ValidationException invalid = catchThrowableOfType(ValidationException.class, binder::writeRecord);

        assertThat(BoundForms.firstInvalid(invalid)).containsSame(desk);
    }

    @Test
    void once_the_first_is_fixed_the_next_invalid_field_is_the_one() {
        desk.setValue("Meja 2");
        note.setValue("terlalu panjang");

        ValidationException invalid = catchThrowableOfType(ValidationException.class, binder::writeRecord);

        assertThat(BoundForms.firstInvalid(invalid)).containsSame(school);
        school.setValue("SMAN 1 Soreang");
        invalid = catchThrowableOfType(ValidationException.class, binder::writeRecord);
        assertThat(BoundForms.firstInvalid(invalid)).containsSame(note);
    }
}
