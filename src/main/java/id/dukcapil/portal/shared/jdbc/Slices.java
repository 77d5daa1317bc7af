package id.dukcapil.portal.shared.jdbc;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.SliceImpl;

/**
 * Pages read without counting: a store reads one row more than the page holds, and that extra row only says
 * whether there is a next page (a COUNT over a large table would cost more than the page).
 */
public final class Slices {

    private Slices() {
    }

    /** The page of {@code rows}, read as the page's size and one more. */
    public static <T> Slice<T> of(List<T> rows, Pageable page) {
        boolean hasNext = rows.size() > page.getPageSize();
        return new SliceImpl<>(hasNext ? rows.subList(0, page.getPageSize()) : rows, page, hasNext);
    }
}
