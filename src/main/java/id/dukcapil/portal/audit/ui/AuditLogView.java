package id.dukcapil.portal.audit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import id.dukcapil.portal.shared.ui.FilterBar;
import id.dukcapil.portal.audit.AuditChainVerifier;
import id.dukcapil.portal.audit.AuditEntry;
import id.dukcapil.portal.audit.AuditExcelExport;
import id.dukcapil.portal.audit.AuditFilter;
import id.dukcapil.portal.audit.AuditSearch;
import id.dukcapil.portal.audit.ChainVerification;
import id.dukcapil.portal.audit.PersonalDataAccess;
import id.dukcapil.portal.audit.PersonalDataAccessSearch;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.ServicePointNames;
import id.dukcapil.portal.shared.ui.CurrentRoles;
import id.dukcapil.portal.shared.ui.Notifications;
import id.dukcapil.portal.shared.ui.VaadinTexts;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * ADMIN and MANAGER search the log by period, actor, action and subject, page through it lazily (newest
 * first), verify the chain, and export what they found to Excel. The ADMIN also asks who saw a NIK or a KK number
 * (decision 129).
 */
@Route("audit")
@RolesAllowed({Roles.ADMIN, Roles.MANAGER})
@Menu(title = "nav.audit", order = 70, icon = "vaadin:records")
class AuditLogView extends VerticalLayout implements HasDynamicTitle {

    /** The subject type under which modules record a service point by its code. */
    private static final String POINT = "ServicePoint";
    /** The subject type of a point's day, recorded as "point code/date". */
    private static final String POINT_DAY = "BookingDay";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

    final DatePicker from = VaadinTexts.localized(new DatePicker());
    final DatePicker to = VaadinTexts.localized(new DatePicker());
    final TextField actor = new TextField();
    final TextField action = new TextField();
    final TextField subject = new TextField();
    final Grid<AuditEntry> grid = new Grid<>();
    final Button verify = new Button();
    final Span verification = new Span();
    /** Where the chain is keyed and how many outside anchors it matched. */
    final Span verificationDetail = new Span();
    /** Anchors an auditor pastes from the ADMINs' daily e-mails. */
    final TextArea anchors = new TextArea();
    final Anchor export;
    /** The ADMIN's "who saw this NIK": a tab beside the log, not there at all for the others. */
    final VerticalLayout whoSaw = new VerticalLayout();
    final TextField viewedNumber = new TextField();
    final Grid<PersonalDataAccess> viewers = new Grid<>();
    final Anchor viewersExport;

    private final CurrentRoles roles;

