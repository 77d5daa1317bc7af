package id.dukcapil.portal.shared.jdbc;

import java.util.Map;
import org.springframework.data.domain.Sort;

/**
 * A grid's sort as the {@code ORDER BY} of a JdbcClient store's page (decision 194): each property a grid may sort by
 * names its column here, and anything else is refused, so the SQL is never made of what a request names. The list's
 * own order follows the chosen columns and ends with a unique key, so that each page follows the one before it.
 *
 * @param columns  the grid's sort properties and their columns; a column written {@code -name} sorts against the
 *                 grid's arrow (a time in step is short when its start is late)
 * @param ownOrder the list's own order, ending with a unique key, e.g. {@code "step_due_at, id"}
 */
public record SqlOrder(Map<String, String> columns, String ownOrder) {

    /**
     * The {@code ORDER BY} clause for {@code sort}.
     *
     * @throws IllegalArgumentException for a property not in {@link #columns}
     */
    public String of(Sort sort) {
        StringBuilder by = new StringBuilder("ORDER BY ");
        for (Sort.Order order : sort) {
            String column = columns.get(order.getProperty());
            if (column == null) {
                throw new IllegalArgumentException("This list does not sort by " + order.getProperty());
            }
            boolean against = column.startsWith("-");
            by.append(against ? column.substring(1) : column)
                    .append(order.isAscending() != against ? " ASC, " : " DESC, ");
        }
        return by.append(ownOrder).toString();
    }
}
