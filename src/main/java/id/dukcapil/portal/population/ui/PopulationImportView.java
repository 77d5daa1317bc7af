package id.dukcapil.portal.population.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadResponse;
import id.dukcapil.portal.population.ImportProgress;
import id.dukcapil.portal.population.ImportState;
import id.dukcapil.portal.population.PopulationImports;
import id.dukcapil.portal.shared.NaturalOrder;
import id.dukcapil.portal.shared.RuleViolation;
import com.vaadin.flow.data.binder.Binder;
import id.dukcapil.portal.shared.ui.BeanRule;
import id.dukcapil.portal.shared.ui.FieldRefusals;
import java.util.Map;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.region.Region;
import id.dukcapil.portal.shared.region.Regions;
import id.dukcapil.portal.shared.report.TableReportFiles;
import id.dukcapil.portal.shared.ui.DestructiveConfirm;
import id.dukcapil.portal.shared.ui.Downloads;
import id.dukcapil.portal.shared.live.Change;
import id.dukcapil.portal.shared.ui.ListedRows;
import id.dukcapil.portal.shared.ui.LiveRefresh;
import id.dukcapil.portal.shared.ui.Notifications;
import id.dukcapil.portal.shared.ui.OpensDialog;
import id.dukcapil.portal.shared.ui.RowActions;
import id.dukcapil.portal.shared.ui.VaadinTexts;
import id.dukcapil.portal.shared.upload.BoundedFileUploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;

/**
 * The ADMIN loads or refreshes the register from a SIAK extract: the template and example, the file, the region it
 * covers, a confirmation that says what the import will do, then a live progress bar (rows per second, time left,
 * stop), the outcome and the refused rows as Excel. The import runs on the server: leaving the page does not stop it.
 * An import that would mark more than the set share of its region gone, or read no row, waits on this page for a
 * second confirmation that names the number (decision 128).
 */
