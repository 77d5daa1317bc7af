package id.dukcapil.portal.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.shared.communication.PushMode;
import com.vaadin.flow.shared.ui.Transport;
import id.dukcapil.portal.shared.live.Change;
import id.dukcapil.portal.shared.live.LiveChanges;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;

/**
 * Keeps a view's rows current while it is shown (decision 139): when the office does something the view is about,
 * on any node, the server pushes the refreshed view to the browser; while nothing happens the browser asks only once
 * a minute. A view with clocks on it (time in step, a PIN running out) is read again every {@code clocks}. Push stays
 * on for the page once a live view has been shown on it.
 */
public final class LiveRefresh {

    /** However quiet the office, a shown view is read again this often: the last word if a change were missed. */
    static final Duration AT_LEAST_EVERY = Duration.ofMinutes(1);

    private LiveRefresh() {
    }

    public static void whileAttached(Component view, Predicate<Change> about, Runnable refresh) {
        whileAttached(view, about, AT_LEAST_EVERY, refresh);
    }

    public static void whileAttached(Component view, Predicate<Change> about, Duration clocks, Runnable refresh) {
        Listening listening = new Listening(refresh);
        view.addAttachListener(attach -> listening.start(attach.getUI(), about, clocks));
        view.addDetachListener(detach -> listening.stop(detach.getUI()));
    }

    /**
     * Turns push on for the page, where the server offers it: what the server changes from another thread reaches the
     * browser at once, not at its next request. Whether it is on.
     */
    public static boolean pushOn(UI ui) {
        if (!ui.getSession().getService().ensurePushAvailable()) {
            return false;
        }
        ui.getPushConfiguration().setTransport(Transport.WEBSOCKET_XHR);
        ui.getPushConfiguration().setPushMode(PushMode.AUTOMATIC);
        return true;
    }

    private static final class Listening {

        private final Runnable refresh;
        /** A refresh asked for and not run yet: changes arriving meanwhile are in it. */
        private final AtomicBoolean asked = new AtomicBoolean();
        /** Set and closed on the UI's thread (attach, detach) only. */
        private LiveChanges.@Nullable Subscription changes;
        private @Nullable Registration polling;

        Listening(Runnable refresh) {
            this.refresh = refresh;
        }

        void start(UI ui, Predicate<Change> about, Duration clocks) {
            asked.set(false);
            // The refresh may run on the change feed's thread: it reads as the one who opened the view.
            Runnable asViewer = new DelegatingSecurityContextRunnable(refresh);
            pushOn(ui);
            LiveChanges office = ui.getSession().getService().getInstantiator().getOrCreate(LiveChanges.class);
            changes = office.listen(about, () -> pushTo(ui, asViewer));
            ui.setPollInterval((int) clocks.toMillis());
            polling = ui.addPollListener(poll -> refresh.run());
        }

        private void pushTo(UI ui, Runnable asViewer) {
            if (!asked.compareAndSet(false, true)) {
                return;
            }
            try {
                ui.access(() -> {
                    asked.set(false);
                    asViewer.run();
                });
            } catch (UIDetachedException gone) {
                asked.set(false); // its detach closes the listening
            }
        }

        void stop(UI ui) {
            if (changes != null) {
                changes.close();
                changes = null;
            }
            if (polling != null) {
                polling.remove();
                polling = null;
            }
            asked.set(false);
            ui.setPollInterval(-1);
        }
    }
}
