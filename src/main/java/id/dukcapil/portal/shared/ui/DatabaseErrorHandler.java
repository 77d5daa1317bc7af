package id.dukcapil.portal.shared.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.DefaultErrorHandler;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import id.dukcapil.portal.shared.api.ApiProblems;
import id.dukcapil.portal.shared.tx.CommitUnknownException;
import id.dukcapil.portal.shared.tx.DatabaseBusyException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A clerk's action that the database could not take (decision 117) says so where the clerk looks, in the clerk's
 * language: not saved (rolled back on every try, or no database), or not known (the connection was lost during the
 * commit). No success message was shown: a view shows one only after its service call returned.
 */
@Component
class DatabaseErrorHandler implements VaadinServiceInitListener, ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(DatabaseErrorHandler.class);
    private final transient ErrorHandler otherwise = new DefaultErrorHandler();

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this));
    }

    @Override
    public void error(ErrorEvent event) {
        String key = messageKey(event.getThrowable());
        UI ui = UI.getCurrent();
        if (key == null || ui == null) {
            otherwise.error(event);
            return;
        }
        log.warn("A screen's action was not done: {}", event.getThrowable().toString());
        Notifications.error(ui.getTranslation(key));
    }

    private static @Nullable String messageKey(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof CommitUnknownException) {
                return "shared.error.commit-unknown";
            }
            if (cause instanceof DatabaseBusyException) {
                return "shared.error.busy";
            }
        }
        return ApiProblems.databaseUnavailable(failure) ? "shared.error.busy" : null;
    }
}
