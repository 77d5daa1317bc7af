package id.dukcapil.portal.staff.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import id.dukcapil.portal.staff.StaffForm;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.ui.OpensDialog;
import id.dukcapil.portal.staff.ServicePoints;
import id.dukcapil.portal.staff.StaffAccount;
import id.dukcapil.portal.staff.StaffAdministration;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.stream.Collectors;

/**
 * The ADMIN's list of staff accounts: search by name or username, open one to edit it, reset its password
 * or unlock it, or create a new one.
 */
@Route("staff")
@RolesAllowed(Roles.ADMIN)
@Menu(title = "nav.staff", order = 80, icon = "vaadin:users")
class StaffAdminView extends VerticalLayout implements HasDynamicTitle {

    final TextField search = new TextField();
    final Grid<StaffAccount> grid = new Grid<>();
    final Button create = new Button();
    private final StaffAdministration administration;
    private final ServicePoints servicePoints;

    StaffAdminView(StaffAdministration administration, ServicePoints servicePoints, Clock clock) {
        this.administration = administration;
        this.servicePoints = servicePoints;
        setSizeFull();

        search.setPlaceholder(getTranslation("staff.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        search.setWidth("20em");
        // A filter, not a form: bounded like the longest name it can find.
        search.setMaxLength(StaffForm.FULL_NAME_MAX_LENGTH);

        create.setText(getTranslation("staff.create"));
        create.setIcon(VaadinIcon.PLUS.create());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(click -> openEditor(null));
        OpensDialog.button(create);
        create.addClickShortcut(Key.KEY_N, com.vaadin.flow.component.KeyModifier.ALT);

        grid.addColumn(StaffAccount::username).setSortProperty("username").setHeader(getTranslation("staff.username")).setAutoWidth(true);
        grid.addColumn(StaffAccount::fullName).setSortProperty("fullName").setHeader(getTranslation("staff.full-name")).setFlexGrow(1);
        grid.addColumn(account -> account.roles().stream().sorted().map(role -> getTranslation(role.labelKey()))
                .collect(Collectors.joining(", "))).setHeader(getTranslation("staff.roles")).setFlexGrow(1);
        grid.addColumn(account -> account.servicePoint().name()).setSortProperty("servicePoint.name").setHeader(getTranslation("staff.service-point"))
                .setFlexGrow(1);
        grid.addColumn(account -> getTranslation(!account.active() ? "staff.state.inactive"
                : account.lockedAt(clock.instant()) ? "staff.state.locked" : "staff.state.active"))
                .setSortProperty("active").setHeader(getTranslation("staff.state")).setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setItemsPageable(page -> administration.search(search.getValue(), page).getContent());
        grid.addItemClickListener(click -> openEditor(click.getItem()));
        OpensDialog.rowsOf(grid);
        grid.setSizeFull();

        HorizontalLayout toolbar = new HorizontalLayout(search, create);
        toolbar.setWidthFull();
        toolbar.expand(search);
        add(toolbar, grid);
    }

    private void openEditor(@org.jspecify.annotations.Nullable StaffAccount account) {
        new StaffEditor(administration, servicePoints.active(), account, saved -> grid.getDataProvider().refreshAll())
                .open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.staff") + " · Dukcapil Portal";
    }
}
