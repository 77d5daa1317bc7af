package id.dukcapil.portal.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;

/**
 * The one way a form submits on Enter (decision 177): Enter in any of its fields clicks its button, as a browser's
 * own form would. Flow's click shortcut, listened for on the fields only: not page-wide (Enter in another form of the
 * page, or on a dialog over it, must not submit this one) and not on the button itself, which Enter already presses.
 */
public final class EnterSubmits {

    private EnterSubmits() {
    }

    public static void on(Button submit, Component... fields) {
        submit.addClickShortcut(Key.ENTER).listenOn(fields);
    }
}
