package id.dukcapil.portal.booking;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.SignedInAs;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.blanko.BlankoStock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** A manager's daily summary of the Dinas counter: the day's figures, the stock, the steps against the standard. */
@PortalTest
class DailySummaryTests {

    private static final String POINT = "DINAS";

    @Autowired BookingService bookings;
    @Autowired CounterService counter;
    @Autowired DailySummaryService summaries;
    @Autowired BlankoStock stock;
    @Autowired BookingTestSupport support;
    @Autowired UserDetailsService users;
    @Autowired TestClock clock;

    @AfterEach
    void real_time_again() {
        clock.reset();
    }

    @Test
    void the_summary_counts_the_day_and_shows_opening_and_closing_stock_and_step_times() throws Exception {
        LocalDate day = support.dayOfItsOwn(POINT, 17);
        support.quota(POINT, day, 50);
        CitizenSession citizen = support.citizen();
        List<Booking> made = support.printReadyNiks(3).stream().map(nik -> bookings.book(citizen,
                support.request(nik, POINT, day), null, BookingJourney.none(), support.newClientAddress()).booking()).toList();
        SignedInAs.run(users, "perencana", () -> stock.receive(POINT, 10, "SJ-SUMMARY-" + System.nanoTime()));
        clock.setInstant(day.atTime(9, 0).atZone(ZoneId.of("Asia/Jakarta")).toInstant());
        int opening = stock.balance(POINT);
        // A delivery arrives on the day: the summary shows it, so that its figures add up.
        SignedInAs.run(users, "perencana", () -> stock.receive(POINT, 1_500, "SJ-SUMMARY-DAY-" + System.nanoTime()));
        SignedInAs.run(users, "operator", () -> {
            counter.scan(made.get(0).code());
            counter.spoiled(made.get(0).code(), "Kartu tergores");
            counter.printed(made.get(0).code(), counter.scan(made.get(0).code()).printReasons().getFirst());
            counter.scan(made.get(1).code());
            clock.setInstant(day.atTime(15, 0).atZone(ZoneId.of("Asia/Jakarta")).toInstant());
            counter.markNoShows();
        });

        DailySummary summary = SignedInAs.call(users, "manajer", () -> summaries.summary(POINT, day));
        assertThat(summary.bookings()).isEqualTo(3);
        assertThat(summary.arrivals()).isEqualTo(2);
        assertThat(summary.printed()).isEqualTo(1);
        assertThat(summary.spoiled()).isEqualTo(1);
        assertThat(summary.noShows()).isEqualTo(1);
        assertThat(summary.openingStock()).isEqualTo(opening);
        assertThat(summary.stockIn()).isEqualTo(1_500);
        assertThat(summary.stockOut()).isEqualTo(2);
        assertThat(summary.closingStock()).isEqualTo(opening + 1_500 - 2)
                .isEqualTo(summary.openingStock() + summary.stockIn() - summary.stockOut() + summary.stockCorrected());

        byte[] pdf = SignedInAs.call(users, "manajer", () -> summaries.pdf(POINT, day, Locale.forLanguageTag("id")));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Ringkasan Harian Cetak KTP-el", "Tercetak: 1", "Blanko rusak: 1", "Tidak hadir: 1",
                    "Stok blanko awal hari: " + number(opening), "Blanko masuk: 1.500", "Blanko keluar: 2",
                    "Koreksi stok opname: 0", "Stok blanko akhir hari: " + number(opening + 1_500 - 2),
                    "Langkah SOP A");
        }
    }

    /** A count as the Indonesian summary prints it: 1.498. */
    private static String number(int value) {
        return java.text.NumberFormat.getIntegerInstance(Locale.forLanguageTag("id")).format(value);
    }
}
