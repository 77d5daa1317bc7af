package id.dukcapil.portal.population.internal;

import id.dukcapil.portal.population.GoneReason;
import id.dukcapil.portal.population.Resident;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A resident as the register holds them, with their family's KK number and the import that found it unchanged. */
record StoredResident(Resident resident, @Nullable LocalDate goneOn, @Nullable GoneReason goneReason,
                      @Nullable Long seenImport, String kkNumber, @Nullable Long familyUnchangedImport) {

    /** Listed earlier by this import in another family than {@code kk}. */
    boolean listedElsewhere(long importId, String kk) {
        return !kkNumber.equals(kk)
                && (Objects.equals(seenImport, importId) || Objects.equals(familyUnchangedImport, importId));
    }
}
