package id.dukcapil.portal.booking.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouterLink;
import id.dukcapil.portal.booking.BookingStatus;
import id.dukcapil.portal.booking.CounterService;
import id.dukcapil.portal.booking.QueuedBooking;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.shared.ui.CurrentRoles;
import id.dukcapil.portal.shared.ui.HomeCard;
import id.dukcapil.portal.shared.ui.HomeWidget;
import java.util.List;

/** The print counter at home: today's bookings at the clerk's point, who has arrived, what is printed. */
@org.springframework.stereotype.Component
class CounterHomeWidget implements HomeWidget {

    private final CounterService counter;

    CounterHomeWidget(CounterService counter) {
        this.counter = counter;
    }

    @Override
    public boolean visibleToCurrentUser() {
        return CurrentRoles.hasAny(Role.PRINT_OPERATOR);
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public Component create() {
        UI ui = UI.getCurrent();
        List<QueuedBooking> today = counter.todaysQueue();
        return new HomeCard(ui.getTranslation("home.counter.title"))
                .figure("counter-booked", count(today, BookingStatus.BOOKED), ui.getTranslation("home.counter.booked"))
                .figure("counter-arrived", count(today, BookingStatus.ARRIVED),
                        ui.getTranslation("home.counter.arrived"))
                .figure("counter-printed", count(today, BookingStatus.PRINTED),
                        ui.getTranslation("home.counter.printed"))
                .actions(new RouterLink(ui.getTranslation("home.counter.open"), CounterView.class));
    }

    private static long count(List<QueuedBooking> queue, BookingStatus status) {
        return queue.stream().filter(queued -> queued.booking().status() == status).count();
    }
}
