package id.dukcapil.portal.shared.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Comparator;
import java.util.List;

/**
 * Where every role lands: a greeting and the user's own work, one widget per module that has some for them.
 */
@Route("")
@PermitAll
@Menu(title = "nav.home", order = 0, icon = "vaadin:home")
public class HomeView extends VerticalLayout implements HasDynamicTitle {

    public HomeView(SignedInUser.Provider users, List<HomeWidget> widgets) {
        addClassName("home-view");
        String name = users.current().map(SignedInUser::fullName).orElse("");
        add(new H2(getTranslation("home.greeting", name)));
        users.current().ifPresent(user -> add(new Paragraph(getTranslation("home.service-point",
                user.servicePointName()))));
        FlexLayout cards = new FlexLayout();
        cards.addClassName("home-widgets");
        cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        widgets.stream()
                .filter(HomeWidget::visibleToCurrentUser)
                .sorted(Comparator.comparingInt(HomeWidget::order))
                .forEach(widget -> cards.add(widget.create()));
        add(cards);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.home") + " · Dukcapil Portal";
    }
}
