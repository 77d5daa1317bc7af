package id.dukcapil.portal.audit.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouterLink;
import id.dukcapil.portal.audit.AuditFilter;
import id.dukcapil.portal.audit.AuditSearch;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.shared.ui.CurrentRoles;
import id.dukcapil.portal.shared.ui.HomeCard;
import id.dukcapil.portal.shared.ui.HomeWidget;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.data.domain.PageRequest;


/** ADMIN and MANAGER: the latest entry of the log, and the way to search it. */
@org.springframework.stereotype.Component
class AuditHomeWidget implements HomeWidget {

    private final AuditSearch search;
    private final Clock clock;

    private final CurrentRoles roles;

    AuditHomeWidget(AuditSearch search, Clock clock, CurrentRoles roles) {
        this.roles = roles;
        this.search = search;
        this.clock = clock;
    }

    @Override
    public boolean visibleToCurrentUser() {
        return roles.hasAny(Role.ADMIN, Role.MANAGER);
    }

    @Override
    public int order() {
        return 700;
    }

    @Override
    public Component create() {
        UI ui = UI.getCurrent();
        LocalDate today = LocalDate.now(clock);
        var todays = search.search(AuditFilter.empty().withPeriod(today, today), PageRequest.of(0, 1));
        HomeCard card = new HomeCard(ui.getTranslation("home.audit.title"));
        card.figure("audit-latest", todays.isEmpty() ? "—" : "#" + todays.getContent().getFirst().seq(),
                ui.getTranslation("home.audit.latest-today"));
        return card.actions(new RouterLink(ui.getTranslation("home.audit.open"), AuditLogView.class));
    }
}
