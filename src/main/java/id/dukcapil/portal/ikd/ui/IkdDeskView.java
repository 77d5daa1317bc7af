package id.dukcapil.portal.ikd.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.component.icon.VaadinIcon;
import id.dukcapil.portal.ikd.IkdDayReports;
import id.dukcapil.portal.ikd.IkdDesk;
import id.dukcapil.portal.ikd.Registration;
import id.dukcapil.portal.ikd.RegistrationState;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.barcode.Codes;
import id.dukcapil.portal.shared.report.TableReportFiles;
import id.dukcapil.portal.shared.live.Change;
import id.dukcapil.portal.shared.ui.ListedRows;
import id.dukcapil.portal.shared.ui.LiveRefresh;
import id.dukcapil.portal.shared.ui.DestructiveConfirm;
import id.dukcapil.portal.shared.ui.Notifications;
import id.dukcapil.portal.shared.ui.OpensDialog;
import id.dukcapil.portal.shared.ui.RowActions;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import id.dukcapil.portal.shared.ui.StepTimer;
import id.dukcapil.portal.sla.StepRecord;
import org.jspecify.annotations.Nullable;

/**
 * SOP E, the IKD officer's desk: the citizens registered at the officer's service point, refreshed every second;
 * for one who passed the face check, the one-time activation QR code to scan (replaced when it expires); the step
 * after the face checks ran out; the archive once activated.
 */
@Route("ikd")
@RolesAllowed(Roles.IKD_OFFICER)
@Menu(title = "nav.ikd", order = 60, icon = "vaadin:qrcode")
class IkdDeskView extends VerticalLayout implements HasDynamicTitle {

    /**
     * The phone's scan is pushed to this screen within a second (decision 139); a QR code (3 min) or a PIN
     * (15 min) running out changes a row's label and action within this. Redrawn only on a change.
     */
    static final Duration CLOCKS = Duration.ofSeconds(5);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    final Grid<Registration> grid = new Grid<>();
    final Div qrPanel = new Div();
    private final IkdDesk desk;
    private final Clock clock;
    /** The registrations this screen has shown: the desk records each once, not on every refresh. */
    private final Set<String> recorded = new HashSet<>();
    private final ZoneId zone;
    private @Nullable String shownFor;
    /** Whose scan the panel notes: the note goes once that citizen has moved on (activated, archived). */
    private @Nullable String notedFor;
    IkdDesk.@Nullable ActivationQr shown;

    /** Each row keeps its data key while listed: what a click on its button names (decision 163). */
    private final ListedRows<Registration> listed = ListedRows.of(grid, Registration::code);
    private List<Registration> rows = List.of();
    /** Each row's step now, by code: its clock ticks in the browser from the last refresh (issue 54). */
    private java.util.Map<String, StepRecord> steps = java.util.Map.of();
    private long expiredPins;
    final Button report;

