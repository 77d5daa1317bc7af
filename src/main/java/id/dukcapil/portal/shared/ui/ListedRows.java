package id.dukcapil.portal.shared.ui;

import com.vaadin.flow.component.grid.Grid;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * A grid's rows from a list read anew at each refresh, each row keeping its data key while it is listed: a click on
 * its {@link RowActions}, made before a refresh and arriving after it, still finds its row. A new list given to the
 * grid ({@code setItems}) would forget every row's key at once, and such a click would be dropped without a word.
 */
public final class ListedRows<T> {

    private final Grid<T> grid;
    private final List<T> rows = new ArrayList<>();

    private ListedRows(Grid<T> grid) {
        this.grid = grid;
    }

    /** The grid's rows, each known by {@code rowId} however else it changes. */
    public static <T> ListedRows<T> of(Grid<T> grid, Function<T, ?> rowId) {
        ListedRows<T> listed = new ListedRows<>(grid);
        grid.setItems(listed.rows).setIdentifierProvider(rowId::apply);
        return listed;
    }

    /**
     * The grid shows {@code now}, redrawn, its automatic widths measured anew: a grid first drawn empty had measured
     * its buttons' column at 17 px, and the buttons of rows that came later sat past its edge (issue 54, the IKD desk).
     */
    public void show(Collection<? extends T> now) {
        rows.clear();
        rows.addAll(now);
        grid.getDataProvider().refreshAll();
        grid.recalculateColumnWidths();
    }
}
