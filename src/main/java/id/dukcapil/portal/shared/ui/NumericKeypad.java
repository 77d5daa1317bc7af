package id.dukcapil.portal.shared.ui;

import com.vaadin.flow.component.textfield.TextField;

/**
 * Digits-only fields (a NIK, a KK number, a one-time code) bring up a phone's number pad (decision 177). The hint
 * must be on the {@code <input>} the phone types into, which the text field makes in the browser; an attribute on
 * the field's own element reaches no keyboard. The field's documented {@code inputElement} gets it each time the
 * field is attached, once the field has drawn itself.
 */
public final class NumericKeypad {

    private NumericKeypad() {
    }

    public static <T extends TextField> T on(T field) {
        field.addAttachListener(attached -> field.getElement().executeJs("""
                const field = this;
                customElements.whenDefined(field.localName).then(() => field.updateComplete).then(() => {
                  if (field.inputElement) field.inputElement.setAttribute('inputmode', 'numeric');
                });"""));
        return field;
    }

    /** A one-time code of {@code digits}: the number pad, and the phone offers the code from its messages. */
    public static <T extends TextField> T oneTimeCode(T field, int digits) {
        // The field hands its autocomplete to its input; Flow's Autocomplete has no "one-time-code".
        field.getElement().setAttribute("autocomplete", "one-time-code");
        field.setPattern("\\d{" + digits + "}");
        return on(field);
    }
}
