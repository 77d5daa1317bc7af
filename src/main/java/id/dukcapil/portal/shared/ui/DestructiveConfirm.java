package id.dukcapil.portal.shared.ui;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

/**
 * The one way to ask before an action that cannot be undone (decision 177): what it will do in words, the safe
 * choice with the focus and the action in red beside it.
 *
 * <p>A confirm dialog gives its focus to its confirm button, so Enter (the clerk's, or the one a barcode scanner
 * sends after each scan) and a stray tap press it. Here the confirm button is the safe choice — it closes the dialog
 * and does nothing — and the action is the dialog's reject button, which only a deliberate click or Tab then Enter
 * reaches. Escape closes it as the safe choice does.
 */
public final class DestructiveConfirm {

    private DestructiveConfirm() {
    }

    /**
     * Opens the question.
     *
     * @param keepText the safe choice, focused ("Batal", "Jangan batalkan")
     * @param actText  the action, saying what it does ("Tandai 12 tidak hadir")
     * @param action   run only on a click of {@code actText}
     */
    public static ConfirmDialog ask(String header, String text, String keepText, String actText, Runnable action) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(header);
        confirm.setText(text);
        confirm.setConfirmText(keepText);
        confirm.setConfirmButtonTheme("primary");
        confirm.setRejectable(true);
        confirm.setRejectText(actText);
        confirm.setRejectButtonTheme("error");
        confirm.addRejectListener(rejected -> action.run());
        confirm.open();
        return confirm;
    }
}
