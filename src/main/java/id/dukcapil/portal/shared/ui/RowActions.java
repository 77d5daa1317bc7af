package id.dukcapil.portal.shared.ui;

import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.data.renderer.LitRenderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A grid's column of each row's buttons, drawn in the browser from the row's data key (decision 163). A click names
 * the row it was made on, so it still acts when the grid was redrawn meanwhile: a change pushed from another desk, or
 * the clerk's own previous click still on its way. Buttons made on the server for each row (a component column) are
 * made anew at every redraw, and a click on one the server has already replaced is dropped without a word.
 *
 * <p>Each button's id is its action's {@code idPrefix} followed by the row's id, as the browser tests and the office
 * benchmark find it; a button shows only on the rows its action applies to. The column is frozen to the grid's end,
 * so the actions stay in sight however wide the other columns grow (decision 127).
 */
public final class RowActions<T> {

    /** The column's key: how a test finds the actions among a grid's columns. */
    public static final String KEY = "row-actions";

    private final Function<T, ?> rowId;
    private final List<Action<T>> actions = new ArrayList<>();
    private @Nullable Function<T, @Nullable String> note;

    private RowActions(Function<T, ?> rowId) {
        this.rowId = rowId;
    }

    /** Actions on rows identified by {@code rowId}: the part of each button's id after its prefix. */
    public static <T> RowActions<T> of(Function<T, ?> rowId) {
        return new RowActions<>(rowId);
    }

    /**
     * The client-callable function and the row property of the action with that id prefix, alphanumeric as Vaadin
     * asks: "handover-open-" is {@code actHandoverOpen}.
     */
    public static String function(String idPrefix) {
        StringBuilder name = new StringBuilder("act");
        for (String word : idPrefix.split("-")) {
            name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return name.toString();
    }

    /** A button labelled {@code label}, on the rows {@code shownFor} accepts, that runs {@code action} on its row. */
    public RowActions<T> button(String idPrefix, String label, Predicate<T> shownFor, Consumer<T> action,
                                ButtonVariant... variants) {
        actions.add(new Action<>(idPrefix, label, shownFor, action, null, false, List.of(variants)));
        return this;
    }

    /** As {@link #button}, for an action that opens a dialog: the page says so (decision 148). */
    public RowActions<T> dialogButton(String idPrefix, String label, @Nullable VaadinIcon icon, Predicate<T> shownFor,
                                      Consumer<T> action, ButtonVariant... variants) {
        actions.add(new Action<>(idPrefix, label, shownFor, action, icon, true, List.of(variants)));
        return this;
    }

    /** A short text shown on a row (beside its buttons, or instead of them): its state where no action applies. */
    public RowActions<T> note(Function<T, @Nullable String> note) {
        this.note = note;
        return this;
    }

    /** The column, added to {@code grid} and frozen to its end. */
    public Grid.Column<T> addTo(Grid<T> grid) {
        LitRenderer<T> renderer = LitRenderer.of(template());
        renderer.withProperty("rowId", row -> String.valueOf(rowId.apply(row)));
        for (Action<T> action : actions) {
            renderer.withProperty(action.function(), action.shownFor()::test);
            // Run whatever the row's state now: the service refuses, with its reason, what no longer applies.
            renderer.withFunction(action.function(), action.action()::accept);
        }
        if (note != null) {
            Function<T, @Nullable String> text = note;
            renderer.withProperty("note", row -> text.apply(row));
        }
        return grid.addColumn(renderer).setKey(KEY).setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
    }

    private String template() {
        String buttons = actions.stream().map(Action::template).collect(Collectors.joining());
        String noted = note == null ? "" : "${item.note ? html`<span class=\"row-note\">${item.note}</span>` : ''}";
        return "<div class=\"row-actions\" style=\"display:flex;flex-wrap:nowrap;gap:var(--lumo-space-s);"
                + "align-items:center\">" + buttons + noted + "</div>";
    }

    private record Action<T>(String idPrefix, String label, Predicate<T> shownFor, Consumer<T> action,
                             @Nullable VaadinIcon icon, boolean opensDialog, List<ButtonVariant> variants) {

        Action {
            if (!idPrefix.matches("[a-z][a-z0-9-]*-")) {
                throw new IllegalArgumentException("An action's id prefix is lower-case words ending in '-': " + idPrefix);
            }
        }

        String function() {
            return RowActions.function(idPrefix);
        }

        String template() {
            List<ButtonVariant> all = new ArrayList<>(List.of(ButtonVariant.LUMO_SMALL));
            all.addAll(variants);
            String theme = all.stream().distinct().map(ButtonVariant::getVariantName).collect(Collectors.joining(" "));
            String iconPart = icon == null ? ""
                    : "<vaadin-icon slot=\"prefix\" icon=\"vaadin:" + icon.name().toLowerCase(Locale.ROOT).replace('_', '-')
                      + "\"></vaadin-icon>";
            return "${item." + function() + " ? html`<vaadin-button id=\"" + idPrefix + "${item.rowId}\" theme=\""
                    + theme + "\"" + (opensDialog ? " aria-haspopup=\"dialog\"" : "") + " @click=${" + function()
                    + "}>" + iconPart + text(label) + "</vaadin-button>` : ''}";
        }

        /** A label as static text of the template: HTML-escaped, and nothing a JavaScript template literal reads. */
        private static String text(String label) {
            StringBuilder escaped = new StringBuilder();
            for (char c : label.toCharArray()) {
                escaped.append(switch (c) {
                    case '&' -> "&amp;";
                    case '<' -> "&lt;";
                    case '>' -> "&gt;";
                    case '"' -> "&quot;";
                    case '\'' -> "&#39;";
                    case '`' -> "&#96;";
                    case '$' -> "&#36;";
                    case '\\' -> "&#92;";
                    default -> String.valueOf(c);
                });
            }
            return escaped.toString();
        }
    }
}
