package id.dukcapil.portal.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;

/** The row of filters and actions above a grid; it wraps on a tablet instead of overflowing. */
public class FilterBar extends FlexLayout {

    public FilterBar(Component... components) {
        super(components);
        setFlexWrap(FlexWrap.WRAP);
        setAlignItems(FlexComponent.Alignment.BASELINE);
        addClassName("filter-bar");
    }
}
