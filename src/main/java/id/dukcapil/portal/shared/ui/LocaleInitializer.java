package id.dukcapil.portal.shared.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import id.dukcapil.portal.shared.i18n.PortalMessages;
import java.util.Arrays;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Every page speaks Bahasa Indonesia, the office's language, unless the user chose English in this session or
 * before (the language cookie). The browser's language is not consulted: the office works in Indonesian.
 */
@Component
class LocaleInitializer implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().setLocale(
                preferred(init.getUI().getSession(), VaadinRequest.getCurrent())));
    }

    static Locale preferred(VaadinSession session, @Nullable VaadinRequest request) {
        if (session.getAttribute(LanguageSwitch.SESSION_ATTRIBUTE) instanceof Locale chosen) {
            return chosen;
        }
        if (request == null || request.getCookies() == null) {
            return PortalMessages.INDONESIAN;
        }
        return Arrays.stream(request.getCookies())
                .filter(cookie -> LanguageSwitch.COOKIE.equals(cookie.getName()))
                .findFirst()
                .map(cookie -> LanguageSwitch.matching(Locale.of(cookie.getValue())))
                .orElse(PortalMessages.INDONESIAN);
    }
}
