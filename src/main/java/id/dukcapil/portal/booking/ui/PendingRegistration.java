package id.dukcapil.portal.booking.ui;

import com.vaadin.flow.server.VaadinSession;
import java.util.Optional;

/**
 * The registration this browser made and still has to verify: its address and its attempt's handle, kept in the
 * Vaadin session and never in the URL, so that a link cannot put another attempt's handle into the OTP form.
 */
record PendingRegistration(String email, String attempt) {

    void keep() {
        VaadinSession.getCurrent().setAttribute(PendingRegistration.class, this);
    }

    static Optional<PendingRegistration> current() {
        return Optional.ofNullable(VaadinSession.getCurrent().getAttribute(PendingRegistration.class));
    }

    static void done() {
        VaadinSession.getCurrent().setAttribute(PendingRegistration.class, null);
    }

    @Override
    public String toString() {
        return "PendingRegistration[" + email + "]";
    }
}
