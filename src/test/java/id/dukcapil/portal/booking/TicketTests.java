package id.dukcapil.portal.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.zxing.BarcodeFormat;
import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.booking.internal.BookingCodes;
import id.dukcapil.portal.shared.barcode.CodeReader;
import id.dukcapil.portal.staff.ServicePoint;
import id.dukcapil.portal.staff.ServicePoints;
import id.dukcapil.portal.staff.StaffAccounts;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The ticket a citizen downloads or receives: what a counter's scanner and a phone camera read from it. */
@PortalTest
class TicketTests {

    private static String point;

    @Autowired BookingService bookings;
    @Autowired TicketDocuments tickets;
    @Autowired BookingTestSupport support;
    @Autowired BookingMails mails;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcTemplate jdbc;
    @Autowired ServicePoints servicePoints;

    /** A point of its own: no other class's bookings on its days. */
    @BeforeAll
    static void a_point_of_its_own(@Autowired StaffAccounts staff) {
        point = staff.servicePoint();
    }

    @Test
    void the_ticket_pdf_rendered_to_an_image_has_a_barcode_and_a_qr_code_that_decode_to_the_booking_code() throws Exception {
        LocalDate day = support.workingDay(5);
        support.quota(point, day, 5);
        Booking booking = bookings.book(support.citizen(), support.request(support.printReadyNiks(1).getFirst(), point, day),
                null, BookingJourney.none(), support.newClientAddress()).booking();

        byte[] pdf = tickets.pdf(booking, Locale.forLanguageTag("id"));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains(booking.code(), "%03d".formatted(booking.queueNumber()), booking.residentName(),
                    "TIKET ANTRIAN CETAK KTP-EL");
            ServicePoint where = servicePoints.byCode(point).orElseThrow();
            assertThat(text).as("where and when the point serves").contains(where.name(), where.address(),
                    "Jam layanan", "08.00–15.00");
            assertThat(text).doesNotContain(booking.nik());
        }
        BufferedImage page = CodeReader.firstPage(pdf);
        assertThat(CodeReader.read(page, BarcodeFormat.CODE_128)).isEqualTo(booking.code());
        assertThat(CodeReader.read(page, BarcodeFormat.QR_CODE)).isEqualTo(booking.code());
    }

    @Test
    void the_ticket_listener_run_again_for_a_booking_queues_no_second_ticket() {
        LocalDate day = support.workingDay(5);
        support.quota(point, day, 5);
        Booking booking = bookings.book(support.citizen(), support.request(support.printReadyNiks(1).getFirst(), point, day),
                null, BookingJourney.none(), support.newClientAddress()).booking();
        await().atMost(Duration.ofSeconds(30)).until(() -> ticketMails(booking) == 1);

        // The event delivered again (its node stopped before recording the listener done; another node's run).
        transactions.executeWithoutResult(status -> mails.ticket(booking, false));
        transactions.executeWithoutResult(status -> mails.ticket(booking, false));

        assertThat(ticketMails(booking)).isEqualTo(1);
    }

    private int ticketMails(Booking booking) {
        return jdbc.queryForObject("""
                SELECT COUNT(*) FROM notification_message WHERE template_key = 'booking-ticket' AND subject LIKE ?""",
                Integer.class, "%" + booking.code());
    }

    @Test
    void booking_codes_use_only_unambiguous_characters_and_do_not_repeat() {
        BookingCodes codes = new BookingCodes();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String code = codes.next();
            assertThat(code).hasSize(BookingCodes.LENGTH).matches("[" + BookingCodes.ALPHABET + "]+");
            seen.add(code);
        }
        assertThat(seen).hasSize(10_000);
        assertThat(BookingCodes.ALPHABET.chars().mapToObj(c -> String.valueOf((char) c)).collect(Collectors.toSet()))
                .doesNotContainAnyElementsOf(List.of("0", "O", "1", "I", "L", "2", "Z", "5", "S", "8", "B"));
        assertThat(BookingCodes.normalise(" acd-efg hj ")).isEqualTo("ACDEFGHJ");
    }
}
