package id.dukcapil.portal.schoolvisit.ui;

import static id.dukcapil.portal.shared.ui.Notifications.unlessRefused;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import id.dukcapil.portal.schoolvisit.FieldStudent;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The field screen's buttons: a refusal said in words, the button off until the server answers (one tap, one
 * step), and a step that saves a student shown as saved.
 */
final class StepButtons {

    private final Component texts;
    private final Consumer<FieldStudent> saved;

    /**
     * @param texts the view whose language the buttons speak
     * @param saved what the screen does with a student a step saved
     */
    StepButtons(Component texts, Consumer<FieldStudent> saved) {
        this.texts = texts;
        this.saved = saved;
    }

    Button button(String key, String id, Runnable action) {
        Button button = new Button(texts.getTranslation(key), click -> unlessRefused(action));
        button.setId(id);
        button.setDisableOnClick(true);
        button.addClickListener(click -> button.setEnabled(true));
        return button;
    }

    /** The step's main action, saving the student. */
    Button primary(String key, String id, Supplier<FieldStudent> action) {
        Button button = button(key, id, () -> saved.accept(action.get()));
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return button;
    }

    /** A step's other way, saving the student. */
    Button other(String key, String id, Supplier<FieldStudent> action) {
        Button button = button(key, id, () -> saved.accept(action.get()));
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return button;
    }
}
