package id.dukcapil.portal.audit;

import id.dukcapil.portal.audit.internal.PersonalDataViewStore;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.jdbc.Slices;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ADMIN's question "who saw this NIK": every view and download of a resident's or a family's number, newest
 * first. The ADMIN only: the answer itself says whom the office looked at.
 */
@Service
@PreAuthorize("hasRole('" + Roles.ADMIN + "')")
public class PersonalDataAccessSearch {

    private final PersonalDataViewStore store;

    PersonalDataAccessSearch(PersonalDataViewStore store) {
        this.store = store;
    }

    /** A NIK or a KK number, spaces ignored; a blank one finds nothing. */
    @Transactional(readOnly = true)
    public Slice<PersonalDataAccess> whoSaw(String number, Pageable page) {
        String digits = number.replaceAll("\\s+", "");
        List<PersonalDataAccess> rows = digits.isEmpty() ? List.of()
                : store.page(digits, page.getOffset(), page.getPageSize() + 1);
        return Slices.of(rows, page);
    }

    /** Every access to the number, oldest first, without holding them all in memory. */
    @Transactional(readOnly = true)
    public void forEach(String number, Consumer<PersonalDataAccess> consumer) {
        String digits = number.replaceAll("\\s+", "");
        if (!digits.isEmpty()) {
            store.forEach(digits, consumer);
        }
    }
}
