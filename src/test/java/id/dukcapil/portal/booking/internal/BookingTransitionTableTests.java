package id.dukcapil.portal.booking.internal;

import static id.dukcapil.portal.booking.BookingStatus.ARRIVED;
import static id.dukcapil.portal.booking.BookingStatus.BOOKED;
import static id.dukcapil.portal.booking.BookingStatus.CANCELLED;
import static id.dukcapil.portal.booking.BookingStatus.PRINTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.dukcapil.portal.Refusals;
import id.dukcapil.portal.booking.Booking;
import id.dukcapil.portal.booking.BookingStatus;
import id.dukcapil.portal.booking.CannotPrintReason;
import id.dukcapil.portal.shared.RuleViolation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A booking's state machine (decisions 173, 193), without the database: the table as the office runs it, every change
 * its state does not allow refused in words of both languages, and every change it allows made on the entity.
 */
class BookingTransitionTableTests {

    private static final Instant AT = Instant.parse("2027-03-01T02:00:00Z");
    private static final List<Locale> LANGUAGES = List.of(Locale.of("id"), Locale.ENGLISH);

    @Test
    void the_table_says_which_change_is_allowed_from_which_state() {
        Map<BookingTransition, String> table = new EnumMap<>(BookingTransition.class);
        for (BookingTransition transition : BookingTransition.values()) {
            table.put(transition, transition.from() + " → " + transition.to());
        }
        assertThat(table).containsExactlyEntriesOf(new EnumMap<>(Map.of(
                BookingTransition.CHECK_IN, "[BOOKED] → ARRIVED",
                BookingTransition.PRINT, "[ARRIVED] → PRINTED",
                BookingTransition.CANNOT_PRINT, "[ARRIVED] → CANNOT_PRINT",
                BookingTransition.NO_SHOW, "[BOOKED] → NO_SHOW",
                BookingTransition.CANCEL_BY_CITIZEN, "[BOOKED] → CANCELLED",
                BookingTransition.CANCEL_FOR_CLOSED_DAY, "[BOOKED, ARRIVED] → CANCELLED",
                BookingTransition.CANCEL_FOR_RESIDENT_GONE, "[BOOKED] → CANCELLED",
                BookingTransition.MOVE, "[BOOKED] → BOOKED")));
        assertThat(Stream.of(BookingStatus.values()).filter(BookingStatus::open))
                .as("only the open states lead anywhere: a closed booking is closed for good")
                .containsExactly(BOOKED, ARRIVED);
        for (BookingTransition transition : BookingTransition.values()) {
            assertThat(transition.from()).allMatch(BookingStatus::open);
        }
    }

    static Stream<Arguments> refused() {
        List<Arguments> refused = new ArrayList<>();
        for (BookingTransition transition : BookingTransition.values()) {
            for (BookingStatus status : BookingStatus.values()) {
                if (!transition.allowedFrom(status)) {
                    refused.add(Arguments.of(transition, status));
                }
            }
        }
        return refused.stream();
    }

    @ParameterizedTest(name = "{0} of a booking {1} is refused in words")
    @MethodSource("refused")
    void a_change_its_state_does_not_allow_is_refused_in_words(BookingTransition transition, BookingStatus status) {
        BookingEntity booking = booking(status);
        assertThatThrownBy(() -> apply(transition, booking))
                .isInstanceOfSatisfying(RuleViolation.class, refused -> {
                    assertThat(refused.messageKeys()).containsExactly("booking.transition." + transition.name(),
                            "booking.stands." + status.name());
                    for (Locale language : LANGUAGES) {
                        String words = words(refused, language);
                        assertThat(words).as("in %s", language).contains(booking.code())
                                .doesNotContain("booking.transition", "booking.stands", transition.name(), "{0}");
                    }
                });
        assertThat(booking.status()).as("nothing changed").isEqualTo(status);
    }

    @Test
    void the_refusal_says_what_was_refused_and_where_the_booking_stands() {
        RuleViolation printedAgain = refusal(() -> booking(PRINTED).cancelByCitizen(AT));
        assertThat(words(printedAgain, Locale.of("id")))
                .isEqualTo("Booking tidak dapat dibatalkan. Booking BK-TEST01 sudah selesai: KTP-el sudah dicetak.");
        assertThat(words(printedAgain, Locale.ENGLISH))
                .isEqualTo("The booking cannot be cancelled. Booking BK-TEST01 is done: the KTP-el was printed.");
        assertThat(words(refusal(() -> booking(CANCELLED).arrive(AT)), Locale.of("id")))
                .isEqualTo("Warga tidak dapat dicatat hadir. Booking BK-TEST01 sudah dibatalkan.");
        assertThat(words(refusal(() -> booking(ARRIVED).markNoShow(AT)), Locale.ENGLISH))
                .isEqualTo("The booking cannot be marked as no-show. Booking BK-TEST01 has already checked in at the counter.");
    }

