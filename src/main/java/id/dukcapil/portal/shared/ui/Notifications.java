package id.dukcapil.portal.shared.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextFieldBase;
import id.dukcapil.portal.shared.RuleViolation;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** The shell's way to tell the user what happened: short success notes, errors that stay until read. */
public final class Notifications {

    private Notifications() {
    }

    public static void success(String text) {
        Notification notification = Notification.show(text, 3000, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(NotificationVariant.SUCCESS);
    }

    /** Done, but with a consequence the user may not have meant: stays longer than a success note. */
    public static void warning(String text) {
        Notification notification = Notification.show(text, 6000, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(NotificationVariant.WARNING);
    }

    public static void error(String text) {
        Notification notification = new Notification(text, 8000, Notification.Position.MIDDLE);
        notification.addThemeVariants(NotificationVariant.ERROR);
        notification.open();
    }

    /** Every broken rule, translated, in one message. */
    public static String text(RuleViolation violation) {
        UI ui = UI.getCurrent();
        return violation.messageKeys().stream()
                .map(key -> ui.getTranslation(key, violation.args()))
                .collect(Collectors.joining(" "));
    }

    public static void error(RuleViolation violation) {
        error(text(violation));
    }

    /** Runs a clerk's action; a rule it breaks is told as an error. Whether it ran through. */
    public static boolean unlessRefused(Runnable action) {
        try {
            action.run();
            return true;
        } catch (RuleViolation refused) {
            error(refused);
            return false;
        }
    }

    /**
     * A refusal at the field it is about, where the eye is: the field marked and focused, what was typed kept. A
     * refusal about no one field is a message.
     */
    public static void at(@Nullable TextFieldBase<?, ?> field, RuleViolation violation) {
        if (field == null) {
            error(violation);
            return;
        }
        field.setErrorMessage(text(violation));
        field.setInvalid(true);
        field.focus();
    }
}
