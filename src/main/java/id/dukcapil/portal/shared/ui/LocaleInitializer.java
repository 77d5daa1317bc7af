package id.dukcapil.portal.shared.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import id.dukcapil.portal.shared.i18n.PortalMessages;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Every new session speaks Bahasa Indonesia, the office's language, unless the user chose English before
 * (the language cookie). The browser's language is not consulted: the office works in Indonesian.
 */
@Component
class LocaleInitializer implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setLocale(chosen(init.getRequest())));
    }

    static Locale chosen(VaadinRequest request) {
        if (request.getCookies() == null) {
            return PortalMessages.INDONESIAN;
        }
        return Arrays.stream(request.getCookies())
                .filter(cookie -> LanguageSwitch.COOKIE.equals(cookie.getName()))
                .findFirst()
                .map(cookie -> LanguageSwitch.matching(Locale.of(cookie.getValue())))
                .orElse(PortalMessages.INDONESIAN);
    }
}
