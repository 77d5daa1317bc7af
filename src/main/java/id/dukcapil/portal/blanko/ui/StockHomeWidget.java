package id.dukcapil.portal.blanko.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouterLink;
import id.dukcapil.portal.blanko.BlankoStock;
import id.dukcapil.portal.blanko.StockSummary;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.shared.ui.CurrentRoles;
import id.dukcapil.portal.shared.ui.HomeCard;
import id.dukcapil.portal.shared.ui.HomeWidget;
import java.util.List;

/** The planner at home: blank cards across the points, and the points that will run out within two weeks. */
@org.springframework.stereotype.Component
class StockHomeWidget implements HomeWidget {

    /** A point with fewer days of cards left than this needs a delivery or a transfer now. */
    static final int SHORT_DAYS = 14;

    private final BlankoStock stock;

    private final CurrentRoles roles;

    StockHomeWidget(BlankoStock stock, CurrentRoles roles) {
        this.roles = roles;
        this.stock = stock;
    }

    @Override
    public boolean visibleToCurrentUser() {
        return roles.hasAny(Role.PLANNER);
    }

    @Override
    public int order() {
        return 45;
    }

    @Override
    public Component create() {
        UI ui = UI.getCurrent();
        List<StockSummary> points = stock.summaries();
        long running = points.stream().filter(p -> p.daysLeft().isPresent() && p.daysLeft().getAsInt() < SHORT_DAYS)
                .count();
        return new HomeCard(ui.getTranslation("home.stock.title"))
                .figure("stock-total", points.stream().mapToInt(StockSummary::balance).sum(),
                        ui.getTranslation("home.stock.total"))
                .figure("stock-short", running, ui.getTranslation("home.stock.short", SHORT_DAYS))
                .actions(new RouterLink(ui.getTranslation("home.stock.open"), BlankoView.class));
    }
}
