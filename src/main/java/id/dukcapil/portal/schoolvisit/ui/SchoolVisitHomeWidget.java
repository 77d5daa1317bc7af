package id.dukcapil.portal.schoolvisit.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouterLink;
import id.dukcapil.portal.schoolvisit.BirthdayPrintQueue;
import id.dukcapil.portal.schoolvisit.Handovers;
import id.dukcapil.portal.schoolvisit.OpenHandover;
import id.dukcapil.portal.schoolvisit.QueuedCard;
import id.dukcapil.portal.schoolvisit.SchoolVisit;
import id.dukcapil.portal.schoolvisit.VisitDesk;
import id.dukcapil.portal.schoolvisit.VisitPlanner;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.shared.ui.CurrentRoles;
import id.dukcapil.portal.shared.ui.HomeCard;
import id.dukcapil.portal.shared.ui.HomeWidget;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;

/**
 * SOP D at home: the planner sees this week's school visits and the way to the calendar and the schools; the field
 * officer today's visit and the way to the field screen; the printing operator today's birthday print queue.
 */
@org.springframework.stereotype.Component
class SchoolVisitHomeWidget implements HomeWidget {

    private static final int QUEUE_FIGURE_CAP = 99;

    private final VisitPlanner planner;
    private final VisitDesk field;
    private final BirthdayPrintQueue printQueue;
    private final Handovers handovers;
    private final Clock clock;

    private final CurrentRoles roles;

    SchoolVisitHomeWidget(VisitPlanner planner, VisitDesk field, BirthdayPrintQueue printQueue, Handovers handovers,
                          Clock clock, CurrentRoles roles) {
        this.roles = roles;
        this.handovers = handovers;
        this.planner = planner;
        this.field = field;
        this.printQueue = printQueue;
        this.clock = clock;
    }

    @Override
    public boolean visibleToCurrentUser() {
        return roles.hasAny(Role.PLANNER, Role.FIELD_OFFICER, Role.PRINT_OPERATOR);
    }

    @Override
    public int order() {
        return 55;
    }

    @Override
    public Component create() {
        UI ui = UI.getCurrent();
        HomeCard card = new HomeCard(ui.getTranslation("home.schoolvisit.title"));
        if (roles.hasAny(Role.PLANNER)) {
            LocalDate monday = LocalDate.now(clock).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            card.figure("schoolvisit-week", planner.between(monday, monday.plusDays(6)).size(),
                            ui.getTranslation("home.schoolvisit.week"))
                    .actions(new RouterLink(ui.getTranslation("home.schoolvisit.open-calendar"), VisitCalendarView.class),
                            new RouterLink(ui.getTranslation("home.schoolvisit.open-schools"), SchoolsView.class));
        }
        if (roles.hasAny(Role.FIELD_OFFICER)) {
            List<SchoolVisit> today = field.today();
            card.figure("schoolvisit-today", today.size(), ui.getTranslation("home.schoolvisit.today",
                            today.isEmpty() ? "–" : today.getFirst().schoolName()))
                    .actions(new RouterLink(ui.getTranslation("home.schoolvisit.open-field"), FieldView.class));
        }
        if (roles.hasAny(Role.PRINT_OPERATOR, Role.FIELD_OFFICER)) {
            // The home card counts a page at most: the whole regency's queue is the print screen's to page through.
            Slice<QueuedCard> due = printQueue.today(PageRequest.of(0, QUEUE_FIGURE_CAP));
            card.figure("schoolvisit-queue", due.hasNext() ? QUEUE_FIGURE_CAP + "+" : due.getNumberOfElements(),
                            ui.getTranslation("home.schoolvisit.queue"))
                    .actions(new RouterLink(ui.getTranslation("home.schoolvisit.open-queue"), PrintQueueView.class));
            // Step 8 waits here for a signature or a school's receipt: the operator sees it without looking for it.
            List<OpenHandover> open = handovers.open();
            long toReceive = open.stream().filter(OpenHandover::signed).count();
            card.figure("schoolvisit-handovers-open", open.size(), ui.getTranslation("home.schoolvisit.handovers-open",
                            toReceive))
                    .actions(new RouterLink(ui.getTranslation("home.schoolvisit.open-handovers"),
                            PrintQueueView.class));
        }
        return card;
    }
}
