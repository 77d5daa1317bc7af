package id.dukcapil.portal.schoolvisit.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import id.dukcapil.portal.shared.ui.BeanRule;
import id.dukcapil.portal.shared.ui.FieldRefusals;
import java.util.Map;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import id.dukcapil.portal.schoolvisit.OutpostHolds;
import id.dukcapil.portal.schoolvisit.RosterImport;
import id.dukcapil.portal.schoolvisit.RosterReport;
import id.dukcapil.portal.schoolvisit.School;
import id.dukcapil.portal.schoolvisit.SchoolFigures;
import id.dukcapil.portal.schoolvisit.SchoolListImport;
import id.dukcapil.portal.schoolvisit.SchoolReports;
import id.dukcapil.portal.schoolvisit.Schools;
import id.dukcapil.portal.schoolvisit.VisitPlanner;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.report.TableReportFiles;
import id.dukcapil.portal.shared.ui.Notifications;
import id.dukcapil.portal.shared.ui.OpensDialog;
import id.dukcapil.portal.shared.ui.VaadinTexts;
import id.dukcapil.portal.shared.upload.BoundedUploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * SOP D's schools for the planner: looked up by name or NPSN, created and edited; a school's roster imported from
 * its Excel file for a visit day, with every bad row and its reason listed; the school's report as PDF and Excel.
 */
@Route("sekolah")
@RolesAllowed({Roles.PLANNER, Roles.MANAGER, Roles.ADMIN})
@Menu(title = "nav.schoolvisit.schools", order = 64, icon = "vaadin:academy-cap")
class SchoolsView extends VerticalLayout implements HasDynamicTitle {

    final TextField search = new TextField();
    final Grid<School> schools = new Grid<>();
    final Div detail = new Div();
    final Grid<RosterReport.BadRow> badRows = new Grid<>();
    final DatePicker visitDay;
    private final Binder<UploadForms.Roster> rosterBinder = new Binder<>(UploadForms.Roster.class);
    final SchoolListUpload listUpload;
    private final Schools service;
    private final RosterImport rosterImport;
    private final SchoolReports reports;
    private final TableReportFiles files;
    private final VisitPlanner planner;
    private final OutpostHolds holds;
    private final Clock clock;
    @Nullable School selected;
    @Nullable SchoolEditor editor;

    SchoolsView(Schools service, RosterImport rosterImport, SchoolReports reports, TableReportFiles files,
                SchoolListImport schoolList, VisitPlanner planner, OutpostHolds holds, Clock clock) {
        this.planner = planner;
        this.holds = holds;
        this.clock = clock;
        listUpload = new SchoolListUpload(schoolList, service, this::refresh);
        this.service = service;
        this.rosterImport = rosterImport;
        this.reports = reports;
        this.files = files;
        setSizeFull();
        visitDay = VaadinTexts.localized(new DatePicker(getTranslation("schoolvisit.schools.visit-day")));
        visitDay.setId("roster-visit-day");
        rosterBinder.forField(visitDay).withValidator(BeanRule.of(UploadForms.Roster.class, "visitDay"))
                .bind("visitDay");
        rosterBinder.readBean(new UploadForms.Roster(LocalDate.now(clock)));
        search.setPlaceholder(getTranslation("schoolvisit.schools.search"));
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setMaxLength(School.NAME_MAX_LENGTH);
        search.setClearButtonVisible(true);
        search.setWidth("22em"); // the placeholder whole in both languages
        search.setMaxWidth("100%");
        search.addValueChangeListener(change -> refresh());
        search.setId("school-search");
        Button create = OpensDialog.button(new Button(getTranslation("schoolvisit.schools.new"), click -> openForm(null)));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("school-new");
        schools.addColumn(School::name).setSortProperty("name").setHeader(getTranslation("schoolvisit.column.school")).setFlexGrow(2);
        schools.addColumn(School::npsn).setSortProperty("npsn").setHeader("NPSN").setAutoWidth(true);
        schools.addColumn(s -> getTranslation(s.level().labelKey())).setSortProperty("level").setHeader(getTranslation("schoolvisit.column.level"))
                .setAutoWidth(true);
        schools.addColumn(School::contactName).setSortProperty("contactName").setHeader(getTranslation("schoolvisit.column.contact"));
        schools.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        schools.setEmptyStateText(getTranslation("schoolvisit.schools.empty"));
        schools.asSingleSelect().addValueChangeListener(change -> show(change.getValue()));
        schools.setId("school-grid");
        schools.getStyle().set("flex", "1 1 26rem");
        schools.setMinHeight("20rem");
        detail.getStyle().set("flex", "1 1 26rem").set("min-width", "0");
        detail.setId("school-detail");
        badRows.addColumn(RosterReport.BadRow::row).setSortable(true).setHeader(getTranslation("schoolvisit.column.row"))
                .setAutoWidth(true).setFlexGrow(0);
        badRows.addColumn(RosterReport.BadRow::nik).setSortable(true).setHeader("NIK").setAutoWidth(true);
        badRows.addColumn(row -> getTranslation(row.reasonKey(), row.args()))
                .setHeader(getTranslation("schoolvisit.column.reason")).setFlexGrow(2);
        badRows.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        badRows.setAllRowsVisible(true);
        badRows.setId("roster-bad-rows");
        HorizontalLayout bar = new HorizontalLayout(search, create, listUpload);
        bar.setWrap(true);
        bar.setAlignItems(Alignment.BASELINE);
        FlexLayout body = new FlexLayout(schools, detail);
        body.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        body.getStyle().set("gap", "var(--lumo-space-m)");
        body.setWidthFull();
        add(new H2(getTranslation("schoolvisit.schools.title")), bar, body);
        refresh();
    }

