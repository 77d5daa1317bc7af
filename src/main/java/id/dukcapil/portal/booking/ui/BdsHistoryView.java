package id.dukcapil.portal.booking.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import id.dukcapil.portal.booking.Booking;
import id.dukcapil.portal.shared.ui.DestructiveConfirm;
import id.dukcapil.portal.shared.ui.OpensDialog;
import id.dukcapil.portal.staff.ServicePoint;
import id.dukcapil.portal.staff.ServicePoints;
import id.dukcapil.portal.booking.BookingService;
import id.dukcapil.portal.booking.BookingStatus;
import id.dukcapil.portal.booking.CitizenSession;
import id.dukcapil.portal.booking.QuotaCalendarService;
import id.dukcapil.portal.booking.TicketDocuments;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.barcode.Codes;
import id.dukcapil.portal.shared.ui.Downloads;
import id.dukcapil.portal.shared.ui.Notifications;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;

/** "Riwayat" (SOP A step 8): the citizen's tickets with barcode, code and queue number, PDF download, cancel. */
@Route(value = "bds/riwayat", autoLayout = false)
@AnonymousAllowed
class BdsHistoryView extends BdsPage implements BeforeEnterObserver {

    final Div tickets = new Div();
    /** Moving a booking: one picker, shown under the ticket being moved. */
    final Div move = new Div();
    final H3 moveTitle = new H3();
    final DayPicker moveDays = new DayPicker("bds.booking.free");
    final Button moveConfirm = new Button();
    private final BookingService bookings;
    private final QuotaCalendarService quotas;
    private final TicketDocuments documents;
    private @Nullable Booking moving;
    private final ServicePoints servicePoints;

    BdsHistoryView(BookingService bookings, QuotaCalendarService quotas, TicketDocuments documents,
                   ServicePoints servicePoints, Clock clock) {
        super(clock);
        this.servicePoints = servicePoints;
        this.bookings = bookings;
        this.quotas = quotas;
        this.documents = documents;
        tickets.setId("bds-tickets");
        move.setId("bds-move");
        moveConfirm.setId("bds-move-confirm");
        moveConfirm.setText(getTranslation("bds.history.reschedule.confirm"));
        moveConfirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        moveConfirm.setWidthFull();
        Button moveClose = new Button(getTranslation("bds.history.reschedule.close"), click -> move.removeFromParent());
        moveClose.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        moveClose.setWidthFull();
        moveConfirm.addClickListener(click -> citizen().ifPresent(this::moveTo));
        move.add(moveTitle, moveDays, moveConfirm, moveClose);
        Button book = new Button(getTranslation("bds.book"), click -> getUI().ifPresent(ui -> ui.navigate(BdsBookingView.class)));
        book.setWidthFull();
        show(new H2(getTranslation("bds.history")), tickets, book);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        citizen().ifPresentOrElse(this::list, () -> event.forwardTo(BdsSignInView.class));
    }

    private void list(CitizenSession citizen) {
        tickets.removeAll();
        var mine = bookings.history(citizen);
        if (mine.isEmpty()) {
            tickets.add(new Paragraph(getTranslation("bds.history.empty")));
        }
        for (Booking booking : mine) {
            tickets.add(ticket(citizen, booking));
        }
    }

