package id.dukcapil.portal.notification.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouterLink;
import id.dukcapil.portal.notification.MessageState;
import id.dukcapil.portal.notification.OutboxAdministration;
import id.dukcapil.portal.notification.OutboxFilter;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.shared.ui.CurrentRoles;
import id.dukcapil.portal.shared.ui.HomeCard;
import id.dukcapil.portal.shared.ui.HomeWidget;
import org.springframework.data.domain.PageRequest;

/** ADMIN: e-mails that need a look (failed or uncertain), and the way to the outbox. */
@org.springframework.stereotype.Component
class OutboxHomeWidget implements HomeWidget {

    private static final int COUNT_UP_TO = 100;

    private final OutboxAdministration administration;

    private final CurrentRoles roles;

    OutboxHomeWidget(OutboxAdministration administration, CurrentRoles roles) {
        this.roles = roles;
        this.administration = administration;
    }

    @Override
    public boolean visibleToCurrentUser() {
        return roles.hasAny(Role.ADMIN);
    }

    @Override
    public int order() {
        return 850;
    }

    @Override
    public Component create() {
        UI ui = UI.getCurrent();
        return new HomeCard(ui.getTranslation("home.outbox.title"))
                .figure("outbox-failed", count(MessageState.FAILED), ui.getTranslation("home.outbox.failed"))
                .figure("outbox-uncertain", count(MessageState.UNCERTAIN), ui.getTranslation("home.outbox.uncertain"))
                .actions(new RouterLink(ui.getTranslation("home.outbox.open"), OutboxView.class));
    }

    private String count(MessageState state) {
        var page = administration.page(OutboxFilter.empty().withState(state), PageRequest.of(0, COUNT_UP_TO));
        return page.hasNext() ? COUNT_UP_TO + "+" : String.valueOf(page.getNumberOfElements());
    }
}
