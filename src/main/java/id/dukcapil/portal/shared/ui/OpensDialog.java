package id.dukcapil.portal.shared.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;

/**
 * Says on the page that a button or a grid's rows open a dialog (decision 148). A button gets WAI-ARIA's
 * {@code aria-haspopup="dialog"}, which a screen reader announces; a grid whose row click opens a dialog gets the class
 * {@value #ROWS}. The browser walk opens every dialog so marked, measures it and closes it unsaved; a button that only
 * sometimes opens one (a refusal comes as a message instead) is marked too.
 */
public final class OpensDialog {

    /** The class of a grid whose rows open a dialog when clicked. */
    public static final String ROWS = "rows-open-dialogs";

    private OpensDialog() {
    }

    public static Button button(Button button) {
        button.getElement().setAttribute("aria-haspopup", "dialog");
        return button;
    }

    public static void rowsOf(Grid<?> grid) {
        grid.addClassName(ROWS);
    }
}
