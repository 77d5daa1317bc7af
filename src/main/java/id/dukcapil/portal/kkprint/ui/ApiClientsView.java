package id.dukcapil.portal.kkprint.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import id.dukcapil.portal.kkprint.ApiClient;
import id.dukcapil.portal.kkprint.ApiClientForm;
import id.dukcapil.portal.kkprint.ApiClients;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.ui.BoundForms;
import id.dukcapil.portal.shared.ui.Notifications;
import id.dukcapil.portal.shared.ui.RowActions;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** ADMIN: the IKD gateway's and the ADM kiosks' API keys; issue one (shown once) or revoke it. */
@Route("kk/clients")
@RolesAllowed(Roles.ADMIN)
@Menu(title = "nav.kk-clients", order = 82, icon = "vaadin:key")
class ApiClientsView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    final ComboBox<ApiClient.Kind> kind = new ComboBox<>();
    final TextField name = new TextField();
    final TextField location = new TextField();
    final Button issue = new Button();
    final Grid<ApiClient> grid = new Grid<>();
    private final Binder<ApiClientForm> binder = new Binder<>(ApiClientForm.class);

    ApiClientsView(ApiClients clients, Clock clock) {
        setSizeFull();
        kind.setLabel(getTranslation("kkprint.client.kind"));
        kind.setItems(ApiClient.Kind.values());
        kind.setItemLabelGenerator(value -> getTranslation(value.labelKey()));
        name.setLabel(getTranslation("kkprint.client.name"));
        name.setMaxLength(ApiClient.NAME_MAX_LENGTH);
        location.setLabel(getTranslation("kkprint.client.location"));
        location.setMaxLength(ApiClient.LOCATION_MAX_LENGTH);
        binder.forField(kind).asRequired(getTranslation("validation.required")).bind("kind");
        binder.forField(name).asRequired(getTranslation("validation.required"))
                .withValidator(value -> value.strip().length() <= ApiClient.NAME_MAX_LENGTH,
                        getTranslation("kkprint.client.name.required", ApiClient.NAME_MAX_LENGTH))
                .bind("name");
        binder.forField(location).bind("location");
        binder.readBean(new ApiClientForm(ApiClient.Kind.KIOSK, "", ""));
        issue.setText(getTranslation("kkprint.client.issue"));
        issue.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        issue.addClickListener(click -> {
            Optional<ApiClientForm> written = BoundForms.record(binder);
            if (written.isEmpty()) {
                return; // the fields say what is wrong
            }
            try {
                ApiClients.IssuedKey issued = clients.issue(written.get());
                Dialog shown = new Dialog(new Paragraph(getTranslation("kkprint.client.key-once")),
                        new Paragraph(issued.key()));
                shown.setHeaderTitle(issued.client().name());
                shown.getFooter().add(new Button(getTranslation("kkprint.close"), close -> shown.close()));
                shown.open();
                binder.readBean(new ApiClientForm(issued.client().kind(), "", ""));
                grid.getDataProvider().refreshAll();
            } catch (RuleViolation refused) {
                Notifications.error(refused);
            }
        });
        grid.addColumn(client -> getTranslation(client.kind().labelKey())).setHeader(getTranslation("kkprint.client.kind"))
                .setAutoWidth(true);
        grid.addColumn(ApiClient::name).setHeader(getTranslation("kkprint.client.name")).setFlexGrow(2)
                .setSortProperty("name");
        grid.addColumn(client -> client.location() == null ? "" : client.location())
                .setHeader(getTranslation("kkprint.client.location")).setFlexGrow(2).setSortProperty("location");
        grid.addColumn(client -> client.keyHint() + "…").setHeader(getTranslation("kkprint.client.key")).setAutoWidth(true);
        grid.addColumn(client -> TIME.format(client.createdAt().atZone(clock.getZone())))
                .setHeader(getTranslation("kkprint.client.created")).setAutoWidth(true).setSortProperty("id");
        RowActions.<ApiClient>of(ApiClient::id)
                .button("revoke-", getTranslation("kkprint.client.revoke"), ApiClient::active, client -> {
                    try {
                        clients.revoke(client.id());
                        Notifications.success(getTranslation("kkprint.client.revoked"));
                    } catch (RuleViolation refused) {
                        Notifications.error(refused);
                    }
                    grid.getDataProvider().refreshAll();
                }, ButtonVariant.LUMO_ERROR)
                .note(client -> client.active() ? null : getTranslation("kkprint.client.revoked"))
                .addTo(grid);
        // A row keeps its key while listed, whatever else of it changes: what a click on its button names.
        grid.setItemsPageable(page -> clients.page(page).getContent()).setIdentifierProvider(ApiClient::id);
        grid.setSizeFull();
        HorizontalLayout form = new HorizontalLayout(kind, name, location, issue);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(form, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.kk-clients") + " · Dukcapil Portal";
    }
}
