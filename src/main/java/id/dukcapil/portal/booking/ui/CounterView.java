package id.dukcapil.portal.booking.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import id.dukcapil.portal.blanko.StockMovement;
import id.dukcapil.portal.booking.ui.CounterForms.NotPrintable;
import id.dukcapil.portal.booking.ui.CounterForms.PrintedCard;
import id.dukcapil.portal.booking.ui.CounterForms.SpoiledCard;
import id.dukcapil.portal.shared.NaturalOrder;
import id.dukcapil.portal.shared.ui.BeanRule;
import id.dukcapil.portal.shared.ui.BoundForms;
import id.dukcapil.portal.shared.ui.DestructiveConfirm;
import id.dukcapil.portal.shared.ui.FieldRefusals;
import id.dukcapil.portal.shared.ui.FilterBar;
import id.dukcapil.portal.booking.Booking;
import id.dukcapil.portal.booking.BookingStatus;
import id.dukcapil.portal.booking.CannotPrintReason;
import id.dukcapil.portal.booking.CounterCase;
import id.dukcapil.portal.booking.CounterService;
import id.dukcapil.portal.booking.QueuedBooking;
import id.dukcapil.portal.population.CardPrintReason;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.live.Change;
import id.dukcapil.portal.shared.ui.FitText;
import id.dukcapil.portal.shared.ui.LiveRefresh;
import id.dukcapil.portal.shared.ui.Notifications;
import id.dukcapil.portal.shared.ui.OpensDialog;
import id.dukcapil.portal.shared.ui.RowOpener;
import id.dukcapil.portal.shared.ui.VaadinTexts;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The print counter: a hand scanner types the booking code and Enter (or the clerk types it). The screen shows
 * whose booking it is, or why it is refused; then Printed, Spoiled (reprint) or Cannot print with the advice.
 * Below, the day's queue at the point: a click or Enter on a booking still to come puts its code in the field.
 */
