package id.dukcapil.portal.population.extract;

import id.dukcapil.portal.shared.Finding;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A row and what its own rules found: a resident when it met them all, else every reason it did not. */
public record CheckedRow(ExtractRow row, @Nullable ExtractResident resident, List<Finding> findings) {

    public CheckedRow {
        findings = List.copyOf(findings);
        if ((resident == null) == findings.isEmpty()) {
            throw new IllegalArgumentException("A row has a resident exactly when nothing was found wrong");
        }
    }

    public boolean good() {
        return resident != null;
    }
}
