package id.dukcapil.portal.booking.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.KeyPressEvent;
import id.dukcapil.portal.GridInput;
import id.dukcapil.portal.PortalViewTest;
import id.dukcapil.portal.SignedInAs;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.blanko.BlankoStock;
import id.dukcapil.portal.booking.Booking;
import id.dukcapil.portal.booking.BookingJourney;
import id.dukcapil.portal.booking.BookingRequest;
import id.dukcapil.portal.booking.BookingService;
import id.dukcapil.portal.booking.BookingStatus;
import id.dukcapil.portal.booking.BookingTestSupport;
import id.dukcapil.portal.booking.CannotPrintReason;
import id.dukcapil.portal.booking.CitizenSession;
import id.dukcapil.portal.booking.QueuedBooking;
import java.time.LocalDate;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import java.time.ZoneId;
import java.util.List;
import id.dukcapil.portal.population.CardPrintReason;
import id.dukcapil.portal.population.PopulationChanged;
import id.dukcapil.portal.population.PopulationRegistry;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.live.Change;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;

/** The print counter at the Dinas on the booked day: scan, print, spoil and reprint, refuse what is not for today. */
@WithUserDetails("operator")
class CounterViewTest extends PortalViewTest {

    private static final String POINT = "DINAS";

    @Autowired BookingService bookings;
    @Autowired BlankoStock stock;
    @Autowired BookingTestSupport support;
    @Autowired UserDetailsService users;
    @Autowired TestClock clock;
    @Autowired JdbcTemplate jdbc;
    @Autowired PopulationRegistry registry;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;
    LocalDate day;
    List<Booking> booked;
    CounterView view;

    @BeforeEach
    void three_citizens_booked_the_day_and_the_dinas_has_cards() {
        day = support.workingDay(13);
        support.room(POINT, day, 50);
        CitizenSession citizen = support.citizen();
        booked = support.printReadyNiks(3).stream().map(nik -> bookings.book(citizen,
                support.request(nik, POINT, day), null, BookingJourney.none(), support.newClientAddress()).booking()).toList();
        SignedInAs.run(users, "perencana", () -> stock.receive(POINT, 5, "SJ-COUNTER-" + System.nanoTime()));
        clock.setInstant(day.atTime(9, 0).atZone(ZoneId.of("Asia/Jakarta")).toInstant());
        view = navigate(CounterView.class);
    }

    /** The first card needs no choice (it is preselected); a card printed again is "damaged" in these tests. */
    private void choosePrintReason() {
        if (view.printReason.getValue() == null) {
            test(view.printReason).selectItem(view.getTranslation(CardPrintReason.DAMAGED.labelKey()));
        }
    }

    @AfterEach
    void real_time_again() {
        clock.reset();
    }

    @Test
    void a_scanned_code_checks_the_citizen_in_and_printed_takes_one_card_from_the_stock() {
        Booking first = booked.getFirst();
        int before = stock.balance(POINT);
        scan(first.code().toLowerCase());
        assertThat(view.citizen.getText()).contains(first.residentName());
        assertThat(view.details.getText()).contains(first.maskedNik(), "Hadir");

        choosePrintReason();
        test(view.printed).click();

        assertThat(stock.balance(POINT)).isEqualTo(before - 1);
        assertThat(status(first)).isEqualTo("PRINTED");
        assertThat(view.result.isVisible()).isFalse();
        scan(first.code());
        assertThat(lastNotification()).contains("sudah dicetak");
    }

    @Test
    void a_spoiled_card_takes_one_card_and_allows_a_reprint() {
        Booking second = booked.get(1);
        int before = stock.balance(POINT);
        scan(second.code());
        test(view.spoilReason).setValue("Pita printer habis");
        test(view.spoiled).click();
        assertThat(stock.balance(POINT)).isEqualTo(before - 1);
        assertThat(status(second)).isEqualTo("ARRIVED");
        choosePrintReason();
        test(view.printed).click();
        assertThat(stock.balance(POINT)).isEqualTo(before - 2);
        assertThat(status(second)).isEqualTo("PRINTED");
        assertThat(jdbc.queryForObject("SELECT spoiled FROM booking_booking WHERE code = ?", Integer.class, second.code())).isEqualTo(1);
    }

