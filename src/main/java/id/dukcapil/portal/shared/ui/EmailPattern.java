package id.dukcapil.portal.shared.ui;

import com.vaadin.flow.component.textfield.EmailField;

/**
 * The addresses an {@link EmailField} lets through, the same as {@link id.dukcapil.portal.shared.Email} accepts.
 * The field's own pattern, checked in the browser and again on the server before the binder, refused an apostrophe
 * and the other characters RFC 5321 allows before the {@code @} ({@code o'neil@example.id}), which the service takes:
 * a citizen who could not type their address could not register, reset a password or sign in.
 * A browser reads the pattern with the {@code v} flag, so the characters that flag reserves in a class are escaped,
 * none doubled; Java reads the same text. Spaces around the address are not matched: an e-mail input drops them.
 */
public final class EmailPattern {

    private static final String ATOM = "[A-Za-z0-9!#$%&'*+=?^_`~\\/\\{\\|\\}\\-]+";
    private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9\\-]{0,61}[A-Za-z0-9])?";

    /**
     * A dot-atom of at most 64 characters, {@code @}, two or more labels, the last not all digits. Capitals in the
     * domain are taken: the service lower-cases it.
     */
    public static final String REGEX = "(?=[^@]{1,64}@)" + ATOM + "(?:\\." + ATOM + ")*"
            + "@(?:" + LABEL + "\\.)+(?![0-9]+$)" + LABEL;

    private EmailPattern() {
    }

    /** The field checks an address as the service does (its length still the field's {@code maxLength}). */
    public static void on(EmailField field) {
        field.setPattern(REGEX);
    }
}
