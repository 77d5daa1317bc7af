package id.dukcapil.portal.booking;

import id.dukcapil.portal.booking.internal.CitizenStore;
import id.dukcapil.portal.notification.Channel;
import id.dukcapil.portal.notification.MessageKind;
import id.dukcapil.portal.notification.OutgoingMail;
import id.dukcapil.portal.notification.Outbox;
import id.dukcapil.portal.notification.Reach;
import id.dukcapil.portal.population.PopulationRegistry;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.staff.ServicePoint;
import id.dukcapil.portal.staff.ServicePoints;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import id.dukcapil.portal.shared.web.PublicAddress;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The e-mails of SOP A, through the notification outbox in the caller's transaction: the ticket, the reminder
 * the day before, a closed day with the next free dates, and the one-time codes.
 */
@Component
class BookingMails {

    static final Locale INDONESIAN = Locale.forLanguageTag("id");

    private final Outbox outbox;
    private final CitizenStore citizens;
    private final PopulationRegistry registry;
    private final ServicePoints servicePoints;
    private final TicketDocuments tickets;
    private final MessageSource messages;
    private final PointHours hours;
    private final PublicAddress publicAddress;
    private final CitizenChannels channels;

    BookingMails(Outbox outbox, CitizenStore citizens, PopulationRegistry registry, ServicePoints servicePoints,
                 TicketDocuments tickets, MessageSource messages, PointHours hours,
                 PublicAddress publicAddress, CitizenChannels channels) {
        this.channels = channels;
        this.outbox = outbox;
        this.citizens = citizens;
        this.registry = registry;
        this.servicePoints = servicePoints;
        this.tickets = tickets;
        this.messages = messages;
        this.hours = hours;
        this.publicAddress = publicAddress;
    }

    void otp(String email, String name, String code, long minutes, Locale locale) {
        outbox.enqueue(OutgoingMail.of(email, "otp", locale, Map.of("name", name, "code", code, "minutes", minutes)));
    }

    /**
     * The code that proves a phone (decision 182): by SMS to that number only, never by e-mail (a code that could arrive
     * elsewhere proves nothing), its text stored without the code.
     */
    void phoneCode(String phone, String code, long minutes, Locale locale) {
        outbox.enqueue(OutgoingMail.of(phone, "phone-proof", locale, Map.of("code", code, "minutes", minutes))
                .withKind(MessageKind.PROOF), Reach.phoneOnly(Channel.SMS, phone));
    }

    /** Someone registered with an address that already has an account: its owner hears of it, nobody else. */
    void alreadyRegistered(String email, String name, Locale locale) {
        outbox.enqueue(OutgoingMail.of(email, "booking-already-registered", locale,
                Map.of("name", name, "link", publicAddress.base() + "/bds/masuk")));
    }

    /**
     * The ticket of a booking made, or of one moved to another day (its own subject and words). One of each kind per
     * booking, day and queue number: the listener run again (its node stopped mid-way, or two nodes) queues no second
     * ticket, and a "made" ticket sent late, after a move, does not stand in for the "moved" one. A booking's ticket
     * still waiting in the outbox is replaced by its newer one (decision 182): moved five times while the phone's pace
     * held the first ticket back, the citizen gets the ticket of the last day, not five.
     */
    void ticket(Booking booking, boolean moved) {
        recipient(booking).ifPresent(to -> outbox.enqueue(
                OutgoingMail.of(to.email(), moved ? "booking-ticket-moved" : "booking-ticket", to.locale(),
                                model(booking, to))
                        .withAttachment("tiket-" + booking.code() + ".pdf", OutgoingMail.Attachment.PDF,
                                tickets.pdf(booking, to.locale()))
                        .withOnceKey((moved ? "booking-ticket-moved/" : "booking-ticket/") + booking.id() + "/"
                                + booking.day() + "/" + booking.queueNumber())
                        .withNoticeKey("booking-ticket/" + booking.id()), to.reach()));
    }

    /**
     * The reminder the day before: where, when it opens, and where to move or cancel it. One per booking and day
     * (the outbox's unique key): a second node's run, or a run killed after queuing and before marking, queues no
     * second one; a booking moved to another day is reminded again for that day (decision 142).
     */
    void reminder(Booking booking) {
        recipient(booking).ifPresent(to -> outbox.enqueue(
                OutgoingMail.of(to.email(), "booking-reminder", to.locale(), model(booking, to))
                        .withKind(MessageKind.REMINDER)
                        .withOnceKey("booking-reminder/" + booking.id() + "/" + booking.day()), to.reach()));
    }

    void dayClosed(Booking booking, String reason, List<LocalDate> freeDays) {
        recipient(booking).ifPresent(to -> {
            Map<String, Object> model = model(booking, to);
            DateTimeFormatter format = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(to.locale());
            // A closure the opening days make carries a translation key; a planner's closure, the planner's words.
            model.put("reason", messages.getMessage(reason, null, reason, to.locale()));
            model.put("freeDays", freeDays.isEmpty() ? "-"
                    : freeDays.stream().map(format::format).collect(Collectors.joining("\n- ", "- ", "")));
            model.put("link", publicAddress.base() + "/bds/booking?point=" + booking.servicePoint());
            outbox.enqueue(OutgoingMail.of(to.email(), "booking-day-closed", to.locale(), model), to.reach());
        });
    }

    /**
     * A booking cancelled because the register no longer lists its resident: said in neutral words (the address may
     * be a relative's), without the reason SIAK gives.
     */
    void cancelledByRegister(Booking booking) {
        recipient(booking).ifPresent(to -> outbox.enqueue(
                OutgoingMail.of(to.email(), "booking-cancelled-register", to.locale(), model(booking, to)),
                to.reach()));
    }

    private Map<String, Object> model(Booking booking, Recipient to) {
        ServicePoint point = servicePoints.byCode(booking.servicePoint()).orElseThrow();
        Map<String, Object> model = new HashMap<>();
        model.put("name", to.name());
        model.put("resident", booking.residentName());
        model.put("code", booking.code());
        model.put("queue", booking.queueNumber());
        model.put("date", DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(to.locale()).format(booking.day()));
        model.put("point", point.name());
        model.put("address", point.address() == null ? "" : point.address());
        model.put("hours", hours.shown(point));
        model.put("history", publicAddress.base() + "/bds/riwayat");
        return model;
    }

    /**
     * The citizen who booked, on the channel they chose; for a booking made by staff, the resident's own address if
     * the registry has one, by e-mail.
     */
    private Optional<Recipient> recipient(Booking booking) {
        if (booking.citizenId() != null) {
            return citizens.byId(booking.citizenId())
                    .map(c -> new Recipient(c.email(), c.fullName(), Locale.forLanguageTag(c.locale()),
                            channels.reach(c.id())));
        }
        return registry.findByNik(Nik.of(booking.nik())).filter(r -> r.email() != null && !r.email().isBlank())
                .map(r -> new Recipient(java.util.Objects.requireNonNull(r.email()), r.fullName(), INDONESIAN,
                        Reach.emailOnly()));
    }

    private record Recipient(String email, String name, Locale locale, Reach reach) {
    }
}
