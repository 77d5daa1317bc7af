package id.dukcapil.portal;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.grid.CellFocusEvent;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.ItemClickEvent;
import com.vaadin.flow.component.grid.ItemDoubleClickEvent;
import com.vaadin.flow.dom.DomEvent;
import com.vaadin.flow.internal.JacksonUtils;
import com.vaadin.flow.internal.nodefeature.ElementListenerMap;
import com.vaadin.flow.component.grid.GridTester;
import id.dukcapil.portal.shared.ui.RowActions;
import id.dukcapil.portal.shared.ui.RowOpener;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/** What the browser tells the server when a clerk double-clicks a grid row, or moves the focus to it and presses Enter. */
public final class GridInput {

    private GridInput() {
    }

    /** A double click as a browser reports it: a click, a second click (click count 2), then the double click. */
    public static <T> void doubleClick(Grid<T> grid, T item) {
        String key = grid.getDataCommunicator().getKeyMapper().key(item);
        for (int count = 1; count <= 2; count++) {
            ComponentUtil.fireEvent(grid, new ItemClickEvent<>(grid, true, key, null, 0, 0, 0, 0, count, 0,
                    false, false, false, false));
        }
        ComponentUtil.fireEvent(grid, new ItemDoubleClickEvent<>(grid, true, key, null, 0, 0, 0, 0, 2, 0,
                false, false, false, false));
    }

    /** Focus on a body cell of the item's row, then Enter on that cell (not on a button inside it). */
    public static <T> void enterOn(Grid<T> grid, T item) {
        String key = grid.getDataCommunicator().getKeyMapper().key(item);
        ComponentUtil.fireEvent(grid, new CellFocusEvent<>(grid, true, key, null, "body"));
        ObjectNode data = JacksonUtils.createObjectNode();
        data.put(RowOpener.ENTER_ON_ROW, true);
        grid.getElement().getNode().getFeature(ElementListenerMap.class)
                .fireEvent(new DomEvent(grid.getElement(), "keydown", data));
    }

    /**
     * A click on the row's button with that id prefix ({@link RowActions}), as the browser sends it: refused here, as
     * the button is absent there, where the row does not show it.
     */
    public static <T> void clickAction(Grid<T> grid, int row, String idPrefix) {
        if (!showsAction(grid, row, idPrefix)) {
            throw new IllegalStateException("row " + row + " shows no " + idPrefix + " button");
        }
        new GridTester<>(grid).invokeLitRendererFunction(row, actionsColumn(grid), RowActions.function(idPrefix));
    }

    /** Whether the row shows its button or link with that id prefix ({@link RowActions}). */
    public static <T> boolean showsAction(Grid<T> grid, int row, String idPrefix) {
        Object shown = new GridTester<>(grid).getLitRendererPropertyValue(row, actionsColumn(grid),
                RowActions.function(idPrefix), Object.class);
        return !List.of(0, "").contains(shown); // as the template reads it: nothing drawn, no address
    }

    private static int actionsColumn(Grid<?> grid) {
        return grid.getColumns().indexOf(grid.getColumnByKey(RowActions.KEY));
    }
}