    /** The counter's forms bound (decision 190, issue 55 item 4): what is missing or too long said at its field. */
    @Test
    void a_spoiled_card_without_a_reason_or_a_cannot_print_without_why_is_said_at_the_field_and_nothing_is_taken() {
        Booking second = booked.get(1);
        int before = stock.balance(POINT);
        scan(second.code());

        test(view.spoiled).click();
        assertThat(view.spoilReason.isInvalid()).isTrue();
        assertThat(view.spoilReason.getErrorMessage()).isEqualTo("Alasan wajib diisi.");
        assertThat(stock.balance(POINT)).as("no card left the stock").isEqualTo(before);

        view.cannotReason.clear(); // the clerk empties the suggested reason
        test(view.cannotNote).setValue("x".repeat(Booking.NOTE_MAX_LENGTH + 1));
        test(view.cannotPrint).click();
        assertThat(view.cannotReason.isInvalid()).isTrue();
        assertThat(view.cannotReason.getErrorMessage()).isEqualTo("Pilih alasan tidak dapat dicetak.");
        assertThat(view.cannotNote.isInvalid()).isTrue();
        assertThat(view.cannotNote.getErrorMessage()).isEqualTo("Catatan paling banyak 300 karakter.");
        assertThat(status(second)).isEqualTo("ARRIVED");

        // A new scan starts every form afresh: no red left from the booking before.
        scan(second.code());
        assertThat(view.spoilReason.isInvalid()).isFalse();
        assertThat(view.cannotReason.isInvalid()).isFalse();
        assertThat(view.cannotNote.getValue()).isEmpty();
    }

    @Test
    void a_card_printed_again_is_printed_for_the_reason_the_operator_chooses_never_a_guess() {
        Booking second = booked.get(1);
        registry.recordCardPrint(Nik.of(second.nik()), "UKL-320415", CardPrintReason.FIRST); // a card years ago
        scan(second.code());
        assertThat(view.printReason.getValue()).as("no reason guessed for a reprint").isNull();
        assertThat(view.printReason.getListDataView().getItems()).containsExactly(CardPrintReason.DAMAGED,
                CardPrintReason.LOST, CardPrintReason.DATA_CHANGED);

        test(view.printed).click();
        assertThat(status(second)).as("nothing printed without a reason").isEqualTo("ARRIVED");
        assertThat(view.printReason.isInvalid()).isTrue();

        test(view.printReason).selectItem(view.getTranslation(CardPrintReason.LOST.labelKey()));
        test(view.printed).click();
        assertThat(status(second)).isEqualTo("PRINTED");
        assertThat(jdbc.queryForObject("""
                SELECT c.reason FROM population_card_print c JOIN population_resident r ON r.id = c.resident_id
                WHERE r.nik = ? ORDER BY c.id DESC LIMIT 1""", String.class, second.nik())).isEqualTo("LOST");
    }

    @Test
    void cannot_print_records_why_and_tells_what_to_do_instead_and_the_rest_become_no_shows() {
        Booking third = booked.get(2);
        scan(third.code());
        test(view.cannotReason).selectItem(view.getTranslation(CannotPrintReason.DUPLICATE_RECORD.labelKey()));
        test(view.cannotPrint).click();
        assertThat(status(third)).isEqualTo("CANNOT_PRINT");
        assertThat(view.advice.getText()).contains("IKD");

        test(view.noShows).click();
        test(find(ConfirmDialog.class).last()).reject();
        assertThat(lastNotification()).as("the service runs until 15:00")
                .isEqualTo("Yang tidak hadir baru dapat ditandai setelah layanan hari ini selesai (pukul 15:00).");
        assertThat(status(booked.getFirst())).isEqualTo("BOOKED");

        clock.setInstant(day.atTime(15, 0).atZone(ZoneId.of("Asia/Jakarta")).toInstant());
        test(view.noShows).click();
        ConfirmDialog confirm = find(ConfirmDialog.class).last();
        int waiting = jdbc.queryForObject("SELECT COUNT(*) FROM booking_booking WHERE service_point = ? AND day = ? "
                + "AND status = 'BOOKED'", Integer.class, POINT, day);
        assertThat(confirm.getElement().getProperty("message")).startsWith(waiting + " booking hari ini belum hadir.");
        assertThat(status(booked.getFirst())).as("nothing happens before the clerk confirms").isEqualTo("BOOKED");
        assertThat(confirm.getElement().getProperty("confirmText")).as("the focused button marks nobody")
                .isEqualTo("Batal");
        test(confirm).reject();
        assertThat(lastNotification()).isEqualTo(waiting + " booking ditandai tidak hadir.");
        assertThat(status(booked.getFirst())).isEqualTo(BookingStatus.NO_SHOW.name());

        // Nobody left: no "mark 0 absent" to confirm, a word instead.
        int dialogs = find(ConfirmDialog.class).all().size();
        test(view.noShows).click();
        assertThat(find(ConfirmDialog.class).all()).hasSize(dialogs);
        assertThat(lastNotification()).startsWith("Semua booking hari ini sudah hadir");
    }

