package id.dukcapil.portal.outpost.ui;

import id.dukcapil.portal.schoolvisit.OutpostBundle;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The outpost screen's forms as their binders bind them (decision 190). */
public final class OutpostForms {

    private OutpostForms() {
    }

    /** The officer's Dinas credentials and the Dinas's address: sent with the request, never kept. */
    public record DinasSignIn(@NotBlank(message = "{outpost.error.dinas-url}")
                              @Size(max = 200, message = "{outpost.error.dinas-url}")
                              @Pattern(regexp = "https?://[^\\s]+", message = "{outpost.error.dinas-url}")
                              String dinas,
                              @NotBlank(message = "{outpost.error.username}") @Size(max = 40,
                                      message = "{outpost.error.username}") String username,
                              @NotBlank(message = "{outpost.error.password}") @Size(max = 200,
                                      message = "{outpost.error.password}") String password) {
    }

    /** A blank card's serial, as written on it. */
    public record CardSerial(@NotBlank(message = "{outpost.error.card-serial}")
                             @Size(max = OutpostBundle.CARD_SERIAL_MAX_LENGTH,
                                     message = "{outpost.error.card-serial}")
                             @Pattern(regexp = OutpostBundle.CARD_SERIAL_PATTERN,
                                     message = "{outpost.error.card-serial}") String serial) {
    }

    /** The check-in: the officer's Dinas password and the blank cards brought back. */
    public record CheckIn(@NotBlank(message = "{outpost.error.username}") @Size(max = 40,
                                  message = "{outpost.error.username}") String username,
                          @NotBlank(message = "{outpost.error.password}") @Size(max = 200,
                                  message = "{outpost.error.password}") String password,
                          @NotNull(message = "{outpost.error.cards-back-missing}")
                          @Min(value = 0, message = "{outpost.error.cards-back-missing}")
                          @Max(value = 1000, message = "{outpost.error.cards-back-missing}") Integer cardsBack) {
    }

    /** An officer's name and Dinas password to open the visit's sealed data. */
    public record Unlock(@NotBlank(message = "{outpost.error.username}") @Size(max = 40,
                                 message = "{outpost.error.username}") String username,
                         @NotBlank(message = "{outpost.error.password}") @Size(max = 200,
                                 message = "{outpost.error.password}") String password) {
    }

    /** The signed-in officer's Dinas password. */
    public record Password(@NotBlank(message = "{outpost.error.password}") @Size(max = 200,
            message = "{outpost.error.password}") String password) {
    }
}
