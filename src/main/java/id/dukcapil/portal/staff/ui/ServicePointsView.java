package id.dukcapil.portal.staff.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.region.Region;
import id.dukcapil.portal.shared.region.Regions;
import id.dukcapil.portal.shared.ui.OpensDialog;
import id.dukcapil.portal.staff.ServicePointAdministration;
import id.dukcapil.portal.staff.ServicePointAdministration.EditablePoint;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;

/**
 * The ADMIN's list of the office's service points (the Dinas, the MPP desks, the kecamatans' UKLs), by name as every
 * screen shows a point: open one to edit its name, kecamatan and address (its code is in the form), or make a new one. What citizens choose from when they book, and where staff work.
 */
@Route("service-points")
@RolesAllowed(Roles.ADMIN)
@Menu(title = "nav.service-points", order = 81, icon = "vaadin:building")
class ServicePointsView extends VerticalLayout implements HasDynamicTitle {

    final Grid<EditablePoint> grid = new Grid<>();
    final Button create = new Button();
    private final ServicePointAdministration administration;
    private final Regions regions;
    private final List<Region> districts;

    ServicePointsView(ServicePointAdministration administration, Regions regions,
                      @Value("${portal.population.import.regency:32.04}") String regency) {
        this.administration = administration;
        this.regions = regions;
        this.districts = regions.districtsOf(regency);
        setSizeFull();

        create.setText(getTranslation("staff.point.create"));
        create.setIcon(VaadinIcon.PLUS.create());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(click -> openEditor(null));
        OpensDialog.button(create);
        create.addClickShortcut(Key.KEY_N, KeyModifier.ALT);

        // A point is shown by its name, as on every screen; its code is in its form.
        grid.addColumn(row -> row.point().name()).setHeader(getTranslation("staff.point.name")).setFlexGrow(2)
                .setSortable(true);
        grid.addColumn(row -> getTranslation(row.point().kind().labelKey()))
                .setHeader(getTranslation("staff.point.kind")).setAutoWidth(true).setSortable(true);
        grid.addColumn(row -> districtName(row.point().districtCode()))
                .setHeader(getTranslation("staff.point.district")).setFlexGrow(1).setSortable(true);
        grid.addColumn(row -> row.point().address() == null ? "" : row.point().address())
                .setHeader(getTranslation("staff.point.address")).setFlexGrow(2).setSortable(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addItemClickListener(click -> openEditor(click.getItem()));
        OpensDialog.rowsOf(grid);
        grid.setSizeFull();
        refresh();

        HorizontalLayout toolbar = new HorizontalLayout(create);
        toolbar.setWidthFull();
        toolbar.setJustifyContentMode(JustifyContentMode.END);
        add(toolbar, grid);
    }

    private String districtName(@Nullable String code) {
        return code == null ? "" : regions.district(code).map(Region::name).orElse(code);
    }

    private void openEditor(@Nullable EditablePoint point) {
        new ServicePointEditor(administration, districts, point, saved -> refresh()).open();
    }

    private void refresh() {
        grid.setItems(administration.all());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.service-points") + " · Dukcapil Portal";
    }
}