    @Test
    void a_booking_for_another_day_or_another_point_or_a_cancelled_one_is_refused_with_what_it_is() {
        clock.setInstant(day.minusDays(1).atTime(9, 0).atZone(ZoneId.of("Asia/Jakarta")).toInstant());
        scan(booked.getFirst().code());
        assertThat(lastNotification()).contains("untuk tanggal " + id.dukcapil.portal.shared.i18n.PortalMessages.DATE.format(day), "bukan hari ini");
        assertThat(view.result.isVisible()).isFalse();
        assertThat(status(booked.getFirst())).isEqualTo("BOOKED");

        clock.setInstant(day.atTime(9, 0).atZone(ZoneId.of("Asia/Jakarta")).toInstant());
        jdbc.update("UPDATE booking_booking SET service_point = 'MPP-SOREANG' WHERE code = ?", booked.get(1).code());
        scan(booked.get(1).code());
        assertThat(lastNotification()).contains("Mal Pelayanan Publik", "bukan tempat layanan ini");

        jdbc.update("UPDATE booking_booking SET status = 'CANCELLED', open_nik = NULL WHERE code = ?", booked.get(2).code());
        scan(booked.get(2).code());
        assertThat(lastNotification()).contains("sudah dibatalkan");
    }

    @Test
    void a_booked_resident_whom_the_latest_siak_extract_no_longer_lists_is_refused_in_words_not_printed() {
        jdbc.update("UPDATE population_resident SET gone_on = ?, gone_reason = 'DIED' WHERE nik = ?", day,
                booked.getFirst().nik());
        try {
            scan(booked.getFirst().code());

            assertThat(lastNotification()).contains(booked.getFirst().residentName(), "tidak lagi tercatat");
            assertThat(view.result.isVisible()).isFalse();
            assertThat(status(booked.getFirst())).as("not checked in").isEqualTo("BOOKED");
        } finally {
            jdbc.update("UPDATE population_resident SET gone_on = NULL, gone_reason = NULL WHERE nik = ?",
                    booked.getFirst().nik());
        }
    }

    @Test
    void a_booked_resident_a_newer_siak_extract_marks_gone_gives_the_place_back_and_is_listed_on_the_counter()
            throws Exception {
        Booking gone = booked.getFirst();
        int bookedBefore = bookedOnTheDay();
        String address = jdbc.queryForObject("SELECT email FROM booking_citizen WHERE id = ?", String.class,
                gone.citizenId());
        jdbc.update("UPDATE population_resident SET gone_on = ?, gone_reason = 'DIED' WHERE nik = ?", day, gone.nik());
        try {
            // What an import announces after the chunk that marked the resident gone is committed.
            transactions.executeWithoutResult(status -> events.publishEvent(
                    new PopulationChanged(0, List.of(Nik.of(gone.nik())), List.of())));
            awaitAudit("booking.cancelled", gone.code());

            assertThat(status(gone)).isEqualTo(BookingStatus.CANCELLED.name());
            assertThat(bookedOnTheDay()).as("the place is back in the day's quota").isEqualTo(bookedBefore - 1);
            String mail = jdbc.queryForObject("SELECT CONCAT(subject, ' ', body) FROM notification_message "
                    + "WHERE recipient = ? AND template_key = 'booking-cancelled-register'", String.class, address);
            assertThat(mail).contains(gone.code(), "dibatalkan", "data kependudukan terbaru")
                    .as("neutral words: the address may be a relative's").doesNotContain("meninggal", "pindah");

            view = navigate(CounterView.class);
            assertThat(view.residentsGone.isVisible()).isTrue();
            assertThat(view.residentsGone.getElement().getTextRecursively())
                    .contains("1 booking", "tidak lagi tercatat", gone.residentName(), gone.code(),
                            day.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")),
                            "nomor antrean " + gone.queueNumber(), "dibatalkan, tempatnya kembali ke kuota")
                    .doesNotContain(booked.get(1).code());
            scan(gone.code());
            assertThat(lastNotification()).contains("sudah dibatalkan");
        } finally {
            jdbc.update("UPDATE population_resident SET gone_on = NULL, gone_reason = NULL WHERE nik = ?", gone.nik());
        }
    }

