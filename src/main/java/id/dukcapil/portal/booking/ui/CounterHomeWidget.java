package id.dukcapil.portal.booking.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.RouterLink;
import id.dukcapil.portal.booking.BookingStatus;
import id.dukcapil.portal.booking.CounterService;
import id.dukcapil.portal.booking.QueuedBooking;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.shared.ui.CurrentRoles;
import id.dukcapil.portal.shared.ui.HomeCard;
import id.dukcapil.portal.shared.ui.HomeWidget;
import java.util.Comparator;
import java.util.List;

/** The print counter at home: today's bookings at the clerk's point, who has arrived, what is printed, who is next. */
@org.springframework.stereotype.Component
class CounterHomeWidget implements HomeWidget {

    /** The queue's head, as many as fit the card. */
    static final int NEXT_SHOWN = 5;

    private final CounterService counter;

    private final CurrentRoles roles;

    CounterHomeWidget(CounterService counter, CurrentRoles roles) {
        this.roles = roles;
        this.counter = counter;
    }

    @Override
    public boolean visibleToCurrentUser() {
        return roles.hasAny(Role.PRINT_OPERATOR, Role.OPERATOR); // whoever works the counter (CounterView)
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public Component create() {
        UI ui = UI.getCurrent();
        List<QueuedBooking> today = counter.todaysQueue();
        HomeCard card = new HomeCard(ui.getTranslation("home.counter.title"))
                .figure("counter-booked", count(today, BookingStatus.BOOKED), ui.getTranslation("home.counter.booked"))
                .figure("counter-arrived", count(today, BookingStatus.ARRIVED),
                        ui.getTranslation("home.counter.arrived"))
                .figure("counter-printed", count(today, BookingStatus.PRINTED),
                        ui.getTranslation("home.counter.printed"));
        // The day's work starts here: the next citizens in queue order, those who have arrived first.
        List<QueuedBooking> next = today.stream()
                .filter(queued -> queued.booking().status() == BookingStatus.ARRIVED || queued.waiting())
                .sorted(Comparator.comparing((QueuedBooking queued) -> queued.booking().status() != BookingStatus.ARRIVED)
                        .thenComparingInt(queued -> queued.booking().queueNumber()))
                .limit(NEXT_SHOWN).toList();
        UnorderedList queue = new UnorderedList();
        queue.setId("counter-queue");
        queue.addClassName("home-queue");
        for (QueuedBooking queued : next) {
            queue.add(new ListItem(ui.getTranslation(queued.booking().status() == BookingStatus.ARRIVED
                    ? "home.counter.next.arrived" : "home.counter.next.booked",
                    queued.booking().queueNumber(), queued.booking().residentName())));
        }
        if (next.isEmpty()) {
            queue.add(new ListItem(ui.getTranslation("home.counter.next.none")));
        }
        card.add(queue);
        return card.actions(new RouterLink(ui.getTranslation("home.counter.open"), CounterView.class));
    }

    private static long count(List<QueuedBooking> queue, BookingStatus status) {
        return queue.stream().filter(queued -> queued.booking().status() == status).count();
    }
}
