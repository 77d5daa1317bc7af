package id.dukcapil.portal.shared.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.List;

/**
 * What an address that leads nowhere, or that the visitor may not open, shows instead of Vaadin's bare "Could not
 * navigate to …" (issue 54, item 11; decision 191): in the visitor's language what happened, and the one place to go
 * next, focused so that Enter takes it. The public frame serves everybody: an anonymous visitor and a citizen have no
 * staff shell, and the frame's language switch redraws the page in the other language.
 */
abstract class ErrorPage extends PublicPage implements HasDynamicTitle {

    /** Where the visitor goes next: the route and the link's words. */
    enum Next {
        /** A signed-in staff member: their home, whose menu lists what their roles open. */
        HOME("", "error.next.home"),
        /** A citizen of the BDS web (signed in there, or on one of its addresses): its start. */
        BDS("bds", "error.next.bds"),
        /** Anybody else: the staff sign-in, the portal's door. */
        SIGN_IN("login", "error.next.sign-in");

        final String route;
        final String labelKey;

        Next(String route, String labelKey) {
            this.route = route;
            this.labelKey = labelKey;
        }
    }

    private final AuthenticationContext staff;
    private final List<CitizenSignIn> citizens;
    private final String titleKey;
    private final String textKey;
    final H2 heading = new H2();
    final Paragraph text = new Paragraph();
    final Anchor next = new Anchor();

    ErrorPage(AuthenticationContext staff, List<CitizenSignIn> citizens, String titleKey, String textKey) {
        super("shell.brand", null, "560px");
        this.staff = staff;
        this.citizens = citizens;
        this.titleKey = titleKey;
        this.textKey = textKey;
        addClassName("error-page");
        next.addClassName("error-page-next");
        add(heading, text, next);
    }

    /** Fills the page for the address the visitor asked for. */
    void show(BeforeEnterEvent event) {
        String path = "/" + event.getLocation().getPath();
        heading.setText(getTranslation(titleKey));
        text.setText(getTranslation(textKey, path));
        Next where = next(event.getLocation().getPath());
        next.setHref(where.route.isEmpty() ? "/" : where.route);
        next.setText(getTranslation(where.labelKey));
        next.focus(); // the page's only action has the keyboard from the start: Enter follows it
    }

    private Next next(String path) {
        if (staff.isAuthenticated()) {
            return Next.HOME;
        }
        if (path.equals("bds") || path.startsWith("bds/") || citizens.stream().anyMatch(CitizenSignIn::signedIn)) {
            return Next.BDS;
        }
        return Next.SIGN_IN;
    }

    @Override
    public String getPageTitle() {
        return getTranslation(titleKey) + " · Dukcapil Portal";
    }
}