    @Test
    void a_checked_in_resident_marked_gone_stays_with_the_counter_and_loses_the_mark_when_listed_again()
            throws Exception {
        Booking arrived = booked.get(1);
        scan(arrived.code());
        int bookedBefore = bookedOnTheDay();
        jdbc.update("UPDATE population_resident SET gone_on = ?, gone_reason = 'MOVED_OUT' WHERE nik = ?", day,
                arrived.nik());
        try {
            transactions.executeWithoutResult(status -> events.publishEvent(
                    new PopulationChanged(0, List.of(Nik.of(arrived.nik())), List.of())));
            awaitAudit("booking.resident-gone", arrived.code());
            assertThat(status(arrived)).as("the citizen is at the counter: the clerk decides").isEqualTo("ARRIVED");
            assertThat(bookedOnTheDay()).isEqualTo(bookedBefore);
            view = navigate(CounterView.class);
            assertThat(view.residentsGone.getElement().getTextRecursively()).contains(arrived.code())
                    .doesNotContain("dibatalkan, tempatnya");

            // A later extract lists the resident again: the booking leaves the list.
            jdbc.update("UPDATE population_resident SET gone_on = NULL, gone_reason = NULL WHERE nik = ?", arrived.nik());
            transactions.executeWithoutResult(status -> events.publishEvent(
                    new PopulationChanged(0, List.of(Nik.of(arrived.nik())), List.of())));
            awaitAudit("booking.resident-back", arrived.code());
            view = navigate(CounterView.class);
            assertThat(view.residentsGone.isVisible()).isFalse();
        } finally {
            jdbc.update("UPDATE population_resident SET gone_on = NULL, gone_reason = NULL WHERE nik = ?", arrived.nik());
            jdbc.update("UPDATE booking_booking SET resident_gone_at = NULL WHERE id = ?", arrived.id());
        }
    }

    private int bookedOnTheDay() {
        return jdbc.queryForObject("SELECT booked FROM booking_day WHERE service_point = ? AND day = ?", Integer.class,
                POINT, day);
    }

    @Test
    void the_counter_lists_the_days_queue_the_next_first_and_a_click_on_a_waiting_booking_makes_it_the_next_task() {
        Booking first = booked.getFirst();
        assertThat(rowTexts()).as("each of today's bookings with its number, code, name and state in words")
                .contains(first.queueNumber() + " |  | " + first.code() + " | " + first.residentName() + " | Menunggu");
        assertThat(view.queueTitle.getText()).startsWith("Antrean hari ini:");
        assertThat(view.queue.getPartNameGenerator().apply(test(view.queue).getRow(rowOf(first))))
                .as("a booking still to come stands out").isEqualTo("waiting");
        assertOpenFirstInQueueOrder();

        test(view.queue).clickRow(rowOf(first));
        assertThat(view.code.getValue()).as("the clicked booking is the desk's next task").isEqualTo(first.code());
        assertThat(status(first)).as("nothing happens before Enter").isEqualTo("BOOKED");
        assertThat(lastNotification()).contains("Enter", first.residentName());
        ComponentUtil.fireEvent(view.code, new KeyPressEvent(view.code, "Enter"));

        assertThat(view.citizen.getText()).contains(first.residentName());
        assertThat(rowTexts()).as("the list is read again after the check-in, with the time of it")
                .contains(first.queueNumber() + " | 09.00 | " + first.code() + " | " + first.residentName()
                        + " | Sedang dilayani");
        choosePrintReason();
        test(view.printed).click();
        assertThat(rowTexts()).contains(first.queueNumber() + " | 09.00 | " + first.code() + " | "
                + first.residentName() + " | Selesai: tercetak");
        assertOpenFirstInQueueOrder();
    }

