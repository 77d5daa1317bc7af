package id.dukcapil.portal.population.ui;

import id.dukcapil.portal.shared.region.Region;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/**
 * The extract's upload form as the import screen binds it: the region the extract covers, which decides whose
 * residents missing from the file are marked gone. The file itself is streamed to disk under its cap by the upload,
 * not held in the form.
 */
public record ExtractForm(@NotNull(message = "{population.import.no-scope}") @Nullable Region scope) {
}