    void refresh() {
        schools.setItemsPageable(page -> service.search(search.getValue(), page).getContent());
    }

    /** Step 1 for the school's next visit: under way since when, or the button that begins it. */
    private Component coordination(School school) {
        Div box = new Div();
        box.setId("school-coordination");
        var began = planner.coordination(school.id());
        if (began.isPresent()) {
            box.add(new Paragraph(getTranslation("schoolvisit.schools.coordination-since",
                    java.time.format.DateTimeFormatter.ofPattern(VaadinTexts.DATE_FORMAT + " HH:mm")
                            .format(began.get().atZone(clock.getZone())))));
        } else {
            Button begin = new Button(getTranslation("schoolvisit.schools.coordination-begin"), click -> {
                try {
                    planner.beginCoordination(school.id());
                    Notifications.success(getTranslation("schoolvisit.schools.coordination-begun", school.name()));
                    show(school);
                } catch (RuleViolation violation) {
                    Notifications.error(violation);
                }
            });
            begin.setId("school-coordination-begin");
            box.add(begin);
        }
        return box;
    }

    void show(@Nullable School school) {
        selected = school;
        detail.removeAll();
        if (school == null) {
            return;
        }
        SchoolFigures figures = reports.figures(school.id());
        Button edit = OpensDialog.button(new Button(getTranslation("schoolvisit.schools.edit"), click -> openForm(school)));
        edit.setId("school-edit");
        detail.add(new H3(school.name()), new Paragraph(getTranslation("schoolvisit.schools.line", school.npsn(),
                school.address(), school.contactName(), school.contactPhone())), edit);
        Paragraph counts = new Paragraph(getTranslation("schoolvisit.schools.figures", figures.roster(),
                figures.recordedHere() + figures.alreadyRecorded(), figures.printed(), figures.waiting(),
                figures.handedOver(), figures.corrected()));
        counts.setId("school-figures");
        Anchor pdf = ReportDownloads.pdf(download -> reports.school(school.id(), getLocale(), download), files,
                "sekolah/laporan", getLocale(),
                getTranslation("schoolvisit.schools.report-pdf"));
        pdf.setId("school-report-pdf");
        Anchor xlsx = ReportDownloads.xlsx(download -> reports.school(school.id(), getLocale(), download), files,
                "sekolah/laporan",
                getTranslation("schoolvisit.schools.report-xlsx"));
        xlsx.setId("school-report-xlsx");
        detail.add(counts, new HorizontalLayout(pdf, xlsx), coordination(school));
        UI ui = UI.getCurrent();
        Upload upload = VaadinTexts.localized(new Upload(BoundedUploadHandler.inMemory(RosterImport.MAX_UPLOAD_BYTES,
                (metadata, bytes) -> ui.access(() -> imported(school, bytes)))));
        upload.setMaxFiles(1);
        upload.setMaxFileSize(RosterImport.MAX_UPLOAD_BYTES);
        upload.setAcceptedFileTypes(".xlsx", TableReportFiles.XLSX);
        upload.addFileRejectedListener(rejected -> Notifications.error(getTranslation("schoolvisit.schools.too-large",
                RosterImport.MAX_UPLOAD_BYTES / (1024 * 1024))));
        upload.setId("roster-upload");
        Anchor template = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = rosterImport.template();
            return new DownloadResponse(new ByteArrayInputStream(bytes), "templat-daftar-siswa.xlsx",
                    TableReportFiles.XLSX, bytes.length);
        }), getTranslation("schoolvisit.schools.template"));
        template.setId("roster-template");
        badRows.setItems(List.of());
        badRows.setVisible(false);
        // A roster is judged on its visit's day: the school's next visit when one is scheduled (issue 54).
        rosterImport.visitDaysAhead(school.id()).stream().findFirst().ifPresent(visitDay::setValue);
        detail.add(new H3(getTranslation("schoolvisit.schools.roster")),
                new Paragraph(getTranslation("schoolvisit.schools.roster-hint")), template, visitDay, upload, badRows);
        // A visit of the school out at an outpost holds its roster (issue 53): said, and no file taken meanwhile.
        holds.ofSchool(school.id()).ifPresent(away -> {
            upload.setEnabled(false);
            detail.addComponentAtIndex(detail.getElement().indexOfChild(upload.getElement()),
                    OutLine.of(away, clock.getZone()));
        });
    }

    void imported(School school, byte[] bytes) {
        if (rosterBinder.validate().hasErrors()) {
            return; // said at the day's field; the file is not read
        }
        try {
            RosterReport report = rosterImport.importRoster(school.id(), visitDay.getValue(),
                    new ByteArrayInputStream(bytes));
            String message = getTranslation("schoolvisit.schools.imported", report.rows(), report.added(),
                    report.updated(), report.badRows().size());
            if (report.badRows().isEmpty()) {
                Notifications.success(message);
            } else {
                Notifications.error(message);
            }
            show(school);
            badRows.setItems(report.badRows());
            badRows.setVisible(!report.badRows().isEmpty());
        } catch (RuleViolation violation) {
            FieldRefusals.of(Map.of("schoolvisit.error.day", visitDay, "schoolvisit.roster.not-visit-day", visitDay))
                    .show(violation);
        }
    }

    /** The school's form in a dialog: a new school, or the one chosen as it is now; typed values survive a refusal. */
    void openForm(@Nullable School school) {
        // Read again: the form edits the school as it is when opened, not as the grid showed it earlier.
        School current = school == null ? null : service.find(school.id());
        editor = new SchoolEditor(service, current, saved -> {
            Notifications.success(getTranslation("schoolvisit.schools.saved", saved.name()));
            refresh();
            schools.select(saved);
            show(saved);
        });
        editor.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("schoolvisit.schools.title");
    }
}
