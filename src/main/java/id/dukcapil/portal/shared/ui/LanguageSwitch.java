package id.dukcapil.portal.shared.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import id.dukcapil.portal.shared.i18n.PortalMessages;
import jakarta.servlet.http.Cookie;
import java.util.Locale;
import java.util.Optional;

/**
 * Switches between Bahasa Indonesia and English. The choice is kept for the whole session and in a cookie,
 * so it survives signing out and in again.
 */
public class LanguageSwitch extends Select<Locale> {

    static final String COOKIE = "portal-lang";
    static final String SESSION_ATTRIBUTE = "portal.locale";

    public LanguageSwitch() {
        setItems(PortalMessages.LOCALES);
        setItemLabelGenerator(locale -> locale.getLanguage().equals("id") ? "Bahasa Indonesia" : "English");
        setAriaLabel("Bahasa / Language");
        addClassName("language-switch");
        FitText.toItems(this);
        addAttachListener(event -> setValue(matching(event.getUI().getLocale())));
        addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null) {
                apply(event.getValue());
            }
        });
    }

    /** Applies a language to this session, remembers it, and redraws the page in it. */
    public static void apply(Locale locale) {
        VaadinSession.getCurrent().setAttribute(SESSION_ATTRIBUTE, locale);
        VaadinSession.getCurrent().setLocale(locale);
        UI.getCurrent().setLocale(locale);
        Optional.ofNullable(VaadinService.getCurrentResponse()).ifPresent(response -> {
            Cookie cookie = new Cookie(COOKIE, locale.getLanguage());
            cookie.setPath("/");
            cookie.setMaxAge(60 * 60 * 24 * 365);
            cookie.setHttpOnly(true);
            response.addCookie(cookie);
        });
        UI.getCurrent().getPage().reload();
    }

    static Locale matching(Locale locale) {
        return locale.getLanguage().equals("en") ? PortalMessages.ENGLISH : PortalMessages.INDONESIAN;
    }
}
