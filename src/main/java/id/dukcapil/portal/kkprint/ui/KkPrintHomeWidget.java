package id.dukcapil.portal.kkprint.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouterLink;
import id.dukcapil.portal.kkprint.Inbox;
import id.dukcapil.portal.kkprint.KkPrintFigures;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.shared.ui.CurrentRoles;
import id.dukcapil.portal.shared.ui.HomeCard;
import id.dukcapil.portal.shared.ui.HomeWidget;

/** Home: KK print requests waiting in each inbox and those over their standard (for a MANAGER: the alarm). */
@org.springframework.stereotype.Component
class KkPrintHomeWidget implements HomeWidget {

    private final KkPrintFigures figures;

    private final CurrentRoles roles;

    KkPrintHomeWidget(KkPrintFigures figures, CurrentRoles roles) {
        this.roles = roles;
        this.figures = figures;
    }

    @Override
    public boolean visibleToCurrentUser() {
        return roles.hasAny(Role.OPERATOR, Role.VERIFIER, Role.MANAGER);
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public Component create() {
        UI ui = UI.getCurrent();
        HomeCard card = new HomeCard(ui.getTranslation("kkprint.home.title"));
        for (Inbox inbox : Inbox.values()) {
            card.figure("kk-waiting-" + inbox.name().toLowerCase(), shown(figures.waiting(inbox)),
                    ui.getTranslation("kkprint.home.waiting." + inbox.name()));
            card.figure("kk-overdue-" + inbox.name().toLowerCase(), shown(figures.overdue(inbox)),
                    ui.getTranslation("kkprint.home.overdue." + inbox.name()));
        }
        if (roles.hasAny(Role.OPERATOR, Role.VERIFIER)) {
            card.actions(roles.hasAny(Role.VERIFIER)
                    ? new RouterLink(ui.getTranslation("nav.kk-verifier"), VerifierInboxView.class)
                    : new RouterLink(ui.getTranslation("nav.kk-operator"), OperatorInboxView.class));
        }
        return card;
    }

    private static String shown(int count) {
        return count >= KkPrintFigures.COUNT_CAP ? (KkPrintFigures.COUNT_CAP - 1) + "+" : String.valueOf(count);
    }
}
