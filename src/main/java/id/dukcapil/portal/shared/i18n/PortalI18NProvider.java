package id.dukcapil.portal.shared.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Vaadin's {@code getTranslation(...)} reads the same bundles as the services do.
 */
@Component
class PortalI18NProvider implements I18NProvider {

    private final MessageSource messages;

    PortalI18NProvider(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public List<Locale> getProvidedLocales() {
        return PortalMessages.LOCALES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        return messages.getMessage(key, params, key, locale);
    }
}
