package id.dukcapil.portal.outpost.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import id.dukcapil.portal.outpost.DayDesks;
import id.dukcapil.portal.outpost.DayTransfers;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.ui.LiveRefresh;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.util.List;

/**
 * The waiting room's board on the kecamatan's outpost (issue 53, decision 200): the number called last, very large,
 * with its desk, and the calls before it; live as the desks call, without the Dinas. Opened on the outpost's screen
 * beside the desks (signed in: the outpost's own network serves the waiting room's screen).
 */
@Route(value = DayBoardView.ROUTE, registerAtStartup = false, autoLayout = false)
@RolesAllowed({Roles.REGISTRATION_OPERATOR, Roles.RECORDING_OPERATOR, Roles.ADMIN})
class DayBoardView extends VerticalLayout implements HasDynamicTitle {

    static final String ROUTE = "pos-kecamatan/papan";

    final H1 heading = new H1();
    final Span number = new Span();
    final Span desk = new Span();
    final Div earlier = new Div();
    private final DayTransfers transfers;

    DayBoardView(DayTransfers transfers) {
        this.transfers = transfers;
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        getStyle().set("background", "#0b3d6e").set("color", "white").set("overflow", "hidden");
        heading.getStyle().set("color", "white").set("font-size", "min(6vw, 2.2rem)").set("text-align", "center");
        number.setId("day-board-number");
        number.getStyle().set("font-size", "min(30vw, 16rem)").set("font-weight", "800").set("line-height", "1");
        desk.setId("day-board-desk");
        desk.getStyle().set("font-size", "min(8vw, 4rem)").set("text-align", "center");
        earlier.setId("day-board-earlier");
        earlier.getStyle().set("font-size", "min(5vw, 2.5rem)");
        add(heading, number, desk, earlier);
        LiveRefresh.whileAttached(this, change -> change.action().startsWith("outpost.day."), Duration.ofSeconds(10),
                this::refresh);
        refresh();
    }

    private void refresh() {
        heading.setText(transfers.current().map(day -> getTranslation("outpost.day.board-heading", day.pointName()))
                .orElse(getTranslation("outpost.day.board-none")));
        List<DayDesks.Call> calls = transfers.board(6);
        number.setText(calls.isEmpty() ? "–" : calls.getFirst().ticket());
        desk.setText(calls.isEmpty() ? "" : getTranslation("outpost.day.board-desk", calls.getFirst().desk()));
        earlier.setText(String.join("   ", calls.stream().skip(1).map(call -> call.ticket() + " → " + call.desk())
                .toList()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("outpost.day.board");
    }
}