    IkdDeskView(IkdDesk desk, IkdDayReports reports, TableReportFiles files, Clock clock) {
        this.desk = desk;
        this.clock = clock;
        this.zone = ZoneId.of("Asia/Jakarta");
        setSizeFull();
        grid.addColumn(row -> TIME.format(row.registeredAt().atZone(zone))).setHeader(getTranslation("ikd.column.time"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Registration::fullName).setHeader(getTranslation("ikd.column.name")).setFlexGrow(2);
        grid.addColumn(Registration::maskedNik).setHeader(getTranslation("ikd.column.nik")).setAutoWidth(true);
        grid.addColumn(row -> getTranslation(row.pinExpired(clock.instant()) ? "ikd.state.PIN_EXPIRED"
                        : row.state().labelKey(), row.faceAttempts()))
                .setHeader(getTranslation("ikd.column.state")).setFlexGrow(2);
        grid.addComponentColumn(this::clockOf).setHeader(getTranslation("ikd.column.clock")).setKey("clock")
                .setAutoWidth(true).setFlexGrow(0);
        actions().addTo(grid);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setEmptyStateText(getTranslation("ikd.desk.empty"));
        qrPanel.addClassName("ikd-qr");
        // Beside the list, never over it: the panel keeps its width and the list takes the rest.
        qrPanel.setWidth("20rem");
        qrPanel.getStyle().set("flex", "0 0 auto");
        qrPanel.setVisible(false);
        HorizontalLayout body = new HorizontalLayout(grid, qrPanel);
        body.setSizeFull();
        body.setFlexGrow(1, grid);
        report = new Button(getTranslation("ikd.report.open"), VaadinIcon.FILE_TEXT_O.create(),
                click -> new IkdReportDialog(reports, files, clock).open());
        report.setId("ikd-report");
        OpensDialog.button(report);
        HorizontalLayout header = new HorizontalLayout(new H3(getTranslation("ikd.desk.title")), report);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        add(header, body);
        LiveRefresh.whileAttached(this, Change.inModules("ikd"), CLOCKS, this::refresh);
        refresh();
        // A reload while a QR code was on screen: the desk reopens on that citizen, with a new code.
        desk.showingQr().ifPresent(this::showQr);
    }

    void refresh() {
        List<Registration> now = desk.listed(recorded);
        now.forEach(row -> recorded.add(row.code()));
        long expired = now.stream().filter(row -> row.pinExpired(clock.instant())).count();
        if (!now.equals(rows) || expired != expiredPins) { // a PIN running out changes a row's label and action
            rows = now;
            expiredPins = expired;
            steps = desk.steps(rows);
            listed.show(rows);
        }
        if (notedFor != null && rows.stream().noneMatch(row -> row.code().equals(notedFor)
                && row.state() == RegistrationState.PIN_SENT)) {
            qrPanel.removeAll();
            qrPanel.setVisible(false);
            notedFor = null;
        }
        if (shownFor != null) {
            Registration current = rows.stream().filter(row -> row.code().equals(shownFor)).findFirst().orElse(null);
            if (current == null || current.state() != RegistrationState.FACE_PASSED
                    && !current.pinExpired(clock.instant())) {
                hideQr(current);
            } else if (shown != null && !clock.instant().isBefore(shown.expiresAt())) {
                showQr(current); // expired: a new one in its place
            }
        }
    }

    private StepTimer clockOf(Registration row) {
        StepTimer timer = new StepTimer("ikd-clock-" + row.code());
        StepRecord step = steps.get(row.code());
        if (step != null) {
            timer.show(step.startedAt(), step.standard(), clock.instant());
        }
        return timer;
    }

    /** The QR code (a new one once the PIN ran out), the step after the face checks ran out, the archive. */
    private RowActions<Registration> actions() {
        Predicate<Registration> needsOfficer = row -> row.state() == RegistrationState.NEEDS_OFFICER;
        return RowActions.<Registration>of(Registration::code)
                .button("qr-", getTranslation("ikd.action.qr"), row -> row.state() == RegistrationState.FACE_PASSED,
                        row -> act(() -> showQr(row)))
                .button("qr-", getTranslation("ikd.action.new-qr"),
                        row -> row.state() == RegistrationState.PIN_SENT && row.pinExpired(clock.instant()),
                        row -> act(() -> showQr(row)))
                .button("retry-", getTranslation("ikd.action.retry-later"), needsOfficer, row -> act(() -> {
                    desk.retryLater(row.code());
                    Notifications.success(getTranslation("ikd.done.retry-later", row.fullName()));
                }))
                .button("refer-", getTranslation("ikd.action.refer"), needsOfficer, row -> act(() -> {
                    desk.refer(row.code());
                    Notifications.success(getTranslation("ikd.done.referred", row.fullName()));
                }))
                // A row with an action of its own keeps it alone (two buttons pushed the step's clock out of a
                // 1440 px desk): a citizen gone while the QR code is shown is closed from the code's panel.
                .dialogButton("left-", getTranslation("ikd.action.left"), null,
                        row -> leftOnly(row, clock.instant()), this::askLeft, ButtonVariant.LUMO_ERROR)
                .dialogButton("archive-", getTranslation("ikd.action.archive"), null,
                        row -> row.state() == RegistrationState.ACTIVATED,
                        row -> act(() -> new ArchiveDialog(row, ticked -> {
                            desk.archive(row.code(), ticked);
                            Notifications.success(getTranslation("ikd.done.archived", row.fullName()));
                            refresh();
                        }).open()));
    }

    /** Rows whose only action is to close them: waiting for the app's next step, nothing for the officer to do. */
    private static boolean leftOnly(Registration row, java.time.Instant now) {
        return switch (row.state()) {
            case REGISTERED, FACE_FAILED -> true;
            case PIN_SENT -> !row.pinExpired(now);
            default -> false;
        };
    }

    /** The citizen left before the activation was done: asked first, the focused choice keeps the registration. */
    private void askLeft(Registration row) {
        DestructiveConfirm.ask(getTranslation("ikd.action.left"), getTranslation("ikd.left.confirm", row.fullName()),
                getTranslation("ikd.left.keep"), getTranslation("ikd.action.left"), () -> act(() -> {
                    desk.citizenLeft(row.code());
                    Notifications.success(getTranslation("ikd.done.left", row.fullName()));
                }));
    }

    void showQr(Registration row) {
        shown = desk.showQr(row.code());
        notedFor = null;
        shownFor = row.code();
        String png = Base64.getEncoder().encodeToString(Codes.png(Codes.qr(shown.content(), 288)));
        Image qr = new Image("data:image/png;base64," + png, getTranslation("ikd.qr.alt", row.fullName()));
        qr.setId("ikd-qr");
        long minutes = Duration.between(clock.instant(), shown.expiresAt()).toMinutes() + 1;
        qrPanel.removeAll();
        Button left = OpensDialog.button(new Button(getTranslation("ikd.action.left"), click -> askLeft(row)));
        left.setId("ikd-qr-left");
        left.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        qrPanel.add(new H3(row.fullName()), qr, new Paragraph(getTranslation("ikd.qr.help", minutes)), left);
        qrPanel.setVisible(true);
    }

    private void hideQr(@Nullable Registration now) {
        qrPanel.removeAll();
        if (now != null && now.state() == RegistrationState.PIN_SENT) {
            qrPanel.add(new Paragraph(getTranslation("ikd.qr.scanned", now.fullName())));
            notedFor = now.code();
        }
        qrPanel.setVisible(qrPanel.getComponentCount() > 0);
        shownFor = null;
        shown = null;
    }

    private void act(Runnable action) {
        Notifications.unlessRefused(action);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("ikd.desk.title");
    }
}
