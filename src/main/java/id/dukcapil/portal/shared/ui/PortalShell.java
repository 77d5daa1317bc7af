package id.dukcapil.portal.shared.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * The page every view is served in (Vaadin's app shell): Lumo, the portal's styles, the viewport, the PWA. Among the
 * views, in a package Vaadin scans at start (decision 162, kept by 172), not on {@code PortalApplication} in the root package,
 * which would have Vaadin read every class of the portal at every start.
 */
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles.css")
@Meta(name = "viewport", content = "width=device-width, initial-scale=1")
@PWA(name = "Dukcapil Portal", shortName = "Dukcapil")
public class PortalShell implements AppShellConfigurator {
}
