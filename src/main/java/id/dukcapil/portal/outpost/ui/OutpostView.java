package id.dukcapil.portal.outpost.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import id.dukcapil.portal.outpost.OutpostDesk;
import id.dukcapil.portal.outpost.OutpostLock;
import id.dukcapil.portal.outpost.OutpostTransfers;
import id.dukcapil.portal.outpost.OutpostProperties;
import id.dukcapil.portal.outpost.TakenStudent;
import id.dukcapil.portal.outpost.TakenVisit;
import id.dukcapil.portal.population.EnrolmentStatus;
import id.dukcapil.portal.schoolvisit.OutpostBundle.Kind;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.ui.Notifications;
import id.dukcapil.portal.shared.ui.OpensDialog;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The field team's screen on an outpost node (issue 53, decision 199), offered only where the node is one
 * ({@link OutpostRoute}). While connected the team takes its visit from the Dinas; then, without a connection, each
 * student's step is one tap, kept here with its time; back in reach of the Dinas, one check-in sends them all. The
 * visit's clock and the blank cards left stay in sight.
 */
@Route(value = "pos-lapangan", registerAtStartup = false)
@RolesAllowed({Roles.FIELD_OFFICER, Roles.ADMIN})
@Menu(title = "nav.outpost", order = 66.2, icon = "vaadin:laptop")
class OutpostView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    final TakePanel take;
    final UnlockPanel unlock;
    final Button lock;
    final Button addSlot;
    final Paragraph heading = new Paragraph();
    final Paragraph cards = new Paragraph();
    /** Step 8 for the cards printed here: what waits for the centre, said so. */
    final Paragraph handover = new Paragraph();
    final Paragraph lastBack = new Paragraph();
    final Button spoiled = new Button();
    final Button checkIn = new Button();
    final TextField filter = new TextField();
    final Grid<TakenStudent> roster = new Grid<>();
    final Paragraph sending = new Paragraph();
    private final VerticalLayout held = new VerticalLayout();
    private final OutpostDesk desk;
    private final OutpostLock vault;
    private final ZoneId zone;
    private List<TakenStudent> students = List.of();

    OutpostView(OutpostDesk desk, OutpostTransfers transfers, OutpostLock vault, OutpostProperties settings,
                Clock clock) {
        this.desk = desk;
        this.vault = vault;
        this.zone = clock.getZone();
        setSizeFull();
        take = new TakePanel(desk, transfers, settings, this::refresh);
        unlock = new UnlockPanel(desk::officer, vault, this::refresh);
        sending.setId("outpost-sending");
        lock = VaultButtons.lock(vault, "outpost-lock", this::refresh);
        addSlot = VaultButtons.addSlot(vault, "outpost-add-slot");
        heading.setId("outpost-heading");
        cards.setId("outpost-cards");
        handover.setId("outpost-handover");
        handover.setText(getTranslation("outpost.cards.handover"));
        lastBack.setId("outpost-last-back");

        spoiled.setText(getTranslation("outpost.action.spoiled"));
        spoiled.setIcon(VaadinIcon.TRASH.create());
        spoiled.setId("outpost-spoiled");
        spoiled.addClickListener(click -> new CardDialog(getTranslation("outpost.spoiled.title"),
                getTranslation("outpost.spoiled.text"), serial -> {
                    desk.spoiled(serial);
                    Notifications.success(getTranslation("outpost.spoiled.done", serial));
                    refresh();
                }).open());
        OpensDialog.button(spoiled);
        checkIn.setText(getTranslation("outpost.action.check-in"));
        checkIn.setIcon(VaadinIcon.UPLOAD.create());
        checkIn.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        checkIn.setId("outpost-check-in");
        checkIn.addClickListener(click -> desk.current().ifPresent(visit -> new CheckInDialog(desk, transfers,
                visit, this::checkedIn, this::refresh).open()));
        OpensDialog.button(checkIn);
        checkIn.addClickShortcut(Key.KEY_K, KeyModifier.ALT);

        filter.setPlaceholder(getTranslation("outpost.filter"));
        filter.setPrefixComponent(VaadinIcon.SEARCH.create());
        filter.setMaxLength(60);
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.setClearButtonVisible(true);
        filter.setId("outpost-filter");
        filter.addValueChangeListener(change -> showRoster());

        roster.setId("outpost-roster");
        // The student in one column (name, class, what the register says and what was done here) and the steps in
        // the other: the roster fits a phone as well as a tablet or a laptop.
        roster.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        // The steps the wider part: on a phone the widest ("Sudah terekam", "Recorded before") still fits its column,
        // the student's words wrap beside it.
        roster.addComponentColumn(this::student).setHeader(getTranslation("outpost.student.name")).setFlexGrow(2);
        roster.addComponentColumn(this::actions).setHeader(getTranslation("outpost.student.actions"))
                .setFlexGrow(3);
        roster.setSizeFull();
        // On a phone the visit's lines and buttons take most of the height: the roster keeps room for a few students
        // and the page scrolls, rather than a sliver of a grid.
        roster.setMinHeight("24rem");

        HorizontalLayout bar = new HorizontalLayout(filter, spoiled, addSlot, lock, checkIn);
        bar.setWidthFull();
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        bar.setFlexGrow(1, filter);
        bar.setWrap(true);
        held.setPadding(false);
        held.setSizeFull();
        held.add(heading, cards, handover, sending, bar, roster);
        add(lastBack, take, unlock, held);
        refresh();
    }

    private void refresh() {
        Optional<TakenVisit> current = desk.current();
        boolean locked = current.isPresent() && vault.locked();
        take.setVisible(current.isEmpty());
        unlock.setVisible(locked);
        held.setVisible(current.isPresent() && !locked);
        if (locked) {
            unlock.reset();
            students = List.of();
            roster.setItems(students);
            return;
        }
        Optional<TakenVisit> back = current.isEmpty() ? desk.lastBack() : Optional.empty();
        lastBack.setVisible(back.isPresent());
        back.ifPresent(visit -> lastBack.setText(getTranslation("outpost.last-back", visit.schoolName(),
                DAY.format(visit.day()), visit.answer() == null ? "" : visit.answer())));
        current.ifPresent(visit -> {
            heading.setText(getTranslation("outpost.heading", visit.schoolName(), DAY.format(visit.day()),
                    TIME.format(visit.checkedOutAt().atZone(zone)), visit.checkedOutBy(),
                    TIME.format(visit.dueBack().atZone(zone))));
            cards.setText(getTranslation("outpost.cards", visit.cardsOut(), visit.cardsPrinted(),
                    visit.cardsSpoiled(), visit.cardsLeft(), visit.waiting()));
            handover.setVisible(visit.cardsPrinted() > 0);
            sending.setVisible(visit.sending());
            sending.setText(getTranslation("outpost.sending", visit.waiting()));
            spoiled.setEnabled(visit.cardsLeft() > 0 && !visit.sending());
            spoiled.setVisible(desk.fieldOfficer());
            addSlot.setVisible(desk.fieldOfficer());
            students = desk.roster();
            showRoster();
        });
        if (current.isEmpty()) {
            students = List.of();
            take.reset();
        }
    }

    private void showRoster() {
        String wanted = filter.getValue().strip().toLowerCase(Locale.ROOT);
        roster.setItems(wanted.isEmpty() ? students : students.stream()
                .filter(student -> student.fullName().toLowerCase(Locale.ROOT).contains(wanted)
                        || student.className().toLowerCase(Locale.ROOT).contains(wanted))
                .toList());
    }

    /** The student's name, and below it the class and the standing. */
    private Div student(TakenStudent student) {
        Span name = new Span(student.fullName());
        name.getStyle().set("font-weight", "600");
        Span standing = new Span(student.className() + " · " + standing(student));
        standing.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-s)")
                .set("color", "var(--lumo-secondary-text-color)");
        return new Div(name, standing);
    }

    /** The register's status as packed, and what the team did here. */
    private String standing(TakenStudent student) {
        String register = student.enrolmentStatus() == null ? getTranslation("outpost.student.not-in-register")
                : getTranslation(student.enrolmentStatus().labelKey());
        String here = student.outcome() == null ? "" : " · " + getTranslation("outpost.kind." + student.outcome());
        String card = student.cardSerial() == null ? ""
                : " · " + getTranslation("outpost.student.card", student.cardSerial());
        // What needs the centre waits, said so, never faked: the central enrolment's answer comes at the Dinas.
        boolean centre = student.outcome() == Kind.RECORDED || student.outcome() == Kind.CORRECTED
                || student.outcome() == null && (student.enrolmentStatus() == EnrolmentStatus.BIOMETRICS_CAPTURED
                || student.enrolmentStatus() == EnrolmentStatus.SENT_FOR_ENROLMENT);
        // Recorded, or found recorded, before 17: the card waits for the birthday, printed at the Dinas.
        boolean seen = student.outcome() == Kind.RECORDED || student.outcome() == Kind.FOUND_RECORDED;
        String birthday = seen && student.printsOn() != null
                ? " · " + getTranslation("outpost.student.birthday", DAY.format(student.printsOn())) : "";
        return register + here + card + (centre ? " · " + getTranslation("outpost.student.waiting-centre") : "")
                + birthday;
    }

    /** One button per step open for the student: one tap, kept here with its time. */
    private HorizontalLayout actions(TakenStudent student) {
        HorizontalLayout buttons = new HorizontalLayout();
        buttons.setSpacing(true);
        buttons.setWrap(true);
        buttons.setWidthFull(); // the cell's width: on a phone the steps wrap under each other, none cut
        for (Kind kind : List.of(Kind.FOUND_RECORDED, Kind.RECORDED, Kind.CORRECTED, Kind.CARD_PRINTED, Kind.ABSENT,
                Kind.REFUSED)) {
            if (!student.allowed().contains(kind)) {
                continue;
            }
            Button button = new Button(getTranslation("outpost.action." + kind));
            button.addThemeVariants(ButtonVariant.LUMO_SMALL);
            if (kind == Kind.RECORDED || kind == Kind.FOUND_RECORDED || kind == Kind.CARD_PRINTED) {
                button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            }
            button.setId("outpost-" + kind.name().toLowerCase(Locale.ROOT) + "-" + student.studentId());
            button.setDisableOnClick(true); // a second tap while the first is saved takes no second step
            if (kind == Kind.CORRECTED) {
                OpensDialog.button(button);
                button.addClickListener(click -> {
                    button.setEnabled(true);
                    new CorrectionDialog(student.fullName(), correction -> {
                        desk.corrected(student.studentId(), correction);
                        Notifications.success(getTranslation("outpost.correct.done", student.fullName()));
                        refresh();
                    }).open();
                });
            } else if (kind == Kind.CARD_PRINTED) {
                OpensDialog.button(button);
                button.addClickListener(click -> {
                    button.setEnabled(true);
                    new CardDialog(getTranslation("outpost.print.title"),
                            getTranslation("outpost.print.text", student.fullName()), serial -> {
                                desk.record(student.studentId(), kind, serial);
                                Notifications.success(getTranslation("outpost.print.done", student.fullName(),
                                        serial));
                                refresh();
                            }).open();
                });
            } else {
                button.addClickListener(click -> {
                    if (Notifications.unlessRefused(() -> desk.record(student.studentId(), kind, null))) {
                        Notifications.success(getTranslation("outpost.recorded", student.fullName(),
                                getTranslation("outpost.kind." + kind)));
                        refresh();
                    } else {
                        button.setEnabled(true);
                    }
                });
            }
            buttons.add(button);
        }
        if (buttons.getComponentCount() == 0 && (student.outcome() != null || student.cardSerial() != null)) {
            // Nothing more for a student the team saw here; nothing at all is shown while no step is open to this
            // user (the laptop's administrator, a bundle on its way).
            buttons.add(new Span(getTranslation("outpost.student.done")));
        }
        return buttons;
    }

    private void checkedIn(TakenVisit visit) {
        Notifications.success(getTranslation("outpost.check-in.done", visit.schoolName()));
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.outpost");
    }
}
