package id.dukcapil.portal.booking.ui;

import id.dukcapil.portal.blanko.StockMovement;
import id.dukcapil.portal.booking.Booking;
import id.dukcapil.portal.booking.CannotPrintReason;
import id.dukcapil.portal.population.CardPrintReason;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The counter's three small forms, as its screen binds them: why a card is printed, why a card was spoiled, why a card
 * cannot be printed and the advice given. Each message a bundle key the service's refusal uses too; the service
 * checks it all again (decision 190).
 */
public final class CounterForms {

    private CounterForms() {
    }

    /** The card printed: for which reason (FIRST only for a person with no card yet: the service's rule). */
    public record PrintedCard(@NotNull(message = "{booking.counter.print-reason.required}") @Nullable CardPrintReason reason) {

        static PrintedCard empty() {
            return new PrintedCard(null);
        }
    }

    /** A blank card spoiled in the printer: the ledger's line needs the reason. */
    public record SpoiledCard(
            @NotBlank(message = "{blanko.error.reason-required}")
            @Size(max = StockMovement.REASON_MAX_LENGTH, message = "{blanko.error.too-long}") String reason) {

        static SpoiledCard empty() {
            return new SpoiledCard("");
        }
    }

    /** The card cannot be printed: why, and what the citizen was told to do instead. */
    public record NotPrintable(
            @NotNull(message = "{booking.counter.cannot-reason.required}") @Nullable CannotPrintReason reason,
            @Size(max = Booking.NOTE_MAX_LENGTH, message = "{booking.counter.note-too-long}") String note) {

        static NotPrintable empty() {
            return new NotPrintable(null, "");
        }
    }
}
