package id.dukcapil.portal.signing.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouterLink;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.shared.ui.CurrentRoles;
import id.dukcapil.portal.shared.ui.HomeCard;
import id.dukcapil.portal.shared.ui.HomeWidget;
import id.dukcapil.portal.signing.QueueSummary;
import id.dukcapil.portal.signing.SigningQueue;

/** HEAD: how many documents wait for the signature, how many of them are overdue, and the way to the queue. */
@org.springframework.stereotype.Component
class SigningHomeWidget implements HomeWidget {

    private final SigningQueue queue;

    private final CurrentRoles roles;

    SigningHomeWidget(SigningQueue queue, CurrentRoles roles) {
        this.roles = roles;
        this.queue = queue;
    }

    @Override
    public boolean visibleToCurrentUser() {
        return roles.hasAny(Role.HEAD);
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public Component create() {
        UI ui = UI.getCurrent();
        QueueSummary summary = queue.summary();
        return new HomeCard(ui.getTranslation("home.signing.title"))
                .figure("signing-waiting", summary.waiting(), ui.getTranslation("home.signing.waiting"))
                .figure("signing-overdue", summary.overdue(), ui.getTranslation("home.signing.overdue"))
                .actions(new RouterLink(ui.getTranslation("home.signing.open"), SigningQueueView.class));
    }
}
