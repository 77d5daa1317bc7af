package id.dukcapil.portal.outpost.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import id.dukcapil.portal.audit.CurrentActor;
import id.dukcapil.portal.outpost.DayDesks;
import id.dukcapil.portal.outpost.DayRecording;
import id.dukcapil.portal.outpost.DayRegistration;
import id.dukcapil.portal.outpost.DayTransfers;
import id.dukcapil.portal.outpost.OutpostLock;
import id.dukcapil.portal.outpost.OutpostProperties;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.ui.LiveRefresh;
import id.dukcapil.portal.shared.ui.Notifications;
import id.dukcapil.portal.shared.ui.OpensDialog;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The kecamatan's screen on an outpost node (issue 53, decision 200), offered only where the node is one
 * ({@link OutpostRoute}). While connected a desk operator takes the point's day from the Dinas; then, cut from it, the
 * registration and recording desks work as at the Dinas, numbers with the outpost's prefix; back in reach, one
 * check-in sends every step. The day's clock and the steps waiting stay in sight; the board is a link away.
 */
@Route(value = "pos-kecamatan", registerAtStartup = false)
@RolesAllowed({Roles.REGISTRATION_OPERATOR, Roles.RECORDING_OPERATOR, Roles.ADMIN})
@Menu(title = "nav.outpost-day", order = 66.3, icon = "vaadin:building")
class KecamatanView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    final DayTakePanel take;
    final UnlockPanel unlock;
    final Paragraph heading = new Paragraph();
    final Paragraph sending = new Paragraph();
    final Paragraph lastBack = new Paragraph();
    final Button lock;
    final Button addSlot;
    final Button checkIn = new Button();
    final Anchor board = new Anchor(DayBoardView.ROUTE, "");
    final Grid<DayDesks.Visit> register = new Grid<>();
    private final VerticalLayout held = new VerticalLayout();
    private final TabSheet desks = new TabSheet();
    private final DayTransfers transfers;
    private final OutpostLock vault;
    private final ZoneId zone;
    private final CurrentActor currentActor;
    private final DayRegistration registration;
    private final DayRecording recording;
    private final Clock clock;
    private DayRecordingPanel recordingPanel;

    KecamatanView(DayTransfers transfers, DayRegistration registration, DayRecording recording, OutpostLock vault,
                  OutpostProperties settings, CurrentActor currentActor, Clock clock) {
        this.transfers = transfers;
        this.registration = registration;
        this.recording = recording;
        this.vault = vault;
        this.currentActor = currentActor;
        this.clock = clock;
        this.zone = clock.getZone();
        setSizeFull();
        take = new DayTakePanel(transfers, settings, this::operator, this::refresh);
        unlock = new UnlockPanel(this::operator, vault, this::refresh);
        heading.setId("day-heading");
        sending.setId("day-sending");
        lastBack.setId("day-last-back");
        lock = VaultButtons.lock(vault, "day-lock", this::refresh);
        addSlot = VaultButtons.addSlot(vault, "day-add-slot");
        checkIn.setText(getTranslation("outpost.action.check-in"));
        checkIn.setIcon(VaadinIcon.UPLOAD.create());
        checkIn.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        checkIn.setId("day-check-in");
        checkIn.addClickShortcut(Key.KEY_K, KeyModifier.ALT);
        checkIn.addClickListener(click -> transfers.current().ifPresent(day -> new DayCheckInDialog(transfers, day,
                operator(), back -> {
                    Notifications.success(getTranslation("outpost.day.checked-in", back.pointName()));
                    refresh();
                }, this::refresh).open()));
        OpensDialog.button(checkIn);
        board.setText(getTranslation("outpost.day.board"));
        board.setTarget("_blank");
        board.setId("day-board-link");

        register.setId("day-register");
        register.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        register.addColumn(visit -> visit.ticket() == null ? "-" : visit.ticket())
                .setHeader(getTranslation("recording.report.column.ticket")).setAutoWidth(true).setFlexGrow(0);
        register.addColumn(DayDesks.Visit::fullName).setHeader(getTranslation("recording.report.column.name"));
        register.addColumn(visit -> getTranslation("recording.state." + visit.state().name()))
                .setHeader(getTranslation("outpost.day.state"));
        register.setAllRowsVisible(true);

        HorizontalLayout bar = new HorizontalLayout(board, addSlot, lock, checkIn);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        desks.setWidthFull();
        held.setPadding(false);
        held.setWidthFull();
        held.add(heading, sending, bar, desks);
        add(lastBack, take, unlock, held);
        LiveRefresh.whileAttached(this, change -> change.action().startsWith("outpost.day."), Duration.ofSeconds(30),
                this::refreshLists);
        refresh();
    }

    private void refresh() {
        Optional<DayDesks.HeldDay> current = transfers.current();
        boolean locked = current.isPresent() && vault.locked();
        take.setVisible(current.isEmpty());
        unlock.setVisible(locked);
        held.setVisible(current.isPresent() && !locked);
        Optional<DayDesks.HeldDay> back = current.isEmpty() ? transfers.lastBack() : Optional.empty();
        lastBack.setVisible(back.isPresent());
        back.ifPresent(day -> lastBack.setText(getTranslation("outpost.day.last-back", day.pointName(),
                DAY.format(day.day()), day.answer() == null ? "" : day.answer())));
        if (locked) {
            unlock.reset();
            return;
        }
        if (current.isEmpty()) {
            take.reset();
            return;
        }
        DayDesks.HeldDay day = current.get();
        heading.setText(getTranslation("outpost.day.heading", day.pointName(), DAY.format(day.day()),
                TIME.format(day.checkedOutAt().atZone(zone)), day.checkedOutBy(),
                TIME.format(day.dueBack().atZone(zone)),
                day.waiting()));
        sending.setVisible(day.sending());
        sending.setText(getTranslation("outpost.sending", day.waiting()));
        boolean operatorHere = currentActor.get().roles().contains(Roles.REGISTRATION_OPERATOR)
                || currentActor.get().roles().contains(Roles.RECORDING_OPERATOR);
        addSlot.setVisible(operatorHere);
        // The node's administrator sends too (a desk operator's Dinas credentials typed): past its time the day's
        // accounts are closed here, and the day must still go back.
        if (desks.getTabCount() == 0) {
            if (currentActor.get().roles().contains(Roles.REGISTRATION_OPERATOR)) {
                desks.add(getTranslation("outpost.day.tab.registration"),
                        new DayRegistrationPanel(registration, this::operator, clock, this::refreshLists));
            }
            if (currentActor.get().roles().contains(Roles.RECORDING_OPERATOR)) {
                recordingPanel = new DayRecordingPanel(recording, this::operator, this::refreshLists);
                desks.add(getTranslation("outpost.day.tab.recording"), recordingPanel);
            }
            desks.add(getTranslation("outpost.day.tab.register"), register);
        }
        refreshLists();
    }

    /** The lists another desk's step changes: the register, the recording desk's. */
    private void refreshLists() {
        if (transfers.current().isEmpty() || vault.locked()) {
            return;
        }
        register.setItems(transfers.register());
        if (recordingPanel != null) {
            recordingPanel.refresh();
        }
        transfers.current().ifPresent(day -> heading.setText(getTranslation("outpost.day.heading", day.pointName(),
                DAY.format(day.day()), TIME.format(day.checkedOutAt().atZone(zone)), day.checkedOutBy(),
                TIME.format(day.dueBack().atZone(zone)), day.waiting())));
    }

    private String operator() {
        return currentActor.get().id();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.outpost-day");
    }
}
