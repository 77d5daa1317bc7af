package id.dukcapil.portal.shared;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * The order a grid's page is read in: the columns the user clicked (the page's sort), else the list's own order;
 * the id last, so that each page follows the one before it when the chosen columns tie.
 */
public final class PageOrder {

    private PageOrder() {
    }

    public static Pageable of(Pageable page, Sort byDefault) {
        Sort chosen = page.getSort().isSorted() ? page.getSort() : byDefault;
        return PageRequest.of(page.getPageNumber(), page.getPageSize(), chosen.and(Sort.by("id")));
    }
}
