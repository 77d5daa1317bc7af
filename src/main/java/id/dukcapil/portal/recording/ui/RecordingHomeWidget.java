package id.dukcapil.portal.recording.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouterLink;
import id.dukcapil.portal.recording.RecordingDesk;
import id.dukcapil.portal.recording.RegistrationDesk;
import id.dukcapil.portal.recording.Visit;
import id.dukcapil.portal.recording.VisitState;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.shared.ui.CurrentRoles;
import id.dukcapil.portal.shared.ui.HomeCard;
import id.dukcapil.portal.shared.ui.HomeWidget;
import java.util.List;

/**
 * SOP C's desks at home: the registration operator sees today's visits and the numbers sent back to them; the
 * recording operator the numbers waiting, absent and the proofs still to hand over; each with the way to the desk.
 */
@org.springframework.stereotype.Component
class RecordingHomeWidget implements HomeWidget {

    private final RegistrationDesk registration;
    private final RecordingDesk recording;

    private final CurrentRoles roles;

    RecordingHomeWidget(RegistrationDesk registration, RecordingDesk recording, CurrentRoles roles) {
        this.roles = roles;
        this.registration = registration;
        this.recording = recording;
    }

    @Override
    public boolean visibleToCurrentUser() {
        return roles.hasAny(Role.REGISTRATION_OPERATOR, Role.RECORDING_OPERATOR);
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public Component create() {
        UI ui = UI.getCurrent();
        HomeCard card = new HomeCard(ui.getTranslation("home.recording.title"));
        if (roles.hasAny(Role.REGISTRATION_OPERATOR)) {
            List<Visit> today = registration.today();
            card.figure("recording-visits", today.size(), ui.getTranslation("home.recording.visits"))
                    .figure("recording-sent-back", registration.sentBack().size(),
                            ui.getTranslation("home.recording.sent-back"))
                    .actions(new RouterLink(ui.getTranslation("home.recording.open-registration"),
                            RegistrationDeskView.class));
        }
        if (roles.hasAny(Role.RECORDING_OPERATOR)) {
            card.figure("recording-queued", recording.inState(VisitState.QUEUED).size(),
                            ui.getTranslation("home.recording.queued"))
                    .figure("recording-to-hand", recording.inState(VisitState.RECORDED).size(),
                            ui.getTranslation("home.recording.to-hand"))
                    .actions(new RouterLink(ui.getTranslation("home.recording.open-desk"), RecordingDeskView.class));
        }
        return card;
    }
}
