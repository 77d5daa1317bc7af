package id.dukcapil.portal.booking.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldBase;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import id.dukcapil.portal.shared.ui.BoundForms;
import id.dukcapil.portal.shared.ui.NumericKeypad;
import id.dukcapil.portal.shared.ui.EnterSubmits;
import id.dukcapil.portal.booking.Booking;
import id.dukcapil.portal.booking.BookingRefused;
import id.dukcapil.portal.booking.BookingRequest;
import id.dukcapil.portal.booking.BookingService;
import id.dukcapil.portal.booking.QuotaCalendarService;
import id.dukcapil.portal.booking.TicketDocuments;
import id.dukcapil.portal.booking.UrgentNeed;
import id.dukcapil.portal.booking.UrgentReason;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.barcode.Codes;
import id.dukcapil.portal.shared.ui.BeanRule;
import id.dukcapil.portal.shared.ui.Downloads;
import id.dukcapil.portal.shared.ui.FilterBar;
import id.dukcapil.portal.shared.ui.FitText;
import id.dukcapil.portal.shared.ui.Notifications;
import id.dukcapil.portal.staff.MyAccount;
import id.dukcapil.portal.staff.ServicePoint;
import id.dukcapil.portal.staff.ServicePoints;
import id.dukcapil.portal.staff.StaffAccount;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;

/**
 * A clerk books for a resident with an urgent need (health, hajj/umrah, banking): the day's staff reserve may be
 * used and today can be booked. The ticket is shown at once, with its barcode and the PDF to print. The form is bound
 * to {@link UrgentBookingForm}: a NIK not of sixteen digits, no need, a note too long or missing where the need asks
 * for one are told at their fields before the service is asked.
 */
@Route("booking-for-resident")
@RolesAllowed({Roles.OPERATOR, Roles.PRINT_OPERATOR, Roles.PLANNER, Roles.MANAGER, Roles.ADMIN})
@Menu(title = "nav.booking-for-resident", order = 21, icon = "vaadin:ticket")
class StaffBookingView extends VerticalLayout implements HasDynamicTitle {

    final ComboBox<ServicePoint> point = new ComboBox<>();
    final DayPicker days = new DayPicker("booking.staff.free");
    final TextField nik = new TextField();
    final ComboBox<UrgentNeed> need = new ComboBox<>();
    final TextField note = new TextField();
    final Button book = new Button();
    final Div ticket = new Div();
    private final QuotaCalendarService quotas;
    private final TicketDocuments documents;
    private final Clock clock;
    private final Binder<UrgentBookingForm> binder = new Binder<>(UrgentBookingForm.class);

    StaffBookingView(BookingService bookings, QuotaCalendarService quotas, ServicePoints servicePoints, MyAccount myAccount,
                     TicketDocuments documents, Clock clock) {
        this.quotas = quotas;
        this.documents = documents;
        this.clock = clock;
        setMaxWidth("60rem");
        point.setLabel(getTranslation("booking.staff.point"));
        point.setItems(servicePoints.active());
        point.setItemLabelGenerator(ServicePoint::name);
        FitText.toItems(point);
        point.addValueChangeListener(change -> showDays());
        days.onPick(day -> nik.focus());
        nik.setLabel(getTranslation("booking.staff.nik"));
        nik.setMaxLength(Nik.LENGTH);
        nik.setAllowedCharPattern("[0-9]");
        NumericKeypad.on(nik);
        nik.setWidth("14em");
        need.setLabel(getTranslation("booking.staff.need"));
        need.setItems(UrgentNeed.values());
        need.setItemLabelGenerator(value -> getTranslation(value.labelKey()));
        FitText.toItems(need);
        need.setRequired(true);
        note.setLabel(getTranslation("booking.staff.note"));
        note.setMaxLength(UrgentReason.NOTE_MAX_LENGTH);
        note.setWidth("20em");
        bind();
        book.setText(getTranslation("booking.staff.submit"));
        book.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        // Enter in the form books; Enter on a day cell only picks the day.
        EnterSubmits.on(book, nik, note, need);
        book.addClickListener(click -> book(bookings));
        ticket.setId("staff-ticket");
        add(new H3(getTranslation("booking.staff.title")), new Paragraph(getTranslation("booking.staff.intro")),
                point, days, new FilterBar(nik, need, note, book), ticket);
        myAccount.current().map(StaffAccount::servicePoint).ifPresent(point::setValue);
    }

