package id.dukcapil.portal.shared.ui;

import com.vaadin.flow.component.Component;

/**
 * A module's banner in the staff shell, above every view: something the signed-in user's work waits on (an outside
 * system away, decision 198). Modules contribute them as beans; the shell shows what each creates for the user.
 */
public interface ShellBanner {

    /** The banner for the signed-in user; empty while there is nothing to say, and it keeps itself current. */
    Component create();
}
