package id.dukcapil.portal.shared.ui;

import jakarta.validation.constraints.NotBlank;

/**
 * A reason as {@link ReasonDialog} binds it: written, not blank. Its longest length is each action's own (a KK
 * rejection, a day's closure), so the dialog checks it against the limit it is given, in the same words.
 */
public record TypedReason(@NotBlank(message = "{shared.reason.required}") String reason) {

    static TypedReason empty() {
        return new TypedReason("");
    }
}
