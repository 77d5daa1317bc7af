package id.dukcapil.portal.population.internal;

import id.dukcapil.portal.audit.Actor;
import id.dukcapil.portal.population.extract.ExtractFamily;
import id.dukcapil.portal.shared.KkNumber;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Loads one chunk of an extract's families in the caller's transaction, in the order that keeps an import whole:
 * read what the register holds ({@link StoredRows}), work out what the extract changes ({@link FamilyDiff}), write it
 * ({@link FamilyWrites}), tell it ({@link ImportChanges}). A family whose rows hash as they did when it was last
 * loaded is only stamped as seen (decision 107); refused families' rows are kept for the report and their residents
 * kept as they were. Whole families only: a family refused here (its KK number or a member's NIK came earlier in the
 * same extract) is refused with every row.
 */
@Component
class FamilyLoad {

    private final StoredRows stored;
    private final FamilyWrites writes;
    private final ImportChanges changes;

    FamilyLoad(StoredRows stored, FamilyWrites writes, ImportChanges changes) {
        this.stored = stored;
        this.writes = writes;
        this.changes = changes;
    }

    /**
     * Consecutive families of a chunk written in one transaction.
     *
     * @param knownKks the KK numbers among them the register held before the chunk, when this is the chunk's first
     *                 portion; null for a later one, whose KK numbers an earlier portion may have added
     */
    record Portion(List<ExtractFamily> families, @Nullable Set<String> knownKks) {

        boolean mayBeKnown(String kk) {
            return knownKks == null || knownKks.contains(kk);
        }
    }

    /**
     * The chunk in consecutive portions, each with at most {@code comparedPerPortion} families the register holds
     * with other rows than the extract's (new and unchanged families are cheap): each portion is one transaction,
     * so a refresh holds its locks and the audit chain for a few dozen changed families at a time (decision 107).
     * Read without locks: {@link #write} reads the known families again under them (a first load, all new, reads
     * them once). A family written meanwhile by someone else fails the portion's load as a duplicate.
     */
    List<Portion> portions(List<ExtractFamily> chunk, int comparedPerPortion) {
        Map<String, StoredFamily> known = stored.families(chunk.stream().flatMap(f -> f.kkNumber().stream())
                .map(KkNumber::value).distinct().toList(), false);
        List<Portion> portions = new ArrayList<>();
        List<ExtractFamily> portion = new ArrayList<>();
        int compared = 0;
        for (ExtractFamily family : chunk) {
            portion.add(family);
            StoredFamily row = family.kkNumber().map(kk -> known.get(kk.value())).orElse(null);
            if (family.good() && row != null && !FamilyFingerprint.of(family).equals(row.fingerprint())
                    && ++compared >= comparedPerPortion) {
                portions.add(new Portion(portion, portions.isEmpty() ? known.keySet() : null));
                portion = new ArrayList<>();
                compared = 0;
            }
        }
        if (!portion.isEmpty()) {
            portions.add(new Portion(portion, portions.isEmpty() ? known.keySet() : null));
        }
        return portions;
    }

    void write(long importId, Portion portion, ImportStore.Tally tally, Actor actor, LocalDate today) {
        List<ExtractFamily> chunk = portion.families();
        List<ExtractFamily> refused = new ArrayList<>();
        List<ExtractFamily> good = new ArrayList<>();
        chunk.forEach(family -> (family.good() ? good : refused).add(family));
        Map<String, StoredFamily> families = stored.families(good.stream().map(f -> f.kkNumber().orElseThrow().value())
                .filter(portion::mayBeKnown).distinct().toList(), true);
        Map<ExtractFamily, String> fingerprints = new IdentityHashMap<>();
        good.forEach(family -> fingerprints.put(family, FamilyFingerprint.of(family)));
        Set<ExtractFamily> unchanged = Collections.newSetFromMap(new IdentityHashMap<>());
        good.stream().filter(family -> {
            StoredFamily row = families.get(family.kkNumber().orElseThrow().value());
            return row != null && fingerprints.get(family).equals(row.fingerprint());
        }).forEach(unchanged::add);
        Map<String, StoredResident> residents = stored.residents(good.stream()
                .filter(family -> !unchanged.contains(family))
                .flatMap(f -> f.rows().stream()).map(row -> row.resident().nik().value()).toList());

        List<ExtractFamily> accepted = FamilyDiff.acceptOnce(importId, good, families, residents, refused);
        List<ExtractFamily> compared = accepted.stream().filter(family -> !unchanged.contains(family)).toList();
        FamilyWrites.Changed changed = new FamilyWrites.Changed();
        writes.keepUnchanged(importId, accepted.stream().filter(unchanged::contains)
                .map(family -> families.get(family.kkNumber().orElseThrow().value()).id()).toList());
        Map<String, Long> familyIds = writes.writeFamilies(compared, families, fingerprints, changed, actor, importId);
        writes.writeResidents(importId, compared, familyIds, families.keySet(), residents, changed, tally, actor, today);
        writes.keepRefused(importId, refused);

        tally.rowsRejected += refused.stream().mapToLong(f -> f.rows().size()).sum();
        tally.familiesRejected += refused.size();
        if (!chunk.isEmpty()) {
            changes.loaded(actor, importId, "lines %d–%d: %d families loaded (%d unchanged), %d refused"
                    .formatted(chunk.getFirst().firstLine(), chunk.getLast().rows().getLast().row().line(),
                            accepted.size(), accepted.size() - compared.size(), refused.size()));
        }
        changes.announce(importId, changed.residents, changed.families.stream().map(KkNumber::of).toList());
    }
}
