package id.dukcapil.portal.booking;

import static id.dukcapil.portal.booking.BookingStatus.ARRIVED;
import static id.dukcapil.portal.booking.BookingStatus.BOOKED;
import static id.dukcapil.portal.booking.BookingStatus.CANCELLED;
import static id.dukcapil.portal.booking.BookingStatus.PRINTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.dukcapil.portal.Refusals;
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
 * A booking's state machine (decision 173), without the database: the table as the office runs it, every change its
 * state does not allow refused in words of both languages, and every change it allows given as a change to write.
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
        Booking booking = booking(status);
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

    @ParameterizedTest(name = "{0} of a booking {1} is a change to write")
    @MethodSource("allowed")
    void a_change_its_state_allows_is_given_to_be_written_only_while_the_booking_is_as_read(
            BookingTransition transition, BookingStatus status) {
        Booking booking = booking(status);
        Booking.Change change = apply(transition, booking);
        assertThat(change.from()).as("the write's condition").isEqualTo(status);
        assertThat(change.day()).as("the write's condition").isEqualTo(booking.day());
        assertThat(change.to()).isEqualTo(transition.to());
        assertThat(change.move()).isEqualTo(transition == BookingTransition.MOVE);
    }

    @Test
    void each_closing_change_stores_its_reason_and_a_move_its_new_day() {
        assertThat(booking(BOOKED).cancelByCitizen(AT).reason()).isEqualTo("CITIZEN");
        Booking.Change closed = booking(ARRIVED).cancelForClosedDay("Banjir", AT);
        assertThat(closed.reason()).isEqualTo("DAY_CLOSED");
        assertThat(closed.note()).isEqualTo("Banjir");
        assertThat(booking(BOOKED).cancelForResidentGone(AT).reason()).isEqualTo(ResidentsGoneFromRegistry.RESIDENT_GONE);
        Booking.Change notPrintable = booking(ARRIVED).cannotPrint(CannotPrintReason.DUPLICATE_RECORD, "SUKET", AT);
        assertThat(notPrintable.reason()).isEqualTo("DUPLICATE_RECORD");
        assertThat(notPrintable.note()).isEqualTo("SUKET");
        Booking.Change moved = booking(BOOKED).moveTo(LocalDate.of(2027, 3, 9), 4, AT);
        assertThat(moved.newDay()).isEqualTo(LocalDate.of(2027, 3, 9));
        assertThat(moved.newQueueNumber()).isEqualTo(4);
        assertThat(moved.day()).isEqualTo(LocalDate.of(2027, 3, 8));
    }

    @Test
    void a_change_decided_again_on_a_fresh_read_follows_what_the_booking_is_now() {
        Booking.Change cancel = booking(BOOKED).cancelForClosedDay("Banjir", AT);
        assertThat(cancel.decidedAgainOn(booking(ARRIVED))).as("a closed day cancels a citizen at the counter too")
                .hasValueSatisfying(again -> assertThat(again.from()).isEqualTo(ARRIVED));
        assertThat(cancel.decidedAgainOn(booking(PRINTED))).as("a card printed meanwhile stays printed").isEmpty();
        assertThat(booking(BOOKED).cancelForResidentGone(AT).decidedAgainOn(booking(ARRIVED)))
                .as("a citizen checked in meanwhile stays with the counter").isEmpty();
        assertThat(booking(BOOKED).moveTo(LocalDate.of(2027, 3, 9), 4, AT).decidedAgainOn(booking(BOOKED)))
                .as("a move's place was taken for the booking as read").isEmpty();
    }

    /** Each transition through the booking's own method: a new row in the table fails to compile here until it has one. */
    private static Booking.Change apply(BookingTransition transition, Booking booking) {
        return switch (transition) {
            case CHECK_IN -> booking.arrive(AT);
            case PRINT -> booking.print(AT);
            case CANNOT_PRINT -> booking.cannotPrint(CannotPrintReason.NOT_PRINT_READY, null, AT);
            case NO_SHOW -> booking.markNoShow(AT);
            case CANCEL_BY_CITIZEN -> booking.cancelByCitizen(AT);
            case CANCEL_FOR_CLOSED_DAY -> booking.cancelForClosedDay("Banjir", AT);
            case CANCEL_FOR_RESIDENT_GONE -> booking.cancelForResidentGone(AT);
            case MOVE -> booking.moveTo(booking.day().plusDays(1), 4, AT);
        };
    }

    private static Booking booking(BookingStatus status) {
        return new Booking(1, "BK-TEST01", "3204010101900001", "Siti Nurhaliza", "UKL-320405", LocalDate.of(2027, 3, 8),
                3, status, 7L, "citizen:7", false, AT, null, null, 0, null, null);
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
