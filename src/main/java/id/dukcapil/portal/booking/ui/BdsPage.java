package id.dukcapil.portal.booking.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import id.dukcapil.portal.booking.BookingJourney;
import id.dukcapil.portal.booking.CitizenSession;
import id.dukcapil.portal.shared.ui.PublicPage;
import id.dukcapil.portal.shared.web.ClientAddress;
import id.dukcapil.portal.sla.SopStep;
import java.time.Clock;
import java.util.Optional;

/**
 * The public BDS web (phone-first, no staff shell): a narrow column under the BDS name and the language switch. The
 * signed-in citizen and the SOP A steps they went through live in the Vaadin session, never in Spring Security's
 * staff login.
 */
abstract class BdsPage extends PublicPage implements HasDynamicTitle {

    protected final Clock clock;
    protected final Div content = new Div();

    BdsPage(Clock clock) {
        super("bds.brand", "bds", "480px");
        this.clock = clock;
        addClassName("bds-page");
        setSpacing(false);
        content.setWidthFull();
        add(content);
    }

    /**
     * The client's network address, for the throttles: the request's remote address (the client's, not a proxy's,
     * when {@code server.forward-headers-strategy} is set; decision 065).
     */
    static String clientAddress() {
        return ClientAddress.current().orElse("unknown");
    }

    static Optional<CitizenSession> citizen() {
        return Optional.ofNullable(VaadinSession.getCurrent().getAttribute(CitizenSession.class));
    }

    static void signIn(CitizenSession citizen) {
        VaadinSession session = VaadinSession.getCurrent();
        session.setAttribute(CitizenSession.class, citizen);
        newSessionId();
    }

    static void signOut() {
        VaadinSession session = VaadinSession.getCurrent();
        session.setAttribute(CitizenSession.class, null);
        session.setAttribute(BookingJourney.class, null);
        newSessionId();
    }

    /**
     * The session's id changes whenever who is signed in changes (issue 52, item 7): a cookie read before the sign-in,
     * or kept after the sign-out, opens nobody's bookings. Vaadin's own way against session fixation: the HTTP session
     * is replaced by a new one holding the same Vaadin session (the BDS pages keep no push connection that would be
     * cut by it).
     */
    private static void newSessionId() {
        VaadinService.reinitializeSession(VaadinRequest.getCurrent());
    }

    /** Notes the start of an SOP A step, once per journey; the booking records the steps when it is made. */
    void step(SopStep step) {
        VaadinSession session = VaadinSession.getCurrent();
        BookingJourney journey = Optional.ofNullable(session.getAttribute(BookingJourney.class)).orElse(BookingJourney.none());
        session.setAttribute(BookingJourney.class, journey.with(step, clock.instant()));
    }

    static BookingJourney journey() {
        return Optional.ofNullable(VaadinSession.getCurrent().getAttribute(BookingJourney.class)).orElse(BookingJourney.none());
    }

    static void journeyDone() {
        VaadinSession.getCurrent().setAttribute(BookingJourney.class, null);
    }

    protected void show(Component... components) {
        content.removeAll();
        content.add(components);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("bds.brand");
    }
}