@Route("residents/import")
@RolesAllowed(Roles.ADMIN)
@Menu(title = "nav.population-import", order = 21, icon = "vaadin:upload")
class PopulationImportView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    final Upload upload;
    final Span uploaded = new Span();
    final ComboBox<Region> scope = new ComboBox<>();
    final Button start = new Button();
    final Div running = new Div();
    final ProgressBar bar = new ProgressBar();
    final Span pace = new Span();
    final Button cancel = new Button();
    final Div awaiting = new Div();
    final Paragraph awaitingText = new Paragraph();
    final Button confirmGone = new Button();
    final Button cancelAwaiting = new Button();
    final Grid<ImportProgress> imports = new Grid<>();
    /** Each row keeps its data key while listed: what a click on its button or link names (decision 163). */
    private final ListedRows<ImportProgress> importRows = ListedRows.of(imports, ImportProgress::id);
    private final PopulationImports service;
    private final Clock clock;
    private final double maxGoneShare;
    private final List<Region> scopes = new ArrayList<>();
    private final Binder<ExtractForm> binder = new Binder<>(ExtractForm.class);
    private @Nullable ImportProgress waiting;
    private @Nullable Path pendingFile;
    private String pendingName = "";

    PopulationImportView(PopulationImports service, Regions regions, Clock clock,
                         @Value("${portal.population.import.regency:32.04}") String regency,
                         @Value("${portal.population.import.max-gone-share:0.10}") double maxGoneShare) {
        this.service = service;
        this.clock = clock;
        this.maxGoneShare = maxGoneShare;
        setWidthFull();
        setMaxWidth("80em");

        UI ui = UI.getCurrent();
        upload = VaadinTexts.localized(new Upload(BoundedFileUploadHandler.toFile(PopulationImports.MAX_UPLOAD_BYTES,
                service.uploadDirectory(), (metadata, file) -> ui.access(() -> received(metadata.fileName(), file)))));
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, PopulationImports.MAX_UPLOAD_BYTES));
        upload.setAcceptedFileTypes(".csv", ".xlsx", "text/csv",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        upload.addFileRejectedListener(rejected -> Notifications.error(getTranslation("population.import.too-large",
                PopulationImports.MAX_UPLOAD_BYTES / (1024 * 1024))));
        upload.setId("extract-upload");
        uploaded.setId("extract-file");

        regions.regency(regency).ifPresent(scopes::add);
        scopes.addAll(regions.districtsOf(regency));
        scope.setItems(scopes);
        scope.setItemLabelGenerator(region -> region.code().length() == 5
                ? getTranslation("population.import.scope.regency", region.name())
                : getTranslation("population.import.scope.district", region.name()));
        scope.setLabel(getTranslation("population.import.scope.label"));
        scope.setHelperText(getTranslation("population.import.scope.help"));
        scope.setWidth("24em");
        scope.setId("extract-scope");
        binder.forField(scope).withValidator(BeanRule.of(ExtractForm.class, "scope")).bind("scope");
        binder.readBean(new ExtractForm(scopes.stream().findFirst().orElse(null)));
        start.setText(getTranslation("population.import.start"));
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.setEnabled(false);
        start.addClickListener(click -> confirmStart());
        OpensDialog.button(start);
        start.setId("extract-start");
        HorizontalLayout choose = new HorizontalLayout(scope, start);
        choose.setAlignItems(FlexComponent.Alignment.BASELINE);
        choose.setWrap(true);

        bar.setWidthFull();
        bar.setId("import-progress");
        pace.setId("import-pace");
        cancel.setText(getTranslation("population.import.cancel"));
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
        cancel.addClickListener(click -> confirmCancel());
        OpensDialog.button(cancel);
        cancel.setId("import-cancel");
        running.add(bar, pace, cancel);
        running.setWidthFull();
        running.setVisible(false);

        // The second, named confirmation of an import that stopped before marking its region's residents gone.
        awaitingText.setId("import-awaiting-text");
        confirmGone.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        confirmGone.addClickListener(click -> confirmGone());
        confirmGone.setId("import-confirm-gone");
        cancelAwaiting.setText(getTranslation("population.import.awaiting.cancel"));
        cancelAwaiting.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        cancelAwaiting.addClickListener(click -> cancelAwaiting());
        cancelAwaiting.setId("import-cancel-awaiting");
        HorizontalLayout awaitingActions = new HorizontalLayout(cancelAwaiting, confirmGone);
        awaitingActions.setWrap(true);
        awaiting.add(new H3(getTranslation("population.import.awaiting.title")), awaitingText, awaitingActions);
        awaiting.setWidthFull();
        awaiting.setVisible(false);
        awaiting.setId("import-awaiting");

        imports.addColumn(progress -> TIME.format(progress.startedAt().atZone(clock.getZone())))
                .setComparator(Comparator.comparing(ImportProgress::startedAt))
                .setHeader(getTranslation("population.import.column.started")).setAutoWidth(true);
        imports.addColumn(ImportProgress::fileName)
                .setComparator(Comparator.comparing(ImportProgress::fileName, NaturalOrder.TEXT))
                .setHeader(getTranslation("population.import.column.file")).setFlexGrow(1);
        imports.addColumn(progress -> getTranslation(progress.state().labelKey()))
                .setHeader(getTranslation("population.import.column.state")).setAutoWidth(true);
        imports.addColumn(this::summary).setHeader(getTranslation("population.import.column.summary")).setFlexGrow(2);
        actions().addTo(imports);
        imports.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        imports.setAllRowsVisible(true);
        imports.setId("imports");

        FlexLayout downloads = new FlexLayout(
                download("population.import.template.csv", "templat-ekstrak-siak.csv", "text/csv", service::csvTemplate),
                download("population.import.template.xlsx", "templat-ekstrak-siak.xlsx", TableReportFiles.XLSX,
                        service::xlsxTemplate),
                download("population.import.example", "contoh-ekstrak-siak.csv", "text/csv", service::example));
        downloads.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        downloads.getStyle().set("gap", "var(--lumo-space-m)");

        add(new H2(getTranslation("population.import.title")),
                new Paragraph(getTranslation("population.import.intro")), downloads,
                new H3(getTranslation("population.import.file")),
                new Paragraph(getTranslation("population.import.file.help",
                        PopulationImports.MAX_UPLOAD_BYTES / (1024 * 1024))),
                upload, uploaded, choose, running, awaiting, new H3(getTranslation("population.import.history")), imports);
        addDetachListener(detach -> discardPending());
        // The progress of a running import is read every second; its start and end are pushed.
        LiveRefresh.whileAttached(this, Change.inModules("population"), Duration.ofSeconds(1), this::refresh);
        refresh();
    }

    void received(String fileName, Path file) {
        discardPending();
        pendingFile = file;
        pendingName = fileName;
        uploaded.setText(getTranslation("population.import.received", fileName));
        start.setEnabled(true);
    }

    /** What the import will do, said before it does it: the region's residents missing from the file are marked gone. */
    void confirmStart() {
        if (binder.validate().hasErrors()) {
            return; // said at the region's field; nothing asked
        }
        Region region = scope.getValue();
        if (pendingFile == null || region == null) {
            Notifications.error(getTranslation("population.import.no-file"));
            return;
        }
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("population.import.confirm.title"));
        confirm.setText(getTranslation("population.import.confirm.text", pendingName, scope.getItemLabelGenerator()
                .apply(region)));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("population.import.confirm.back"));
        confirm.setConfirmText(getTranslation("population.import.start"));
        confirm.addConfirmListener(confirmed -> startImport(region));
        confirm.open();
    }

    void startImport(Region region) {
        Path file = pendingFile;
        if (file == null) {
            return;
        }
        try {
            service.start(file, pendingName, region.code());
            pendingFile = null;
            start.setEnabled(false);
            uploaded.setText("");
            Notifications.success(getTranslation("population.import.started", pendingName));
            refresh();
        } catch (RuleViolation violation) {
            // The upload is gone with the refusal (the service deleted it); the chosen region stays.
            pendingFile = null;
            start.setEnabled(false);
            uploaded.setText("");
            FieldRefusals.of(Map.of("population.import.scope", scope)).show(violation);
        }
    }

    void confirmCancel() {
        service.recent().stream().filter(ImportProgress::running).findFirst().ifPresent(current -> {
            DestructiveConfirm.ask(getTranslation("population.import.cancel.title"),
                    getTranslation("population.import.cancel.text", current.fileName()),
                    getTranslation("population.import.cancel.keep"), getTranslation("population.import.cancel"), () -> {
                        service.cancel(current.id());
                        Notifications.success(getTranslation("population.import.cancel.asked"));
                        refresh();
                    });
        });
    }

    /** The ADMIN confirms the number the screen names: at most that many residents are marked gone. */
    void confirmGone() {
        ImportProgress current = waiting;
        if (current == null) {
            return;
        }
        try {
            service.confirmGone(current.id(), current.goneToConfirm());
            Notifications.success(getTranslation("population.import.awaiting.confirmed", current.fileName(),
                    number(current.goneToConfirm())));
        } catch (RuleViolation violation) {
            Notifications.error(violation);
        }
        refresh();
    }

    void cancelAwaiting() {
        ImportProgress current = waiting;
        if (current == null) {
            return;
        }
        service.cancel(current.id());
        Notifications.success(getTranslation("population.import.awaiting.cancelled", current.fileName()));
        refresh();
    }

    void refresh() {
        List<ImportProgress> recent = service.recent();
        importRows.show(recent);
        showAwaiting(recent.stream().filter(ImportProgress::awaitingConfirmation).findFirst().orElse(null));
        ImportProgress current = recent.stream().filter(ImportProgress::running).findFirst().orElse(null);
        running.setVisible(current != null);
        if (current != null) {
            bar.setValue(Math.max(0, Math.min(1, current.fraction())));
            NumberFormat number = NumberFormat.getIntegerInstance(getLocale());
            String left = current.timeLeft(clock.instant()).map(PopulationImportView::duration)
                    .orElse(getTranslation("population.import.left.unknown"));
            pace.setText(getTranslation("population.import.pace", current.fileName(), number.format(current.rowsRead()),
                    Math.round(current.fraction() * 100), number.format(current.rowsPerSecond(clock.instant())), left));
        }
    }

    /** What confirming would do, in numbers, for the import that waits; the text is set again only when it changes. */
    private void showAwaiting(@Nullable ImportProgress current) {
        boolean same = current != null && waiting != null && current.id() == waiting.id()
                && current.goneToConfirm() == waiting.goneToConfirm();
        waiting = current;
        awaiting.setVisible(current != null);
        if (current == null || same) {
            return;
        }
        String region = scopes.stream().filter(r -> r.code().equals(current.scope())).findFirst()
                .map(r -> r.code().length() == 5 ? r.name() : getTranslation("population.import.scope.district", r.name()))
                .orElse(current.scope());
        long share = current.regionResidents() == 0 ? 0
                : Math.round(current.goneToConfirm() * 100.0 / current.regionResidents());
        awaitingText.setText(getTranslation(current.rowsRead() == 0 ? "population.import.awaiting.empty"
                        : "population.import.awaiting.text", current.fileName(), number(current.goneToConfirm()), region,
                String.valueOf(share), number(current.regionResidents()), String.valueOf(Math.round(maxGoneShare * 100))));
        confirmGone.setText(getTranslation("population.import.awaiting.confirm", number(current.goneToConfirm())));
    }

    private String number(long value) {
        return NumberFormat.getIntegerInstance(getLocale()).format(value);
    }

    private String summary(ImportProgress progress) {
        NumberFormat number = NumberFormat.getIntegerInstance(getLocale());
        String counts = getTranslation("population.import.summary", number.format(progress.rowsRead()),
                number.format(progress.residentsAdded()), number.format(progress.residentsChanged()),
                number.format(progress.residentsGone()), number.format(progress.rowsRejected()));
        if (progress.state() == ImportState.FAILED && progress.failureKey() != null) {
            return counts + " " + getTranslation(progress.failureKey(), progress.failureArgs().toArray());
        }
        return counts;
    }

    /** The refused rows as Excel, where some were refused; "resume" for a failed import. */
    private RowActions<ImportProgress> actions() {
        Locale locale = getLocale();
        return RowActions.<ImportProgress>of(ImportProgress::id)
                .link("refused-", getTranslation("population.import.refused.download"),
                        progress -> progress.rowsRejected() > 0, progress -> {
                            var out = new java.io.ByteArrayOutputStream();
                            service.refusedRows(progress.id(), locale, out);
                            return new DownloadResponse(new ByteArrayInputStream(out.toByteArray()),
                                    "baris-ditolak-" + progress.id() + ".xlsx", TableReportFiles.XLSX, out.size());
                        })
                .button("resume-", getTranslation("population.import.resume"),
                        progress -> progress.state() == ImportState.FAILED, progress -> {
                            try {
                                service.resume(progress.id());
                                Notifications.success(getTranslation("population.import.resumed", progress.fileName()));
                            } catch (RuleViolation violation) {
                                Notifications.error(violation);
                            }
                            refresh();
                        });
    }

    private Anchor download(String key, String fileName, String type, java.util.function.Supplier<byte[]> content) {
        Anchor anchor = new Anchor(Downloads.named(fileName, type, content), getTranslation(key));
        anchor.setId(fileName.replace('.', '-'));
        return anchor;
    }

    private static String duration(Duration left) {
        return "%d:%02d:%02d".formatted(left.toHours(), left.toMinutesPart(), left.toSecondsPart());
    }

    private void discardPending() {
        Path file = pendingFile;
        pendingFile = null;
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.population-import") + " · Dukcapil Portal";
    }
}
