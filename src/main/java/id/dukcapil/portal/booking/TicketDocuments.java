package id.dukcapil.portal.booking;

import id.dukcapil.portal.audit.PersonalData;
import id.dukcapil.portal.audit.PersonalDataViews;
import id.dukcapil.portal.shared.barcode.Codes;
import id.dukcapil.portal.shared.pdf.PdfRenderer;
import id.dukcapil.portal.staff.ServicePoint;
import id.dukcapil.portal.staff.ServicePoints;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The ticket PDF (reports/booking/ticket.jrxml): booking code as Code 128 barcode and QR code, queue number, day
 * service point with its address and opening hours, in the citizen's language.
 */
@Component
public class TicketDocuments {

    static final String TEMPLATE = "booking/ticket";

    private final PdfRenderer renderer;
    private final ServicePoints servicePoints;
    private final MessageSource messages;
    private final PointHours hours;
    private final PersonalDataViews personalData;

    TicketDocuments(PdfRenderer renderer, ServicePoints servicePoints, MessageSource messages, PointHours hours,
                    PersonalDataViews personalData) {
        this.personalData = personalData;
        this.renderer = renderer;
        this.hours = hours;
        this.servicePoints = servicePoints;
        this.messages = messages;
    }

    /** The ticket a clerk prints for a resident: the download is recorded before the file goes (issue 50). */
    public byte[] pdfForStaff(Booking booking, Locale locale) {
        personalData.downloaded("booking-for-resident/tiket-pdf", PersonalData.nik(booking.nik()));
        return pdf(booking, locale);
    }

    /** The ticket of the citizen's own booking (mail, API, the citizen's history): their own data, not recorded. */
    public byte[] pdf(Booking booking, Locale locale) {
        ServicePoint point = servicePoints.byCode(booking.servicePoint()).orElseThrow();
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("OFFICE", text("booking.ticket.office", locale));
        parameters.put("TITLE", text("booking.ticket.title", locale));
        parameters.put("L_CODE", text("booking.ticket.code", locale));
        parameters.put("L_QUEUE", text("booking.ticket.queue", locale));
        parameters.put("L_DATE", text("booking.ticket.date", locale));
        parameters.put("L_PLACE", text("booking.ticket.place", locale));
        parameters.put("L_NAME", text("booking.ticket.name", locale));
        parameters.put("L_NIK", text("booking.ticket.nik", locale));
        parameters.put("NOTE", text("booking.ticket.note", locale));
        parameters.put("CODE", booking.code());
        parameters.put("QUEUE", "%03d".formatted(booking.queueNumber()));
        parameters.put("DATE", DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale).format(booking.day()));
        parameters.put("POINT", point.name());
        parameters.put("ADDRESS", Objects.requireNonNullElse(point.address(), ""));
        parameters.put("L_HOURS", text("booking.ticket.hours", locale));
        parameters.put("HOURS", hours.shown(point));
        parameters.put("NAME", booking.residentName());
        parameters.put("NIK", booking.maskedNik());
        parameters.put("BARCODE", Codes.code128(booking.code()));
        parameters.put("QR", Codes.qr(booking.code()));
        return renderer.render(TEMPLATE, parameters, java.util.List.of());
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
