package id.dukcapil.portal.recording.ui;

import static id.dukcapil.portal.shared.ui.Notifications.unlessRefused;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import id.dukcapil.portal.recording.DayClosing;
import id.dukcapil.portal.recording.RecordingDayReports;
import id.dukcapil.portal.recording.RegistrationDesk;
import id.dukcapil.portal.recording.Visit;
import id.dukcapil.portal.recording.VisitState;
import id.dukcapil.portal.shared.NaturalOrder;
import id.dukcapil.portal.shared.report.TableReportFiles;
import id.dukcapil.portal.shared.ui.DestructiveConfirm;
import id.dukcapil.portal.shared.ui.ListedRows;
import id.dukcapil.portal.shared.ui.Notifications;
import id.dukcapil.portal.shared.ui.OpensDialog;
import id.dukcapil.portal.shared.ui.RowActions;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The registration desk's right-hand side: the visits the recording desk sent back (queued again from here), the
 * day's register (BHPPK) with its downloads, and closing the day. Apart from the desk's forms: it changes when the
 * register's columns or the day's end change, not when the check does.
 */
class DayRegister extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    final Grid<Visit> sentBack = new Grid<>();
    final Grid<Visit> register = new Grid<>();
    /** Each row keeps its data key while listed: what a click on its button names (decision 163). */
    private final ListedRows<Visit> sentBackRows = ListedRows.of(sentBack, Visit::id);
    private final RegistrationDesk desk;
    private final DayClosing closing;
    private final Consumer<String> done;

    DayRegister(RegistrationDesk desk, RecordingDayReports reports, TableReportFiles files, DayClosing closing,
                Clock clock, Consumer<String> done) {
        this.desk = desk;
        this.closing = closing;
        this.done = done;
        sentBack.addColumn(Visit::ticket).setComparator(Comparator.comparing(Visit::ticket, NaturalOrder.TEXT)).setHeader(getTranslation("recording.report.column.ticket")).setAutoWidth(true);
        sentBack.addColumn(Visit::fullName).setComparator(Comparator.comparing(Visit::fullName, NaturalOrder.TEXT)).setHeader(getTranslation("recording.report.column.name"));
        sentBack.addColumn(Visit::failureReason).setHeader(getTranslation("recording.registration.reason"));
        RowActions.<Visit>of(Visit::id).button("requeue-", getTranslation("recording.registration.requeue"),
                sent -> true, sent -> unlessRefused(() -> {
                    Visit again = desk.requeue(sent.id());
                    done.accept(getTranslation("recording.registration.requeued", again.ticket()));
                })).addTo(sentBack);
        sentBack.setEmptyStateText(getTranslation("recording.registration.none-sent-back"));
        sentBack.setAllRowsVisible(true);
        register.addColumn(v -> TIME.format(v.startedAt().atZone(clock.getZone()))).setComparator(Visit::startedAt)
                .setHeader(getTranslation("recording.report.column.time")).setAutoWidth(true).setFlexGrow(0);
        register.addColumn(v -> v.ticket() == null ? "–" : v.ticket())
                .setComparator(Comparator.comparing(v -> v.ticket() == null ? "" : v.ticket(), NaturalOrder.TEXT))
                .setHeader(getTranslation("recording.report.column.ticket")).setAutoWidth(true).setFlexGrow(0);
        register.addColumn(Visit::fullName).setComparator(Comparator.comparing(Visit::fullName, NaturalOrder.TEXT)).setHeader(getTranslation("recording.report.column.name"));
        register.addColumn(v -> getTranslation(v.closedFrom() != null ? "recording.closed." + v.closedFrom()
                        : v.state().labelKey()))
                .setSortable(true).setHeader(getTranslation("recording.report.column.outcome"));
        register.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        register.setEmptyStateText(getTranslation("recording.registration.empty-register"));
        Anchor pdf = new Anchor(DownloadHandler.fromInputStream(event -> {
            var report = reports.mine(java.time.LocalDate.now(clock), getLocale(), "registrasi/register-pdf");
            byte[] bytes = files.pdf(report, getLocale());
            return new DownloadResponse(new ByteArrayInputStream(bytes), report.fileName() + ".pdf",
                    "application/pdf", bytes.length);
        }), getTranslation("recording.registration.report-pdf"));
        pdf.setTarget(AnchorTarget.BLANK);
        Anchor xlsx = new Anchor(DownloadHandler.fromInputStream(event -> {
            var report = reports.mine(java.time.LocalDate.now(clock), getLocale(), "registrasi/register-xlsx");
            var out = new java.io.ByteArrayOutputStream();
            files.xlsx(report, out);
            return new DownloadResponse(new ByteArrayInputStream(out.toByteArray()), report.fileName() + ".xlsx",
                    TableReportFiles.XLSX, out.size());
        }), getTranslation("recording.registration.report-xlsx"));

        Button closeDay = new Button(getTranslation("recording.close.button"), click -> confirmClose());
        closeDay.setId("recording-close-day");
        closeDay.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        OpensDialog.button(closeDay);

        HorizontalLayout registerHeader = new HorizontalLayout(new H3(getTranslation("recording.registration.register")),
                pdf, xlsx, closeDay);
        registerHeader.setAlignItems(Alignment.BASELINE);
        registerHeader.getStyle().set("flex-wrap", "wrap"); // its buttons below the heading where the column is narrow
        register.setMinHeight("20rem"); // a screen of rows also where the column is below the resident (a tablet)
        add(new H3(getTranslation("recording.registration.sent-back")), sentBack, registerHeader, register);
        setPadding(false);
        setSizeFull();
    }

    /** Says what closing will close, by the state each open visit is in, before it does. */
    void confirmClose() {
        Map<VisitState, Integer> open = closing.openToday();
        int total = open.values().stream().mapToInt(Integer::intValue).sum();
        if (total == 0) {
            Notifications.success(getTranslation("recording.close.none"));
            return;
        }
        String which = open.entrySet().stream()
                .map(entry -> entry.getValue() + " " + getTranslation(entry.getKey().labelKey()).toLowerCase(getLocale()))
                .collect(Collectors.joining(", "));
        DestructiveConfirm.ask(getTranslation("recording.close.title"), getTranslation("recording.close.text", which),
                getTranslation("shared.cancel"), getTranslation("recording.close.confirm", total),
                () -> unlessRefused(() -> {
                    int closed = closing.closeToday();
                    done.accept(getTranslation("recording.close.done", closed));
                }));
    }

    void refresh() {
        sentBackRows.show(desk.sentBack());
        register.setItems(desk.today());
    }
}
