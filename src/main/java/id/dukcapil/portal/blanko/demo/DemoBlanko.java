package id.dukcapil.portal.blanko.demo;

import id.dukcapil.portal.blanko.internal.LedgerRepository;
import org.springframework.data.domain.PageRequest;
import static id.dukcapil.portal.shared.Acting.as;
import static id.dukcapil.portal.shared.Acting.signedIn;

import id.dukcapil.portal.blanko.BlankoStock;
import id.dukcapil.portal.shared.tx.DemoDataFill;
import id.dukcapil.portal.shared.tx.FirstStart;
import id.dukcapil.portal.staff.ServicePoint;
import id.dukcapil.portal.staff.ServicePoints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Demo profile, first start: a delivery of blank cards at every service point, received by the demo planner, so
 * that the quota calendar has places and citizens can book at once. Not in the tests, which start every point
 * from an empty ledger.
 */
@Component
@Profile("demo & !test")
class DemoBlanko {

    static final String DELIVERY_REFERENCE = "DEMO/SPB/2026/001";
    private static final Logger log = LoggerFactory.getLogger(DemoBlanko.class);

    private final BlankoStock stock;
    private final LedgerRepository ledger;
    private final ServicePoints servicePoints;
    private final UserDetailsService users;
    private final FirstStart firstStart;

    DemoBlanko(FirstStart firstStart,
               BlankoStock stock, LedgerRepository ledger, ServicePoints servicePoints, UserDetailsService users) {
        this.firstStart = firstStart;
        this.stock = stock;
        this.ledger = ledger;
        this.servicePoints = servicePoints;
        this.users = users;
    }

    @EventListener(DemoDataFill.class)
    @Order(DemoDataFill.BLANK_CARDS)
    void firstDelivery() {
        firstStart.exclusively("demo blank-card deliveries", this::deliver);
    }

    private void deliver() {
        Authentication planner = signedIn(users, "perencana");
        int points = 0;
        for (ServicePoint point : servicePoints.active()) {
            if (ledger.findByServicePoint(point.code(), PageRequest.ofSize(1)).isEmpty()) {
                as(planner, () -> stock.receive(point.code(), cardsFor(point), DELIVERY_REFERENCE));
                points++;
            }
        }
        if (points > 0) {
            log.info("Demo: blank cards received at {} service points", points);
        }
    }

    /** About two working weeks of each point's daily printing capacity. */
    private static int cardsFor(ServicePoint point) {
        return switch (point.kind()) {
            case DINAS -> 1_500;
            case MPP -> 1_000;
            case UKL -> 400;
        };
    }
}
