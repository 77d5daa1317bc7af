package id.dukcapil.portal.sla.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouterLink;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.shared.ui.CurrentRoles;
import id.dukcapil.portal.shared.ui.HomeCard;
import id.dukcapil.portal.shared.ui.HomeWidget;
import id.dukcapil.portal.sla.SlaMonitor;
import org.springframework.data.domain.PageRequest;

/** MANAGER and HEAD: how many steps are over their standard right now, and the way to the list. */
@org.springframework.stereotype.Component
class SlaHomeWidget implements HomeWidget {

    /** The card counts up to this many; beyond it says "100+" rather than counting a long list. */
    private static final int COUNT_UP_TO = 100;

    private final SlaMonitor monitor;

    private final CurrentRoles roles;

    SlaHomeWidget(SlaMonitor monitor, CurrentRoles roles) {
        this.roles = roles;
        this.monitor = monitor;
    }

    @Override
    public boolean visibleToCurrentUser() {
        return roles.hasAny(Role.MANAGER, Role.HEAD);
    }

    @Override
    public int order() {
        return 600;
    }

    @Override
    public Component create() {
        UI ui = UI.getCurrent();
        var overdue = monitor.overdue(null, PageRequest.of(0, COUNT_UP_TO));
        String count = overdue.hasNext() ? COUNT_UP_TO + "+" : String.valueOf(overdue.getNumberOfElements());
        return new HomeCard(ui.getTranslation("home.sla.title"))
                .figure("sla-overdue-count", count, ui.getTranslation("home.sla.overdue"))
                .actions(new RouterLink(ui.getTranslation("home.sla.open"), SlaView.class));
    }
}