    static Stream<Arguments> allowed() {
        List<Arguments> allowed = new ArrayList<>();
        for (BookingTransition transition : BookingTransition.values()) {
            for (BookingStatus status : transition.from()) {
                allowed.add(Arguments.of(transition, status));
            }
        }
        return allowed.stream();
    }

    @ParameterizedTest(name = "{0} of a booking {1} is made on the entity")
    @MethodSource("allowed")
    void a_change_its_state_allows_is_made(BookingTransition transition, BookingStatus status) {
        BookingEntity booking = booking(status);
        apply(transition, booking);
        Booking changed = booking.toRecord();
        assertThat(changed.status()).isEqualTo(transition.to());
        assertThat(changed.finishedAt()).as("a closing change ends the booking").isEqualTo(transition.to().open() ? null : AT);
    }

    @Test
    void each_closing_change_stores_its_reason_and_a_move_its_new_day() {
        assertThat(closed(booking(BOOKED), booking -> booking.cancelByCitizen(AT)).outcomeReason()).isEqualTo("CITIZEN");
        Booking dayClosed = closed(booking(ARRIVED), booking -> booking.cancelForClosedDay("Banjir", AT));
        assertThat(dayClosed.outcomeReason()).isEqualTo("DAY_CLOSED");
        assertThat(dayClosed.outcomeNote()).isEqualTo("Banjir");
        assertThat(closed(booking(BOOKED), booking -> booking.cancelForResidentGone(AT)).outcomeReason())
                .isEqualTo("RESIDENT_GONE");
        Booking notPrintable = closed(booking(ARRIVED),
                booking -> booking.cannotPrint(CannotPrintReason.DUPLICATE_RECORD, "SUKET", AT));
        assertThat(notPrintable.outcomeReason()).isEqualTo("DUPLICATE_RECORD");
        assertThat(notPrintable.outcomeNote()).isEqualTo("SUKET");
        Booking moved = closed(booking(BOOKED), booking -> booking.moveTo(LocalDate.of(2027, 3, 9), 4));
        assertThat(moved.day()).isEqualTo(LocalDate.of(2027, 3, 9));
        assertThat(moved.queueNumber()).isEqualTo(4);
        assertThat(moved.status()).isEqualTo(BOOKED);
    }

    /** Each transition through the booking's own method: a new row in the table fails to compile here until it has one. */
    private static void apply(BookingTransition transition, BookingEntity booking) {
        switch (transition) {
            case CHECK_IN -> booking.arrive(AT);
            case PRINT -> booking.print(AT);
            case CANNOT_PRINT -> booking.cannotPrint(CannotPrintReason.NOT_PRINT_READY, null, AT);
            case NO_SHOW -> booking.markNoShow(AT);
            case CANCEL_BY_CITIZEN -> booking.cancelByCitizen(AT);
            case CANCEL_FOR_CLOSED_DAY -> booking.cancelForClosedDay("Banjir", AT);
            case CANCEL_FOR_RESIDENT_GONE -> booking.cancelForResidentGone(AT);
            case MOVE -> booking.moveTo(booking.day().plusDays(1), 4);
        }
    }

    private static Booking closed(BookingEntity booking, java.util.function.Consumer<BookingEntity> change) {
        change.accept(booking);
        return booking.toRecord();
    }

    private static BookingEntity booking(BookingStatus status) {
        return new BookingEntity(new Booking(1, "BK-TEST01", "3204010101900001", "Siti Nurhaliza", "UKL-320405",
                LocalDate.of(2027, 3, 8), 3, status, 7L, "citizen:7", false, AT, null, null, 0, null, null));
    }

    private static RuleViolation refusal(Runnable change) {
        return Refusals.of(change);
    }

    /**
     * The refusal as a screen shows it: each key's words in the language's own bundle (the English one read alone, so a
     * key it lacks is not hidden by the Indonesian base), joined by a space.
     */
    private static String words(RuleViolation refused, Locale language) {
        return Refusals.words(refused, "booking", language);
    }
}