    @Test
    void enter_on_a_focused_row_of_the_queue_takes_that_booking_and_a_booking_done_is_not_taken() {
        Booking second = booked.get(1);
        GridInput.enterOn(view.queue, test(view.queue).getRow(rowOf(second)));
        assertThat(view.code.getValue()).isEqualTo(second.code());

        view.code.clear();
        jdbc.update("UPDATE booking_booking SET status = 'CANCELLED', open_nik = NULL, finished_at = ? WHERE code = ?",
                java.sql.Timestamp.valueOf(day.minusDays(2).atTime(2, 0)), booked.get(2).code());
        view.showQueue();
        assertThat(rowTexts()).as("a booking cancelled days before reads with its date")
                .contains(booked.get(2).queueNumber() + " | " + day.minusDays(2).format(
                        java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")) + " | " + booked.get(2).code()
                        + " | " + booked.get(2).residentName() + " | Dibatalkan");
        test(view.queue).clickRow(rowOf(booked.get(2)));
        assertThat(view.code.getValue()).as("a cancelled booking is no task for the desk").isEmpty();
    }

    @Test
    void a_booking_of_a_resident_gone_reads_so_in_the_queue() {
        Booking gone = booked.getFirst();
        jdbc.update("UPDATE booking_booking SET resident_gone_at = CURRENT_TIMESTAMP WHERE id = ?", gone.id());
        try {
            view.showQueue();
            assertThat(rowTexts()).contains(gone.queueNumber() + " |  | " + gone.code() + " | " + gone.residentName()
                    + " | Tidak lagi tercatat sebagai penduduk");
        } finally {
            jdbc.update("UPDATE booking_booking SET resident_gone_at = NULL WHERE id = ?", gone.id());
        }
    }

    /** The open bookings (still to come or at the desk) before those done, each part in queue order. */
    private void assertOpenFirstInQueueOrder() {
        var grid = test(view.queue);
        List<QueuedBooking> rows = java.util.stream.IntStream.range(0, grid.size()).mapToObj(grid::getRow).toList();
        assertThat(rows).isSortedAccordingTo(java.util.Comparator
                .comparing((QueuedBooking queued) -> !queued.booking().status().open())
                .thenComparingInt(queued -> queued.booking().queueNumber()));
    }

    private List<String> rowTexts() {
        var grid = test(view.queue);
        return java.util.stream.IntStream.range(0, grid.size()).mapToObj(row -> String.join(" | ",
                java.util.stream.IntStream.range(0, 5).mapToObj(column -> grid.getCellText(row, column)).toList()))
                .toList();
    }

    private int rowOf(Booking booking) {
        var grid = test(view.queue);
        return java.util.stream.IntStream.range(0, grid.size())
                .filter(row -> grid.getRow(row).booking().code().equals(booking.code())).findFirst().orElseThrow();
    }

    @Test
    void a_counter_with_no_booking_of_a_resident_gone_shows_no_such_list() {
        assertThat(view.residentsGone.isVisible()).isFalse();
    }

    @Test
    void a_counter_redraws_its_queue_for_booking_changes_at_its_point_or_by_a_citizen_only() {
        var about = CounterView.aboutTheQueueAt(POINT);
        assertThat(about.test(new Change("booking.checked-in", "Booking", "1", POINT))).isTrue();
        assertThat(about.test(new Change("booking.booked", "Booking", "2", null))).as("a citizen's booking").isTrue();
        assertThat(about.test(new Change("booking.checked-in", "Booking", "3", "UKL-320405")))
                .as("a check-in at another point").isFalse();
        assertThat(about.test(new Change("recording.called", "Queue", "4", POINT))).as("another module").isFalse();
        assertThat(CounterView.aboutTheQueueAt(null).test(new Change("booking.checked-in", "Booking", "5", "UKL-320405")))
                .as("a clerk without a point sees every change").isTrue();
    }

    private void awaitAudit(String action, String subject) throws InterruptedException {
        long until = System.nanoTime() + 30_000_000_000L;
        while (jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = ? AND subject_id = ?", Integer.class,
                action, subject) == 0) {
            assertThat(System.nanoTime()).as("the booking listener has marked the booking").isLessThan(until);
            Thread.sleep(50);
        }
    }

    private void scan(String code) {
        test(view.code).setValue(code);
        ComponentUtil.fireEvent(view.code, new KeyPressEvent(view.code, "Enter"));
    }

    private String status(Booking booking) {
        return jdbc.queryForObject("SELECT status FROM booking_booking WHERE code = ?", String.class, booking.code());
    }
}
