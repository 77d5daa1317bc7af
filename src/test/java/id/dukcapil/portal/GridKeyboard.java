package id.dukcapil.portal;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.grid.CellFocusEvent;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.dom.DomEvent;
import com.vaadin.flow.internal.JacksonUtils;
import com.vaadin.flow.internal.nodefeature.ElementListenerMap;
import id.dukcapil.portal.shared.ui.RowOpener;
import tools.jackson.databind.node.ObjectNode;

/** What the browser tells the server when a clerk moves the keyboard's focus to a grid row and presses Enter. */
public final class GridKeyboard {

    private GridKeyboard() {
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
}
