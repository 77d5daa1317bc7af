package id.dukcapil.portal.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The shell around every signed-in view: side navigation listing only the views the user's roles may open
 * (taken from each view's {@code @Menu} and access annotations), the user's name, roles and service point,
 * the language switch and sign-out; under the bar, the modules' banners ({@link ShellBanner}: an outside system the
 * user's work waits on is away).
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final Span viewTitle = new Span();

    public MainLayout(AuthenticationContext authentication, SignedInUser.Provider users, List<ShellBanner> banners) {
        setPrimarySection(Section.DRAWER);
        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("shell.menu"));
        viewTitle.addClassName("view-title");

        Button signOut = new Button(getTranslation("shell.sign-out"), new Icon(VaadinIcon.SIGN_OUT),
                click -> authentication.logout());
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        signOut.setId("sign-out");

        // The first stop of the keyboard: past the menu's entries to the page's own work (issue 54, desks low). Seen
        // only while it has the focus.
        Button skip = new Button(getTranslation("shell.skip-to-content"), click -> {
            if (getContent() != null) {
                getContent().getElement().executeJs("this.tabIndex = -1; this.focus();");
            }
        });
        skip.setId("skip-to-content");
        skip.addClassName("skip-link");
        skip.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        HorizontalLayout header = new HorizontalLayout(skip, toggle, viewTitle, new LanguageSwitch(), signOut);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.expand(viewTitle);
        header.setWidthFull();
        header.addClassName("shell-header");
        // A row of its own under the bar's (the bar wraps): empty, it takes no room.
        Div bannerRow = new Div();
        bannerRow.setId("shell-banners");
        bannerRow.addClassName("shell-banners");
        banners.forEach(banner -> bannerRow.add(banner.create()));
        header.add(bannerRow);
        addToNavbar(header);

        Span brand = new Span(getTranslation("shell.brand"));
        brand.addClassName("brand");
        addToDrawer(new VerticalLayout(brand), navigation(), userCard(users));
    }

    private SideNav navigation() {
        SideNav nav = new SideNav();
        nav.setId("main-nav");
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            // The label as an element of its own: Lumo keeps the item's text on one line and cuts it with "…"; a
            // span may wrap (styles.css, .nav-label), so "Cetak & Serah Terima Sekolah" is read whole.
            SideNavItem item = new SideNavItem(null, entry.path());
            Span label = new Span(getTranslation(entry.title()));
            label.addClassName("nav-label");
            item.getElement().appendChild(label.getElement());
            if (entry.icon() != null) {
                item.setPrefixComponent(new Icon(entry.icon()));
            }
            nav.addItem(item);
        }
        return nav;
    }

    private Component userCard(SignedInUser.Provider users) {
        Div card = new Div();
        card.addClassName("user-card");
        users.current().ifPresent(user -> {
            Span name = new Span(user.fullName());
            name.addClassName("user-name");
            Span roles = new Span(user.roleLabelKeys().stream().map(this::getTranslation)
                    .collect(Collectors.joining(", ")));
            roles.addClassName("user-roles");
            Span servicePoint = new Span(user.servicePointName());
            servicePoint.addClassName("user-service-point");
            card.add(name, roles, servicePoint);
        });
        return card;
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        Class<?> view = getContent() == null ? Object.class : getContent().getClass();
        viewTitle.setText(MenuConfiguration.getMenuEntries().stream()
                .filter(entry -> entry.menuClass() == view)
                .findFirst()
                .map(entry -> getTranslation(entry.title()))
                .orElse(""));
    }
}
