package id.dukcapil.portal.ikd.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouterLink;
import id.dukcapil.portal.ikd.IkdDesk;
import id.dukcapil.portal.ikd.Registration;
import id.dukcapil.portal.ikd.RegistrationState;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.shared.ui.CurrentRoles;
import id.dukcapil.portal.shared.ui.HomeCard;
import id.dukcapil.portal.shared.ui.HomeWidget;
import java.util.List;

/** The IKD officer at home: the citizens waiting at their point, those who passed the face check, those to archive. */
@org.springframework.stereotype.Component
class IkdHomeWidget implements HomeWidget {

    private final IkdDesk desk;

    private final CurrentRoles roles;

    IkdHomeWidget(IkdDesk desk, CurrentRoles roles) {
        this.roles = roles;
        this.desk = desk;
    }

    @Override
    public boolean visibleToCurrentUser() {
        return roles.hasAny(Role.IKD_OFFICER);
    }

    @Override
    public int order() {
        return 65;
    }

    @Override
    public Component create() {
        UI ui = UI.getCurrent();
        List<Registration> waiting = desk.waiting();
        return new HomeCard(ui.getTranslation("home.ikd.title"))
                .figure("ikd-waiting", waiting.size(), ui.getTranslation("home.ikd.waiting"))
                .figure("ikd-face-passed", waiting.stream().filter(r -> r.state() == RegistrationState.FACE_PASSED)
                        .count(), ui.getTranslation("home.ikd.face-passed"))
                .figure("ikd-to-archive", waiting.stream().filter(r -> r.state() == RegistrationState.ACTIVATED)
                        .count(), ui.getTranslation("home.ikd.to-archive"))
                .actions(new RouterLink(ui.getTranslation("home.ikd.open"), IkdDeskView.class));
    }
}
