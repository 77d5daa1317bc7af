package id.dukcapil.portal.schoolvisit.ui;

import static id.dukcapil.portal.shared.ui.Notifications.unlessRefused;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import id.dukcapil.portal.schoolvisit.SchoolVisit;

/** The field screen's question before a visit is closed: how many unused cards go back, as the server counts them now. */
class CloseVisitDialog extends ConfirmDialog {

    /** @param close closes the visit, when the officer confirms */
    CloseVisitDialog(SchoolVisit visit, Runnable close) {
        setHeader(getTranslation("schoolvisit.field.close"));
        setText(getTranslation("schoolvisit.field.close-confirm", visit.cardsLeft()));
        setCancelable(true);
        setCancelText(getTranslation("schoolvisit.action.cancel"));
        setConfirmText(getTranslation("schoolvisit.field.close"));
        addConfirmListener(event -> unlessRefused(close));
    }
}
