package id.dukcapil.portal.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.shared.Registration;
import java.util.concurrent.atomic.AtomicReference;

/** Keeps a view's clocks and rows current: the browser polls while the view is shown, and stops when it leaves. */
public final class LiveRefresh {

    private LiveRefresh() {
    }

    public static void whileAttached(Component view, int intervalMillis, Runnable refresh) {
        AtomicReference<Registration> polling = new AtomicReference<>();
        view.addAttachListener(attach -> {
            attach.getUI().setPollInterval(intervalMillis);
            polling.set(attach.getUI().addPollListener(poll -> refresh.run()));
        });
        view.addDetachListener(detach -> {
            Registration registration = polling.getAndSet(null);
            if (registration != null) {
                registration.remove();
            }
            detach.getUI().setPollInterval(-1);
        });
    }
}
