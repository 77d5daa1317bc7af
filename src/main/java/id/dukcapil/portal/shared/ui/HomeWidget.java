package id.dukcapil.portal.shared.ui;

import com.vaadin.flow.component.Component;

/**
 * A module's part of the home view: the signed-in user's own work in that module. Modules contribute them as
 * beans; the home view shows those the user may see, so a module not built yet simply has none.
 */
public interface HomeWidget {

    /** Whether the signed-in user sees this widget; checked again by the services the widget calls. */
    boolean visibleToCurrentUser();

    /** Lower comes first. */
    int order();

    Component create();
}