    AuditLogView(AuditSearch search, PersonalDataAccessSearch accesses, AuditChainVerifier verifier,
                 AuditExcelExport excel, ServicePointNames points, Clock clock, CurrentRoles roles) {
        this.roles = roles;
        setSizeFull();
        LocalDate today = LocalDate.now(clock);
        from.setLabel(getTranslation("audit.filter.from"));
        from.setValue(today.minusDays(7));
        to.setLabel(getTranslation("audit.filter.to"));
        to.setValue(today);
        actor.setLabel(getTranslation("audit.filter.actor"));
        action.setLabel(getTranslation("audit.filter.action"));
        action.setPlaceholder(getTranslation("audit.filter.action.placeholder"));
        action.setMaxLength(60);
        subject.setLabel(getTranslation("audit.filter.subject"));
        for (var field : new TextField[] {actor, action, subject}) {
            field.setValueChangeMode(ValueChangeMode.LAZY);
            field.setClearButtonVisible(true);
            field.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        }
        from.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        to.addValueChangeListener(change -> grid.getDataProvider().refreshAll());

        grid.addColumn(AuditEntry::seq).setSortProperty("seq").setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(entry -> TIME.format(entry.occurredAt().atZone(clock.getZone()))).setSortProperty("seq")
                .setHeader(getTranslation("audit.column.time")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(entry -> entry.actorName() == null ? entry.actorId() : entry.actorName() + " (" + entry.actorId() + ")")
                .setSortProperty("actor").setHeader(getTranslation("audit.column.actor")).setFlexGrow(1);
        Map<String, String> pointNames = new HashMap<>(); // a page's rows name few points: ask once for each
        Function<String, String> pointName = code -> pointNames.computeIfAbsent(code, points::nameOf);
        grid.addColumn(entry -> entry.servicePoint() == null ? "" : pointName.apply(entry.servicePoint()))
                .setHeader(getTranslation("audit.column.service-point")).setFlexGrow(1);
        AuditWords words = new AuditWords(this::getTranslation, pointName);
        grid.addColumn(entry -> words.action(entry.action())).setHeader(getTranslation("audit.column.action")).setFlexGrow(1);
        grid.addColumn(entry -> entry.subjectType() == null ? ""
                        : words.subjectType(entry.subjectType()) + " " + subjectId(entry, pointName, words))
                .setHeader(getTranslation("audit.column.subject")).setFlexGrow(1);
        grid.addColumn(entry -> getTranslation("audit.outcome." + entry.outcome().name())).setSortProperty("outcome")
                .setHeader(getTranslation("audit.column.outcome")).setAutoWidth(true);
        grid.addColumn(entry -> words.detail(entry.detail(), entry.subjectType())).setHeader(getTranslation("audit.column.detail"))
                .setFlexGrow(2);
        // Long names wrap within their columns: with the point and the action as wide as their longest text, the
        // detail, the last column, was pushed to the grid's edge at 1440 px (issue 36).
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setItemsPageable(page -> search.search(filter(), page).getContent());
        grid.setSizeFull();

        verify.setText(getTranslation("audit.verify"));
        verify.setIcon(VaadinIcon.CHECK_CIRCLE_O.create());
        verify.addClickListener(click -> showVerification(verifier.verify(anchors.getValue())));
        verification.setId("chain-state");
        verificationDetail.setVisible(false);
        anchors.setLabel(getTranslation("audit.anchors"));
        anchors.setHelperText(getTranslation("audit.anchors.helper"));
        anchors.setWidthFull();
        anchors.setMaxHeight("8em");
        Details anchorsBox = new Details(getTranslation("audit.anchors"), anchors);
        anchorsBox.setWidthFull();

        DownloadHandler workbook = event -> {
            event.setFileName("audit-" + LocalDate.now(clock) + ".xlsx");
            event.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            excel.export(filter(), getLocale(), event.getOutputStream());
        };
        export = new Anchor(workbook, AttachmentType.DOWNLOAD, "");
        export.setId("audit-export");
        Button exportButton = new Button(getTranslation("audit.export"), VaadinIcon.DOWNLOAD.create());
        exportButton.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        export.add(exportButton);

        VerticalLayout log = new VerticalLayout(new FilterBar(from, to, actor, action, subject, export, verify,
                verification), verificationDetail, anchorsBox, grid);
        log.setPadding(false);
        log.setSizeFull();

        viewersExport = whoSawPanel(accesses, excel, words, pointName, clock);
        if (roles.hasAny(Role.ADMIN)) {
            TabSheet tabs = new TabSheet();
            tabs.add(getTranslation("nav.audit"), log);
            tabs.add(getTranslation("audit.views.tab"), whoSaw);
            tabs.setSizeFull();
            add(tabs);
        } else {
            add(log);
        }
    }

    /** A NIK or KK number, and who saw it: staff, service point, screen or download, time and client address. */
    private Anchor whoSawPanel(PersonalDataAccessSearch accesses, AuditExcelExport excel, AuditWords words,
                               Function<String, String> pointName, Clock clock) {
        viewedNumber.setLabel(getTranslation("audit.views.number"));
        viewedNumber.setHelperText(getTranslation("audit.views.number.helper"));
        viewedNumber.setId("viewed-number");
        viewedNumber.setWidth("18em");
        viewedNumber.setClearButtonVisible(true);
        viewedNumber.setValueChangeMode(ValueChangeMode.LAZY);
        viewedNumber.addValueChangeListener(change -> viewers.getDataProvider().refreshAll());

        viewers.addColumn(access -> TIME.format(access.at().atZone(clock.getZone())))
                .setHeader(getTranslation("audit.column.time")).setAutoWidth(true).setFlexGrow(0);
        viewers.addColumn(access -> access.staffName() == null ? access.staffId()
                        : access.staffName() + " (" + access.staffId() + ")")
                .setHeader(getTranslation("audit.views.column.staff")).setFlexGrow(1);
        viewers.addColumn(access -> access.servicePoint() == null ? "" : pointName.apply(access.servicePoint()))
                .setHeader(getTranslation("audit.column.service-point")).setFlexGrow(1);
        viewers.addColumn(access -> getTranslation("audit.views.kind." + access.kind().name()) + ": "
                        + words.screen(access.screen()))
                .setHeader(getTranslation("audit.views.column.screen")).setFlexGrow(1);
        viewers.addColumn(access -> getTranslation("audit.views.subject." + access.subject().kind().name()))
                .setHeader(getTranslation("audit.column.subject-type")).setAutoWidth(true).setFlexGrow(0);
        viewers.addColumn(access -> access.clientAddress() == null ? "—" : access.clientAddress())
                .setHeader(getTranslation("audit.views.column.address")).setAutoWidth(true).setFlexGrow(0);
        viewers.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        viewers.setItemsPageable(page -> accesses.whoSaw(viewedNumber.getValue(), page).getContent());
        viewers.setSizeFull();
        viewers.setId("viewers");
        // An answer even when nobody saw the number (or none is typed yet): an empty grid says nothing.
        viewers.setEmptyStateText(getTranslation("audit.views.none"));

        DownloadHandler workbook = event -> {
            String number = viewedNumber.getValue().replaceAll("\\s+", "");
            event.setFileName("siapa-melihat-" + number + ".xlsx");
            event.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            excel.exportWhoSaw(number, getLocale(), event.getOutputStream());
        };
        Anchor download = new Anchor(workbook, AttachmentType.DOWNLOAD, "");
        download.setId("viewers-export");
        Button exportButton = new Button(getTranslation("audit.export"), VaadinIcon.DOWNLOAD.create());
        exportButton.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        download.add(exportButton);

        whoSaw.add(new FilterBar(viewedNumber, download), viewers);
        whoSaw.setPadding(false);
        whoSaw.setSizeFull();
        return download;
    }

    AuditFilter filter() {
        return AuditFilter.empty()
                .withPeriod(from.getValue(), to.getValue())
                .withActor(actor.getValue())
                .withAction(action.getValue(), AuditWords.actionsNamed(action.getValue(), getLocale()))
                .withSubject(null, subject.getValue());
    }

    private void showVerification(ChainVerification result) {
        verificationDetail.setText((result.keyedFrom() == null ? ""
                : getTranslation("audit.verify.keyed", result.keyedFrom()) + " · ")
                + getTranslation("audit.verify.anchors", result.anchorsChecked()));
        verificationDetail.setVisible(true);
        if (result.intact()) {
            verification.setText(getTranslation("audit.verify.intact", result.entriesChecked()));
            verification.getElement().getThemeList().set("badge success", true);
        } else {
            String text = getTranslation("audit.verify.broken", result.brokenAt(),
                    getTranslation("audit.problem." + result.problem().name()));
            verification.setText(text);
            verification.getElement().getThemeList().set("badge error", true);
            Notifications.error(text);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.audit") + " · Dukcapil Portal";
    }

    /**
     * A subject's id as a clerk reads it: a service point by its name, not its code, and a day (a booking day's, a
     * holiday's) as the screens write it, not as ISO does.
     */
    private static String subjectId(AuditEntry entry, Function<String, String> pointName, AuditWords words) {
        String id = entry.subjectId();
        if (id == null) {
            return "";
        }
        if (POINT.equals(entry.subjectType())) {
            return pointName.apply(id);
        }
        int slash = id.indexOf('/');
        return POINT_DAY.equals(entry.subjectType()) && slash > 0
                ? pointName.apply(id.substring(0, slash)) + ", " + words.detail(id.substring(slash + 1), null)
                : words.detail(id, entry.subjectType());
    }
}