    private void bind() {
        nik.setI18n(new TextField.TextFieldI18n().setMaxLengthErrorMessage(getTranslation("booking.refused.INVALID_NIK")));
        note.setI18n(new TextField.TextFieldI18n()
                .setMaxLengthErrorMessage(getTranslation("booking.staff.note.too-long", UrgentReason.NOTE_MAX_LENGTH)));
        binder.forField(nik).withValidator(BeanRule.of(UrgentBookingForm.class, "nik")).bind("nik");
        binder.forField(need).withValidator(BeanRule.of(UrgentBookingForm.class, "need")).bind("need");
        binder.forField(note).withValidator(BeanRule.<String>of(UrgentBookingForm.class, "note")
                        .withArgs(UrgentReason.NOTE_MAX_LENGTH))
                // An "other" need is said in words: the reason's own rule, checked here first.
                .withValidator(typed -> need.getValue() != UrgentNeed.OTHER || !typed.isBlank(),
                        getTranslation("booking.staff.note.required"))
                .bind("note");
        binder.readRecord(UrgentBookingForm.empty());
    }

    private void showDays() {
        days.clear();
        if (point.getValue() == null) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        days.show(quotas.staffAvailability(point.getValue().code(), today,
                today.plusDays(QuotaCalendarService.BOOKING_HORIZON_DAYS)), null);
    }

    private void book(BookingService bookings) {
        LocalDate day = days.value().orElse(null);
        if (point.getValue() == null || day == null) {
            Notifications.error(getTranslation("booking.staff.choose"));
            return;
        }
        Optional<UrgentBookingForm> written = BoundForms.record(binder);
        if (written.isEmpty()) {
            return; // each field says what is wrong with it; nothing was booked
        }
        UrgentBookingForm typed = written.get();
        try {
            Booking booking = bookings.bookForResident(new BookingRequest(typed.nik(), point.getValue().code(), day),
                    new UrgentReason(Objects.requireNonNull(typed.need()), typed.note()));
            Notifications.success(getTranslation("booking.staff.done", booking.code(), booking.queueNumber()));
            showTicket(booking);
            // Emptied for the next resident, not wrongly filled: no red "required" on a field nobody has touched yet.
            binder.readRecord(UrgentBookingForm.empty());
            showDays();
            ticket.scrollIntoView(); // the ticket to print, below the days, in view
        } catch (RuleViolation violation) {
            showRefusal(violation);
            showDays();
        }
    }

    /**
     * A refusal about the NIK or the note at its field, focused: Enter in the form books, so the clerk is typing in
     * that field, and a message in the middle of the screen lay over it (issue 36). The others as a message.
     */
    private void showRefusal(RuleViolation violation) {
        TextFieldBase<?, ?> field = violation instanceof BookingRefused refused ? switch (refused.code()) {
            case INVALID_NIK, NIK_NOT_FOUND, ACTIVE_BOOKING_EXISTS, NOT_PRINT_READY -> nik;
            default -> null;
        } : violation.messageKeys().contains("booking.staff.note.required") ? note : null;
        Notifications.at(field, violation);
    }

    private void showTicket(Booking booking) {
        ticket.removeAll();
        H3 code = new H3(booking.code());
        code.addClassName("ticket-code");
        byte[] barcode = Codes.png(Codes.code128(booking.code()));
        Image image = new Image(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                new ByteArrayInputStream(barcode), "barcode.png", "image/png", barcode.length)), booking.code());
        image.setWidth("24em");
        var locale = getLocale();
        Anchor print = new Anchor(Downloads.named("tiket-" + booking.code() + ".pdf", "application/pdf",
                () -> documents.pdfForStaff(booking, locale)), AttachmentType.INLINE,
                getTranslation("booking.staff.print"));
        print.setTarget(AnchorTarget.BLANK);
        print.setId("print-" + booking.code());
        ticket.add(code, new Paragraph(getTranslation("booking.staff.ticket", booking.queueNumber(),
                DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", getLocale()).format(booking.day()),
                booking.residentName(), point.getValue() == null ? booking.servicePoint() : point.getValue().name())),
                image, print);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.booking-for-resident") + " · Dukcapil Portal";
    }
}