@Route("counter")
@RolesAllowed({Roles.OPERATOR, Roles.PRINT_OPERATOR})
@Menu(title = "nav.counter", order = 20, icon = "vaadin:barcode")
class CounterView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    final TextField code = new TextField();
    final Div result = new Div();
    final H3 citizen = new H3();
    final Paragraph details = new Paragraph();
    final Paragraph warning = new Paragraph();
    final RadioButtonGroup<CardPrintReason> printReason = new RadioButtonGroup<>();
    final Button printed = new Button();
    final TextField spoilReason = new TextField();
    final Button spoiled = new Button();
    final ComboBox<CannotPrintReason> cannotReason = new ComboBox<>();
    final TextField cannotNote = new TextField();
    final Button cannotPrint = new Button();
    final Paragraph advice = new Paragraph();
    final Button noShows = new Button();
    final Div residentsGone = new Div();
    final H3 queueTitle = new H3();
    final Grid<QueuedBooking> queue = new Grid<>();
    private final List<QueuedBooking> queueRows = new ArrayList<>();
    private final Binder<PrintedCard> printedForm = new Binder<>(PrintedCard.class);
    private final Binder<SpoiledCard> spoiledForm = new Binder<>(SpoiledCard.class);
    private final Binder<NotPrintable> notPrintableForm = new Binder<>(NotPrintable.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern(VaadinTexts.DATE_FORMAT);
    /** The Indonesian way of writing a time of day: 09.05. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH.mm");
    private final CounterService counter;
    private final Clock clock;
    private @Nullable Booking current;
    private String pointName = "";

    CounterView(CounterService counter, Clock clock) {
        this.counter = counter;
        this.clock = clock;
        // A colleague at the next desk serves the same queue: it is read again while the screen is open.
        LiveRefresh.whileAttached(this, aboutTheQueueAt(counter.point().orElse(null)), this::showQueue);
        code.setId("counter-code");
        citizen.setId("counter-citizen");
        code.setLabel(getTranslation("booking.counter.code"));
        code.setPlaceholder(getTranslation("booking.counter.code.placeholder"));
        code.setAutofocus(true);
        code.setClearButtonVisible(true);
        FitText.toPlaceholder(code);
        code.addKeyPressListener(Key.ENTER, event -> scan());
        printed.setText(getTranslation("booking.counter.printed"));
        printed.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        printed.addClickListener(click -> printed());
        printReason.setLabel(getTranslation("booking.counter.print-reason"));
        printReason.setItemLabelGenerator(reason -> getTranslation(reason.labelKey()));
        spoilReason.setLabel(getTranslation("booking.counter.spoil-reason"));
        spoiled.setText(getTranslation("booking.counter.spoiled"));
        spoiled.addThemeVariants(ButtonVariant.LUMO_ERROR);
        spoiled.addClickListener(click -> BoundForms.record(spoiledForm).ifPresent(typed ->
                act(() -> counter.spoiled(currentCode(), typed.reason()), "booking.counter.spoiled.done")));
        cannotReason.setLabel(getTranslation("booking.counter.cannot-reason"));
        cannotReason.setItems(CannotPrintReason.values());
        cannotReason.setItemLabelGenerator(reason -> getTranslation(reason.labelKey()));
        FitText.toItems(cannotReason);
        cannotNote.setLabel(getTranslation("booking.counter.note"));
        cannotPrint.setText(getTranslation("booking.counter.cannot-print"));
        cannotPrint.addClickListener(click -> cannotPrint());
        noShows.setText(getTranslation("booking.counter.no-shows"));
        noShows.setId("counter-no-shows");
        noShows.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        noShows.addClickListener(click -> markNoShows());
        OpensDialog.button(noShows);
        warning.addClassName("counter-warning");
        residentsGone.addClassName("counter-warning");

        bind();

        FlexLayout printBar = new FilterBar(printed, spoilReason, spoiled);
        FlexLayout cannotBar = new FilterBar(cannotReason, cannotNote, cannotPrint);
        result.add(citizen, details, warning, printReason, printBar, cannotBar, advice);
        result.setVisible(false);
        buildQueue();
        add(new FilterBar(code, noShows), residentsGone, result, queueTitle, queue);
    }

    /** Today's bookings at the point; a day's queue is bounded by the point's quota, so it is read whole. */
    /** Each form's fields bound to its record: what is missing or too long said at the field, nothing sent. */
    private void bind() {
        spoilReason.setMaxLength(StockMovement.REASON_MAX_LENGTH);
        spoilReason.setI18n(new TextField.TextFieldI18n()
                .setMaxLengthErrorMessage(getTranslation("blanko.error.too-long", StockMovement.REASON_MAX_LENGTH)));
        cannotNote.setMaxLength(Booking.NOTE_MAX_LENGTH);
        cannotNote.setI18n(new TextField.TextFieldI18n()
                .setMaxLengthErrorMessage(getTranslation("booking.counter.note-too-long", Booking.NOTE_MAX_LENGTH)));
        printedForm.forField(printReason).withValidator(BeanRule.of(PrintedCard.class, "reason")).bind("reason");
        spoiledForm.forField(spoilReason).withValidator(BeanRule.<String>of(SpoiledCard.class, "reason")
                .withArgs(StockMovement.REASON_MAX_LENGTH)).bind("reason");
        notPrintableForm.forField(cannotReason).withValidator(BeanRule.of(NotPrintable.class, "reason")).bind("reason");
        notPrintableForm.forField(cannotNote).withValidator(BeanRule.<String>of(NotPrintable.class, "note")
                .withArgs(Booking.NOTE_MAX_LENGTH)).bind("note");
        printedForm.readRecord(PrintedCard.empty());
        spoiledForm.readRecord(SpoiledCard.empty());
        notPrintableForm.readRecord(NotPrintable.empty());
    }

    private void buildQueue() {
        queue.setId("counter-queue");
        queue.addColumn(queued -> queued.booking().queueNumber()).setComparator(queued -> queued.booking().queueNumber())
                .setHeader(getTranslation("booking.counter.queue.number"))
                .setAutoWidth(true).setFlexGrow(0);
        queue.addColumn(queued -> time(queued.booking())).setSortable(true).setHeader(getTranslation("booking.counter.queue.time"))
                .setAutoWidth(true).setFlexGrow(0);
        queue.addColumn(queued -> queued.booking().code()).setSortable(true).setHeader(getTranslation("booking.counter.code"))
                .setAutoWidth(true).setFlexGrow(0);
        queue.addColumn(queued -> queued.booking().residentName())
                .setComparator(Comparator.comparing(queued -> queued.booking().residentName(), NaturalOrder.TEXT)).setHeader(getTranslation("booking.counter.queue.name"))
                .setFlexGrow(2);
        queue.addColumn(this::status).setSortable(true).setHeader(getTranslation("booking.counter.queue.status")).setFlexGrow(1);
        queue.setPartNameGenerator(queued -> queued.waiting() ? "waiting" : null);
        queue.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        queue.setHeight("24em");
        queue.setItems(queueRows);
        RowOpener.install(queue, this::takeNext);
    }

    /**
     * The booking changes at this point, or by a citizen (who has none): a check-in at another point redraws nothing
     * here (OfficeLoadBenchmark: 20 counters redrawn at each of the office's check-ins).
     */
    static Predicate<Change> aboutTheQueueAt(@Nullable String point) {
        return Change.inModules("booking").and(change -> point == null || change.at(point));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        showResidentsGone();
        showQueue();
    }

    void showQueue() {
        List<QueuedBooking> today = counter.todaysQueue();
        long waiting = today.stream().filter(QueuedBooking::waiting).count();
        queueTitle.setText(getTranslation("booking.counter.queue.title", today.size(), waiting));
        // The same rows refreshed, not new items: the clerk's place in a long queue survives the 30 s refresh.
        queueRows.clear();
        queueRows.addAll(today);
        queue.getDataProvider().refreshAll();
    }

    /** A booking still to come becomes the desk's next task: its code in the field, Enter checks the citizen in. */
    private void takeNext(QueuedBooking queued) {
        if (!queued.booking().status().open()) {
            return;
        }
        code.setValue(queued.booking().code());
        code.focus();
        Notifications.success(getTranslation("booking.counter.queue.taken", queued.booking().queueNumber(),
                queued.booking().residentName()));
    }

    private String status(QueuedBooking queued) {
        if (queued.residentGone() && queued.booking().status().open()) {
            return getTranslation("booking.counter.queue.status.gone");
        }
        return getTranslation("booking.counter.queue.status." + queued.booking().status().name());
    }

    /** When the booking last moved: checked in or done; a time today, the date of another day (an early cancel). */
    private String time(Booking booking) {
        Instant last = booking.finishedAt() != null ? booking.finishedAt() : booking.arrivedAt();
        if (last == null) {
            return "";
        }
        ZonedDateTime at = last.atZone(clock.getZone());
        return at.toLocalDate().equals(LocalDate.now(clock)) ? TIME.format(at) : DAY.format(at);
    }

    /** Bookings whose resident SIAK's latest extract no longer lists: the clerk knows before the citizen comes. */
    private void showResidentsGone() {
        List<Booking> gone = counter.residentsGoneAhead();
        residentsGone.removeAll();
        residentsGone.setVisible(!gone.isEmpty());
        residentsGone.add(new Paragraph(getTranslation("booking.counter.gone-ahead", gone.size())));
        for (Booking booking : gone) {
            residentsGone.add(new Paragraph(getTranslation(booking.status() == BookingStatus.CANCELLED
                            ? "booking.counter.gone-ahead.cancelled" : "booking.counter.gone-ahead.booking",
                    DAY.format(booking.day()), booking.queueNumber(), booking.residentName(), booking.code())));
        }
    }

    void scan() {
        showResidentsGone(); // an import may have marked one since the screen was opened
        try {
            show(counter.scan(code.getValue()));
        } catch (RuleViolation violation) {
            current = null;
            result.setVisible(false);
            Notifications.error(violation);
        }
        code.clear();
        code.focus();
        showQueue();
    }

    private void show(CounterCase found) {
        current = found.booking();
        Booking booking = found.booking();
        result.setVisible(true);
        citizen.setText(getTranslation("booking.counter.citizen", booking.residentName(), booking.queueNumber()));
        pointName = found.servicePointName();
        showDetails(booking);
        warning.setText(found.printRefusal() == null ? "" : getTranslation(found.printRefusal()));
        warning.setVisible(found.printRefusal() != null);
        printed.setEnabled(found.printRefusal() == null);
        // The first card needs no choice; another card's reason is the operator's to say, never guessed.
        printReason.setItems(found.printReasons());
        printedForm.readRecord(new PrintedCard(found.firstCard() ? CardPrintReason.FIRST : null));
        printReason.setVisible(found.printRefusal() == null);
        spoiledForm.readRecord(SpoiledCard.empty());
        notPrintableForm.readRecord(new NotPrintable(found.suggestedReason(), ""));
        advice.setText("");
    }

    /** NIK, day, point (by name) and state of the booking shown. */
    private void showDetails(Booking booking) {
        details.setText(getTranslation("booking.counter.details", booking.maskedNik(),
                DAY.format(booking.day()), pointName,
                getTranslation(booking.status().labelKey()), booking.spoiled()));
    }

    private void act(Supplier<Booking> action, String doneKey) {
        Notifications.unlessRefused(() -> {
            Booking booking = action.get();
            Notifications.success(getTranslation(doneKey, booking.code()));
            spoiledForm.readRecord(SpoiledCard.empty());
            if (booking.status().open()) {
                current = booking;
                showDetails(booking);
            } else {
                result.setVisible(false);
                current = null;
            }
        });
        code.focus();
        showQueue();
    }

    private void printed() {
        BoundForms.record(printedForm).ifPresent(typed ->
                act(() -> counter.printed(currentCode(), Objects.requireNonNull(typed.reason())),
                        "booking.counter.printed.done"));
    }

    private void cannotPrint() {
        Optional<NotPrintable> written = BoundForms.record(notPrintableForm);
        if (written.isEmpty()) {
            return; // each field says what is wrong with it; nothing was recorded
        }
        CannotPrintReason reason = Objects.requireNonNull(written.get().reason());
        try {
            Booking booking = counter.cannotPrint(currentCode(), reason, written.get().note());
            Notifications.success(getTranslation("booking.counter.cannot-print.done", booking.code()));
            printed.setEnabled(false);
            spoiled.setEnabled(false);
            cannotPrint.setEnabled(false);
            advice.setText(getTranslation(reason.adviceKey()));
        } catch (RuleViolation violation) {
            FieldRefusals.of(Map.of("booking.counter.note-too-long", cannotNote)).show(violation);
        }
        showQueue();
    }

    /** Says how many bookings it marks (they can no longer be printed today) and asks first. */
    void markNoShows() {
        int waiting;
        try {
            waiting = counter.notYetArrived();
        } catch (RuleViolation violation) {
            Notifications.error(violation);
            return;
        }
        if (waiting == 0) {
            Notifications.success(getTranslation("booking.counter.no-shows.none"));
            return;
        }
        // The Enter a scanner sends after a scan must not mark the whole day absent: the safe choice has the focus.
        DestructiveConfirm.ask(getTranslation("booking.counter.no-shows.confirm.title"),
                getTranslation("booking.counter.no-shows.confirm.text", waiting), getTranslation("shared.cancel"),
                getTranslation("booking.counter.no-shows.confirm.ok", waiting), () -> {
                    try {
                        int marked = counter.markNoShows();
                        Notifications.success(getTranslation("booking.counter.no-shows.done", marked));
                    } catch (RuleViolation violation) {
                        Notifications.error(violation);
                    }
                    showQueue();
                });
    }

    private String currentCode() {
        if (current == null) {
            throw new RuleViolation("booking.counter.scan-first");
        }
        return current.code();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.counter") + " · Dukcapil Portal";
    }
}
