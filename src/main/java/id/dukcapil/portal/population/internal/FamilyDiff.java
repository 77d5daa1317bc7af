package id.dukcapil.portal.population.internal;

import id.dukcapil.portal.population.Address;
import id.dukcapil.portal.population.Resident;
import id.dukcapil.portal.population.extract.CheckedRow;
import id.dukcapil.portal.population.extract.ExtractFamily;
import id.dukcapil.portal.population.extract.ExtractResident;
import id.dukcapil.portal.shared.Finding;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What an extract's families change in the register, worked out from what the register holds, without reading or
 * writing anything: which families an import may load (each KK number and NIK once per import), and what changed in
 * a family's address or in a resident's record, field by field as the audit entry says it. Apart from the writes so
 * that the rules of a refresh can be tested without a database.
 */
final class FamilyDiff {

    private FamilyDiff() {
    }

    /**
     * The families whose KK number and members' NIKs this import has not loaded before, in their order; the others
     * are added to {@code refused}, refused with their reason.
     *
     * @param families  the stored families of the good families' KK numbers
     * @param residents the stored residents of their members' NIKs
     */
    static List<ExtractFamily> acceptOnce(long importId, List<ExtractFamily> good, Map<String, StoredFamily> families,
                                          Map<String, StoredResident> residents, List<ExtractFamily> refused) {
        Set<String> chunkKks = new HashSet<>();
        Map<String, String> chunkNiks = new HashMap<>();
        List<ExtractFamily> accepted = new ArrayList<>();
        for (ExtractFamily family : good) {
            String kk = family.kkNumber().orElseThrow().value();
            StoredFamily existing = families.get(kk);
            if (!chunkKks.add(kk) || existing != null && Objects.equals(existing.seenImport(), importId)) {
                refused.add(family.refusedFor(Finding.of("extract.family.again", kk)));
                continue;
            }
            String elsewhere = null;
            for (CheckedRow row : family.rows()) {
                String nik = row.resident().nik().value();
                StoredResident resident = residents.get(nik);
                String earlier = chunkNiks.get(nik);
                if (earlier != null && !earlier.equals(kk) || resident != null && resident.listedElsewhere(importId, kk)) {
                    elsewhere = nik;
                }
            }
            if (elsewhere != null) {
                refused.add(family.refusedFor(Finding.of("extract.family.nik-elsewhere", elsewhere)));
                continue;
            }
            family.rows().forEach(row -> chunkNiks.put(row.resident().nik().value(), kk));
            accepted.add(family);
        }
        return accepted;
    }

    /** The address's changed fields as {@code field: before → after}; empty when it is the same. */
    static List<String> addressChanges(Address before, Address after) {
        List<String> changes = new ArrayList<>();
        diff(changes, "street", before.street(), after.street());
        diff(changes, "rt", before.rt(), after.rt());
        diff(changes, "rw", before.rw(), after.rw());
        diff(changes, "village_code", before.villageCode(), after.villageCode());
        return changes;
    }

    /**
     * A known resident as the extract lists them in the family {@code kk}.
     *
     * @param goneOn   the day they are gone since: kept from the register while the reason stays, else today
     * @param changes  the changed fields as {@code field: before → after}; empty when the record is the same
     * @param newlyGone gone now, not before
     */
    record ResidentDiff(@Nullable LocalDate goneOn, List<String> changes, boolean newlyGone, boolean movedFamily) {

        boolean unchanged() {
            return changes.isEmpty();
        }
    }

    static ResidentDiff resident(StoredResident existing, String kk, ExtractResident listed, LocalDate today) {
        LocalDate goneOn = listed.gone() == null ? null
                : existing.goneOn() != null && existing.goneReason() == listed.gone() ? existing.goneOn() : today;
        return new ResidentDiff(goneOn, changes(existing, kk, listed, goneOn),
                listed.gone() != null && existing.goneOn() == null, !existing.kkNumber().equals(kk));
    }

    private static List<String> changes(StoredResident existing, String kk, ExtractResident r,
                                        @Nullable LocalDate goneOn) {
        Resident before = existing.resident();
        List<String> changes = new ArrayList<>();
        diff(changes, "kk_number", existing.kkNumber(), kk);
        diff(changes, "full_name", before.fullName(), r.fullName());
        diff(changes, "birth_place", before.birthPlace(), r.birthPlace());
        diff(changes, "birth_date", before.birthDate(), r.birthDate());
        diff(changes, "sex", before.sex(), r.sex());
        diff(changes, "religion", before.religion(), r.religion());
        diff(changes, "marital_status", before.maritalStatus(), r.maritalStatus());
        diff(changes, "relationship", before.relationship(), r.relationship());
        diff(changes, "education", before.education(), r.education());
        diff(changes, "occupation", before.occupation(), r.occupation());
        diff(changes, "father_name", before.fatherName(), r.fatherName());
        diff(changes, "mother_name", before.motherName(), r.motherName());
        diff(changes, "email", before.email(), r.email());
        diff(changes, "phone", before.phone(), r.phone());
        diff(changes, "enrolment_status", before.enrolmentStatus(), r.enrolmentStatus());
        diff(changes, "gone_reason", existing.goneReason(), r.gone());
        diff(changes, "gone_on", existing.goneOn(), goneOn);
        return changes;
    }

    private static void diff(List<String> changes, String field, @Nullable Object before, @Nullable Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(field + ": " + before + " → " + after);
        }
    }
}
