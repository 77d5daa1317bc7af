package id.dukcapil.portal.shared.ui;

import com.vaadin.flow.component.grid.Grid;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Opens a grid's row with one click, a double click (once: its second click is ignored), or Enter on the focused row.
 * A click on a button or a checkbox
 * inside a cell does not open the row: Vaadin's grid connector fires no item click for a click on focusable cell
 * content, so a row's own actions stay its own.
 */
public final class RowOpener {

    /**
     * The keydown filter: Enter on the focused cell or row itself, not on a button inside it (that is the button's).
     * A browserless test fires the keydown with this key set to true.
     */
    public static final String ENTER_ON_ROW =
            "event.key === 'Enter' && ['td', 'tr'].includes(event.composedPath()[0].localName)";

    private RowOpener() {
    }

    public static <T> void install(Grid<T> grid, Consumer<T> open) {
        grid.addClassName("opens-rows");
        grid.addItemClickListener(click -> {
            if (click.getClickCount() == 1) {
                open.accept(click.getItem());
            }
        });
        // The grid tells the server which body cell has the keyboard's focus; Enter opens that row.
        AtomicReference<T> focused = new AtomicReference<>();
        grid.addCellFocusListener(focus -> focused.set(focus.getItem().orElse(null)));
        grid.getElement().addEventListener("keydown", enter -> {
            T item = focused.get();
            if (item != null) {
                open.accept(item);
            }
        }).setFilter(ENTER_ON_ROW);
    }
}
