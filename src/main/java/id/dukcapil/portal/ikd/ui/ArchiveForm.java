package id.dukcapil.portal.ikd.ui;

import id.dukcapil.portal.ikd.ArchiveItem;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;

/** The officer's archive checklist as the dialog binds it: every item ticked (the desk refuses less anyway). Public: Binder reads it by reflection. */
public record ArchiveForm(@NotNull(message = "{ikd.archive.incomplete}")
                   @Size(min = ArchiveItem.COUNT, message = "{ikd.archive.incomplete}") Set<ArchiveItem> items) {
}
