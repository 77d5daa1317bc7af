package id.dukcapil.portal.shared.ui;

import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.StreamRegistration;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A grid's column of each row's buttons and links, drawn in the browser from the row's data key (decision 163). A
 * click names the row it was made on, so it still acts when the grid was redrawn meanwhile: a change pushed from
 * another desk, or the clerk's own previous click still on its way. Buttons made on the server for each row (a
 * component column) are made anew at every redraw, and a click on one the server has already replaced is dropped
 * without a word. The row keeps its key across a redraw where the grid's data view has an identifier provider and its
 * rows are refreshed, not set anew ({@link ListedRows}).
 *
 * <p>Each button's id is its action's {@code idPrefix} followed by the row's id, as the browser tests and the office
 * benchmark find it; a button shows only on the rows its action applies to. Actions given the same prefix are one
 * button drawn as the row's state says (a label or a look of its own): their rows must exclude each other. The column
 * is frozen to the grid's end, so the actions stay in sight however wide the other columns grow (decision 127).
 */
public final class RowActions<T> {

    /** The column's key: how a test finds the actions among a grid's columns. */
    public static final String KEY = "row-actions";
    /** A link's query parameter naming its row by the row's data key. */
    private static final String ROW = "row";

    private final Function<T, ?> rowId;
    /** Each button's and link's id prefix, in the order given: the order they stand in on a row. */
    private final List<String> idPrefixes = new ArrayList<>();
    /** The buttons, by id prefix: one drawing each, in the order given. */
    private final Map<String, List<Action<T>>> buttons = new HashMap<>();
    private final Map<String, Link<T>> links = new HashMap<>();
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
     * asks: "handover-open-" is {@code actHandoverOpen}. The property is 0 (a button) or empty (a link) where the row
     * does not show it.
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
        return button(idPrefix, label, null, shownFor, action, variants);
    }

    /** As {@link #button(String, String, Predicate, Consumer, ButtonVariant...)}, with an icon before its label. */
    public RowActions<T> button(String idPrefix, String label, @Nullable VaadinIcon icon, Predicate<T> shownFor,
                                Consumer<T> action, ButtonVariant... variants) {
        return add(new Action<>(idPrefix, label, shownFor, action, icon, false, List.of(variants)));
    }

    /** As {@link #button}, for an action that opens a dialog: the page says so (decision 148). */
    public RowActions<T> dialogButton(String idPrefix, String label, @Nullable VaadinIcon icon, Predicate<T> shownFor,
                                      Consumer<T> action, ButtonVariant... variants) {
        return add(new Action<>(idPrefix, label, shownFor, action, icon, true, List.of(variants)));
    }

    /**
     * A link labelled {@code label}, on the rows {@code shownFor} accepts, to the file {@code file} makes of its row.
     * Its address names the row by its data key, at one address the grid keeps while it is shown: a link made for
     * each row would be replaced at each redraw, and its address would no longer serve.
     */
    public RowActions<T> link(String idPrefix, String label, Predicate<T> shownFor, Function<T, DownloadResponse> file) {
        claim(idPrefix);
        links.put(idPrefix, new Link<>(idPrefix, label, shownFor, file));
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
        buttons.forEach((idPrefix, drawings) -> {
            String function = function(idPrefix);
            renderer.withProperty(function, row -> shown(drawings, row));
            // Runs whatever the row's state now: the drawing it shows now, or else the first, whose service refuses,
            // with its reason, what no longer applies.
            renderer.withFunction(function, row -> drawings.stream().filter(action -> action.shownFor().test(row))
                    .findFirst().orElse(drawings.getFirst()).action().accept(row));
        });
        links.values().forEach(link -> link.addTo(grid, renderer));
        if (note != null) {
            Function<T, @Nullable String> text = note;
            renderer.withProperty("note", row -> text.apply(row));
        }
        return grid.addColumn(renderer).setKey(KEY).setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
    }

    private RowActions<T> add(Action<T> action) {
        if (!buttons.containsKey(action.idPrefix())) {
            claim(action.idPrefix());
        }
        buttons.computeIfAbsent(action.idPrefix(), prefix -> new ArrayList<>()).add(action);
        return this;
    }

    /** The id prefix for a new button or link, checked: an id Vaadin can call, and no other button's or link's. */
    private void claim(String idPrefix) {
        if (!idPrefix.matches("[a-z][a-z0-9-]*-")) {
            throw new IllegalArgumentException("An action's id prefix is lower-case words ending in '-': " + idPrefix);
        }
        if (idPrefixes.contains(idPrefix)) {
            throw new IllegalArgumentException("An id prefix names one link, or one button's drawings: " + idPrefix);
        }
        idPrefixes.add(idPrefix);
    }

    /** Which of the button's drawings the row shows, counted from 1; 0 for none. */
    private static <T> int shown(List<Action<T>> drawings, T row) {
        for (int drawing = 0; drawing < drawings.size(); drawing++) {
            if (drawings.get(drawing).shownFor().test(row)) {
                return drawing + 1;
            }
        }
        return 0;
    }

    private String template() {
        StringBuilder parts = new StringBuilder();
        for (String idPrefix : idPrefixes) {
            List<Action<T>> drawings = buttons.get(idPrefix);
            if (drawings == null) {
                parts.append(links.get(idPrefix).template());
                continue;
            }
            parts.append("${");
            for (int drawing = 0; drawing < drawings.size(); drawing++) {
                parts.append("item.").append(function(idPrefix)).append(" === ").append(drawing + 1).append(" ? html`")
                        .append(drawings.get(drawing).template()).append("` : ");
            }
            parts.append("''}");
        }
        String noted = note == null ? "" : "${item.note ? html`<span class=\"row-note\">${item.note}</span>` : ''}";
        return "<div class=\"row-actions\" style=\"display:flex;flex-wrap:nowrap;gap:var(--lumo-space-s);"
                + "align-items:center\">" + parts + noted + "</div>";
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

    private record Action<T>(String idPrefix, String label, Predicate<T> shownFor, Consumer<T> action,
                             @Nullable VaadinIcon icon, boolean opensDialog, List<ButtonVariant> variants) {

        String template() {
            List<ButtonVariant> all = new ArrayList<>(List.of(ButtonVariant.LUMO_SMALL));
            all.addAll(variants);
            String theme = all.stream().distinct().map(ButtonVariant::getVariantName).collect(Collectors.joining(" "));
            String iconPart = icon == null ? ""
                    : "<vaadin-icon slot=\"prefix\" icon=\"vaadin:" + icon.name().toLowerCase(Locale.ROOT).replace('_', '-')
                      + "\"></vaadin-icon>";
            return "<vaadin-button id=\"" + idPrefix + "${item.rowId}\" theme=\"" + theme + "\""
                    + (opensDialog ? " aria-haspopup=\"dialog\"" : "") + " @click=${" + function(idPrefix) + "}>"
                    + iconPart + text(label) + "</vaadin-button>";
        }
    }

    private record Link<T>(String idPrefix, String label, Predicate<T> shownFor, Function<T, DownloadResponse> file) {

        /** Its address while the grid is shown, registered with the grid's element, and the row's href from it. */
        void addTo(Grid<T> grid, LitRenderer<T> renderer) {
            DownloadHandler files = DownloadHandler.fromInputStream(event -> {
                String key = event.getRequest().getParameter(ROW);
                AtomicReference<@Nullable T> row = new AtomicReference<>();
                event.getUI().accessSynchronously(() -> row.set(key == null ? null
                        : grid.getDataCommunicator().getKeyMapper().get(key)));
                T listed = row.get();
                return listed == null || !shownFor.test(listed) ? DownloadResponse.error(HttpStatusCode.NOT_FOUND)
                        : file.apply(listed);
            });
            AtomicReference<@Nullable StreamRegistration> address = new AtomicReference<>();
            grid.addAttachListener(attach -> address.set(attach.getSession().getResourceRegistry()
                    .registerResource(files, grid.getElement())));
            grid.addDetachListener(detach -> {
                StreamRegistration registered = address.getAndSet(null);
                if (registered != null) {
                    registered.unregister();
                }
            });
            renderer.withProperty(function(idPrefix), row -> {
                StreamRegistration registered = address.get();
                return registered == null || !shownFor.test(row) ? "" : registered.getResourceUri() + "?" + ROW + "="
                        + grid.getDataCommunicator().getKeyMapper().key(row);
            });
        }

        String template() {
            String href = "item." + function(idPrefix);
            return "${" + href + " ? html`<a id=\"" + idPrefix + "${item.rowId}\" href=\"${" + href + "}\" download"
                    + " router-ignore>" + text(label) + "</a>` : ''}";
        }
    }
}
