package id.dukcapil.portal.booking.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import id.dukcapil.portal.shared.ui.NumericKeypad;
import id.dukcapil.portal.booking.BookingRefused;
import id.dukcapil.portal.booking.BookingRequest;
import id.dukcapil.portal.booking.BookingService;
import id.dukcapil.portal.booking.TicketSteps;
import id.dukcapil.portal.booking.CitizenSession;
import id.dukcapil.portal.booking.QuotaCalendarService;
import id.dukcapil.portal.shared.KkNumber;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.ui.BeanRule;
import id.dukcapil.portal.shared.ui.BoundForms;
import id.dukcapil.portal.shared.ui.Notifications;
import id.dukcapil.portal.sla.SopStep;
import id.dukcapil.portal.staff.ServicePoint;
import id.dukcapil.portal.staff.ServicePoints;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * "Booking Antrian KTP" (SOP A steps 6–7): the NIK whose card is printed with the number of the family card listing
 * that person (the proof, decision 068), a service point, then a day on a calendar of free places (full and closed
 * days cannot be picked), and the request.
 */
@Route(value = "bds/booking", autoLayout = false)
@AnonymousAllowed
class BdsBookingView extends BdsPage implements BeforeEnterObserver {

    final ComboBox<ServicePoint> point = new ComboBox<>();
    final DayPicker calendar = new DayPicker("bds.booking.free");
    final TextField nik = new TextField();
    final TextField kkNumber = new TextField();
    final Button book = new Button();
    private final Binder<CitizenBookingForm> form = new Binder<>(CitizenBookingForm.class);
    private final QuotaCalendarService quotas;
    private final ServicePoints servicePoints;
    private final TicketSteps ticketSteps;
    /** One key per attempt on this screen: a double tap or a retry after a lost answer books once. */
    private String idempotencyKey = UUID.randomUUID().toString();

    BdsBookingView(BookingService bookings, QuotaCalendarService quotas, ServicePoints servicePoints,
                   TicketSteps ticketSteps, Clock clock) {
        super(clock);
        this.ticketSteps = ticketSteps;
        this.quotas = quotas;
        this.servicePoints = servicePoints;
        point.setId("bds-point");
        nik.setId("bds-nik");
        book.setId("bds-submit");
        point.setLabel(getTranslation("bds.booking.point"));
        point.setItems(servicePoints.active());
        point.setItemLabelGenerator(ServicePoint::name);
        point.setWidthFull();
        point.addValueChangeListener(change -> showCalendar());
        calendar.setId("bds-calendar");
        nik.setLabel(getTranslation("bds.booking.nik"));
        nik.setMaxLength(Nik.LENGTH);
        nik.setAllowedCharPattern("[0-9]");
        NumericKeypad.on(nik);
        nik.setWidthFull();
        kkNumber.setId("bds-kk");
        kkNumber.setLabel(getTranslation("bds.booking.kk"));
        kkNumber.setHelperText(getTranslation("bds.booking.kk.help"));
        kkNumber.setMaxLength(KkNumber.LENGTH);
        kkNumber.setAllowedCharPattern("[0-9]");
        NumericKeypad.on(kkNumber);
        kkNumber.setWidthFull();
        book.setText(getTranslation("bds.booking.submit"));
        book.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        book.setWidthFull();
        book.addClickListener(click -> book(bookings));
        bind();
        // Whose card first (typed once), then where and when; the day chosen and the button stay at the foot of the
        // screen, under the thumb, however far the calendar reaches (issue 36, item 8).
        Div submit = new Div(calendar.chosen, book);
        submit.addClassName("bds-submit-bar");
        show(new H2(getTranslation("bds.book")), nik, kkNumber, point, calendar, submit);
    }

    /** Each field bound to the form's record: a NIK or KK number not of sixteen digits is said at it, nothing sent. */
    private void bind() {
        nik.setI18n(new TextField.TextFieldI18n().setMaxLengthErrorMessage(getTranslation("booking.refused.INVALID_NIK")));
        kkNumber.setI18n(new TextField.TextFieldI18n()
                .setMaxLengthErrorMessage(getTranslation("booking.refused.INVALID_KK_NUMBER")));
        form.forField(nik).withValidator(BeanRule.of(CitizenBookingForm.class, "nik")).bind("nik");
        form.forField(kkNumber).withValidator(BeanRule.of(CitizenBookingForm.class, "kkNumber")).bind("kkNumber");
        form.forField(point).withValidator(BeanRule.of(CitizenBookingForm.class, "point")).bind("point");
        form.readRecord(CitizenBookingForm.empty());
    }

    private void book(BookingService bookings) {
        CitizenSession citizen = citizen().orElse(null);
        Optional<CitizenBookingForm> written = BoundForms.record(form);
        if (citizen == null || written.isEmpty()) {
            return; // each field says what is wrong with it; nothing was booked
        }
        LocalDate day = calendar.value().orElse(null);
        if (day == null) {
            Notifications.error(getTranslation("bds.booking.choose"));
            return;
        }
        CitizenBookingForm typed = written.get();
        try {
            Instant requested = clock.instant();
            var result = bookings.book(citizen, new BookingRequest(typed.nik(), typed.kkNumber(),
                    Objects.requireNonNull(typed.point()).code(), day), idempotencyKey, journey().endingOnScreen(),
                    clientAddress());
            journeyDone();
            idempotencyKey = UUID.randomUUID().toString();
            String code = result.booking().code();
            Notifications.success(getTranslation("bds.booking.done", code, result.booking().queueNumber()));
            getUI().ifPresent(ui -> {
                ui.navigate(BdsHistoryView.class);
                // Answered by the browser once it has drawn the history with the ticket: SOP A's step 8 ends there.
                ui.getPage().executeJs("return 0").then(Integer.class,
                        drawn -> ticketSteps.shown(citizen, code, requested));
            });
        } catch (RuleViolation violation) {
            idempotencyKey = UUID.randomUUID().toString();
            showRefusal(violation);
            showCalendar(day); // the day stays chosen while it is still open; its places are counted anew
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (citizen().isEmpty()) {
            event.forwardTo(BdsSignInView.class);
            return;
        }
        step(SopStep.A6_CHOOSE_SERVICE);
        event.getLocation().getQueryParameters().getSingleParameter("point")
                .flatMap(servicePoints::byCode).ifPresent(point::setValue);
    }

    /** A refusal about the NIK or the KK number shows at its field; the others as a message. */
    private void showRefusal(RuleViolation violation) {
        TextField field = violation instanceof BookingRefused refused ? switch (refused.code()) {
            case INVALID_NIK, NIK_NOT_FOUND, ACTIVE_BOOKING_EXISTS, NOT_PRINT_READY -> nik;
            case INVALID_KK_NUMBER, PERSON_NOT_CONFIRMED -> kkNumber;
            default -> null;
        } : null;
        if (field == null) {
            Notifications.error(violation);
        } else {
            field.setErrorMessage(Notifications.text(violation));
            field.setInvalid(true);
            field.focus();
        }
    }

    void showCalendar() {
        showCalendar(null);
    }

    private void showCalendar(@Nullable LocalDate keep) {
        calendar.clear();
        if (point.getValue() == null) {
            return;
        }
        step(SopStep.A7_PICK_DATE);
        LocalDate from = LocalDate.now(clock).plusDays(1);
        calendar.show(quotas.availability(point.getValue().code(), from,
                from.plusDays(QuotaCalendarService.BOOKING_HORIZON_DAYS - 1)), null);
        calendar.select(keep);
    }
}
