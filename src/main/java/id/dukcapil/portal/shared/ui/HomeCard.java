package id.dukcapil.portal.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import java.text.NumberFormat;

/** The frame of a home widget: a title, figures, and actions. */
public class HomeCard extends Div {

    public HomeCard(String title) {
        addClassName("home-card");
        add(new H3(title));
    }

    /** A figure with its label: "3 · accounts locked". */
    public HomeCard figure(String id, Object value, String label) {
        Div row = new Div();
        row.addClassName("figure");
        // A count with the reader's thousands separator: 14.900 blanks, not 14900.
        Span number = new Span(value instanceof Number count
                ? NumberFormat.getIntegerInstance(getLocale()).format(count) : String.valueOf(value));
        number.addClassName("figure-value");
        number.setId(id);
        row.add(number, new Span(label));
        add(row);
        return this;
    }

    public HomeCard actions(Component... actions) {
        Div row = new Div(actions);
        row.addClassName("card-actions");
        add(row);
        return this;
    }
}
