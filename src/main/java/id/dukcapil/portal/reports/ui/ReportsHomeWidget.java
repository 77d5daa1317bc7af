package id.dukcapil.portal.reports.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.RouterLink;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.shared.ui.CurrentRoles;
import id.dukcapil.portal.shared.ui.HomeCard;
import id.dukcapil.portal.shared.ui.HomeWidget;

/**
 * MANAGER and HEAD at home: the way to the performance reports, where their day starts (the figures are drawn there,
 * not here, so the home stays quick).
 */
@org.springframework.stereotype.Component
class ReportsHomeWidget implements HomeWidget {

    private final CurrentRoles roles;

    ReportsHomeWidget(CurrentRoles roles) {
        this.roles = roles;
    }

    @Override
    public boolean visibleToCurrentUser() {
        return roles.hasAny(Role.MANAGER, Role.HEAD);
    }

    @Override
    public int order() {
        return 610; // beside the service times
    }

    @Override
    public Component create() {
        UI ui = UI.getCurrent();
        RouterLink open = new RouterLink(ui.getTranslation("home.reports.open"), ReportsView.class);
        open.setId("home-reports");
        HomeCard card = new HomeCard(ui.getTranslation("nav.reports"));
        card.add(new Paragraph(ui.getTranslation("home.reports.text")));
        return card.actions(open);
    }
}