    private Div ticket(CitizenSession citizen, Booking booking) {
        Div card = new Div();
        card.addClassName("bds-ticket");
        card.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)").set("border-radius", "8px")
                .set("padding", "8px").set("margin-bottom", "8px");
        H3 code = new H3(booking.code());
        code.addClassName("ticket-code");
        card.add(code, new Paragraph(getTranslation("bds.history.line", booking.queueNumber(),
                DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", getLocale()).format(booking.day()), booking.residentName(),
                getTranslation(booking.status().labelKey()))),
                new Paragraph(getTranslation("bds.history.point", pointName(booking))));
        if (booking.status() == BookingStatus.CANCELLED) {
            card.add(new Paragraph(getTranslation("bds.history.cancelled-because", cancelReason(booking))));
        }
        if (booking.status() == BookingStatus.BOOKED || booking.status() == BookingStatus.ARRIVED) {
            byte[] barcode = Codes.png(Codes.code128(booking.code()));
            Image image = new Image(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                    new ByteArrayInputStream(barcode), "barcode.png", "image/png", barcode.length)), booking.code());
            image.setWidthFull();
            var locale = getLocale();
            Anchor pdf = new Anchor(Downloads.named("tiket-" + booking.code() + ".pdf", "application/pdf",
                    () -> documents.pdf(booking, locale)), AttachmentType.DOWNLOAD, getTranslation("bds.history.download"));
            pdf.setId("download-" + booking.code());
            card.add(image, pdf);
            if (booking.status() == BookingStatus.BOOKED && LocalDate.now(clock).isBefore(booking.day())) {
                // Two whole buttons with room between them (a thumb missed between two small links; issue 36).
                Button reschedule = new Button(getTranslation("bds.history.reschedule"));
                reschedule.setId("reschedule-" + booking.code());
                reschedule.addClickListener(click -> openMove(booking, card));
                Button cancel = new Button(getTranslation("bds.history.cancel"));
                cancel.setId("cancel-" + booking.code());
                cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
                cancel.addClickListener(click -> confirmCancel(citizen, booking));
                OpensDialog.button(cancel);
                Div actions = new Div(reschedule, cancel);
                actions.addClassName("bds-ticket-actions");
                card.add(actions);
            }
        }
        return card;
    }

    /** The same calendar as booking, at the booking's point, with the booking's own day marked. */
    private void openMove(Booking booking, Div card) {
        moveTitle.setText(getTranslation("bds.history.reschedule.title", booking.code()));
        LocalDate from = LocalDate.now(clock).plusDays(1);
        moveDays.show(quotas.availability(booking.servicePoint(), from,
                from.plusDays(QuotaCalendarService.BOOKING_HORIZON_DAYS - 1)), booking.day());
        moving = booking;
        card.add(move);
    }

    private void moveTo(CitizenSession citizen) {
        Booking booking = moving;
        Div card = (Div) move.getParent().orElse(null);
        LocalDate day = moveDays.value().orElse(null);
        if (booking == null || card == null) {
            return;
        }
        if (day == null) {
            Notifications.error(getTranslation("bds.history.reschedule.choose"));
            return;
        }
        try {
            Booking moved = bookings.reschedule(citizen, booking.code(), day, clientAddress());
            Notifications.success(getTranslation("bds.history.reschedule.done", moved.code(),
                    DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", getLocale()).format(moved.day()), moved.queueNumber()));
            moving = null;
            move.removeFromParent();
            list(citizen);
        } catch (RuleViolation violation) {
            Notifications.error(violation);
            // The calendar again as it is now: the day refused shows full or closed.
            openMove(booking, card);
        }
    }

    /** One tap must not cancel: the citizen is told what it does (the place goes to someone else) and confirms. */
    void confirmCancel(CitizenSession citizen, Booking booking) {
        String point = pointName(booking);
        DestructiveConfirm.ask(getTranslation("bds.history.cancel.confirm.title"),
                getTranslation("bds.history.cancel.confirm.text", booking.code(),
                        java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.LONG)
                                .withLocale(getLocale()).format(booking.day()), point),
                getTranslation("bds.history.cancel.confirm.keep"), getTranslation("bds.history.cancel"), () -> {
                    try {
                        bookings.cancel(citizen, booking.code(), clientAddress());
                        Notifications.success(getTranslation("bds.history.cancel.done", booking.code()));
                        list(citizen);
                    } catch (RuleViolation violation) {
                        Notifications.error(violation);
                    }
                });
    }

    private String pointName(Booking booking) {
        return servicePoints.byCode(booking.servicePoint()).map(ServicePoint::name).orElse(booking.servicePoint());
    }

    /** Who cancelled: the citizen, or the office closing the day (with its reason as the office gave it). */
    private String cancelReason(Booking booking) {
        String reason = booking.outcomeReason();
        if (reason == null || "CITIZEN".equals(reason)) {
            return getTranslation("bds.history.cancelled-by-you");
        }
        String note = booking.outcomeNote() == null ? "" : booking.outcomeNote();
        if ("DAY_CLOSED".equals(reason)) {
            return getTranslation("bds.history.cancelled-day-closed", note.startsWith("booking.") ? getTranslation(note) : note);
        }
        if ("RESIDENT_GONE".equals(reason)) {
            return getTranslation("bds.history.cancelled-register");
        }
        return getTranslation("bds.history.cancelled-by-office");
    }
}
