package id.dukcapil.portal.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The frame of every page a citizen reaches without a staff sign-in (the BDS web, {@code /verify}, {@code /bukti},
 * the demo IKD app): one centred column under a header with the page's brand and the language switch, whose choice
 * is remembered (issue 36, item 9). The staff shell has its own.
 */
public abstract class PublicPage extends VerticalLayout {

    /**
     * @param brandKey  the translation of the name in the header
     * @param brandLink where the name leads (the site's start), or null where it is only a name
     * @param maxWidth  the column's width at most (a phone's column for the BDS web, wider for a document)
     */
    protected PublicPage(String brandKey, @Nullable String brandLink, String maxWidth) {
        addClassName("public-page");
        setPadding(true);
        setMaxWidth(maxWidth);
        getStyle().set("margin", "0 auto");
        Span brand = new Span(getTranslation(brandKey));
        brand.addClassName("public-page-brand");
        Component name = brandLink == null ? brand : new Anchor(brandLink, brand);
        Div header = new Div(name, new LanguageSwitch());
        header.addClassName("public-page-header");
        add(header);
    }

    /** A document's field as the page shows it: "label: value", the label in bold. */
    protected Paragraph line(String labelKey, String value) {
        Span label = new Span(getTranslation(labelKey) + ": ");
        label.getStyle().set("font-weight", "600");
        return new Paragraph(label, new Span(value));
    }

    /** A verdict in large type and in its colour ({@code success}, {@code error}, {@code contrast}). */
    protected static Span badge(String text, String theme) {
        Span badge = new Span(text);
        badge.getElement().getThemeList().addAll(List.of("badge", theme));
        badge.getStyle().set("font-size", "var(--lumo-font-size-l)").set("white-space", "normal");
        return badge;
    }
}
