package id.dukcapil.portal.population.internal;

import static id.dukcapil.portal.population.internal.MultiRowInsert.placeholders;
import static id.dukcapil.portal.shared.jdbc.UtcColumns.utc;

import id.dukcapil.portal.audit.Actor;
import id.dukcapil.portal.population.Address;
import id.dukcapil.portal.population.CardPrint;
import id.dukcapil.portal.population.Relationship;
import id.dukcapil.portal.population.Resident;
import id.dukcapil.portal.population.extract.CheckedRow;
import id.dukcapil.portal.population.extract.ExtractColumn;
import id.dukcapil.portal.population.extract.ExtractFamily;
import id.dukcapil.portal.population.extract.ExtractResident;
import id.dukcapil.portal.shared.KkNumber;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.RegionDirectory;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Writes an import's accepted families into the register in the caller's transaction, as {@link FamilyDiff} finds
 * them changed: new families, residents and card prints each in one {@code LOAD DATA LOCAL} (decision 106), changed
 * ones in one batch of updates with an audit entry each, unchanged ones only stamped as seen (decision 107).
 */
@Component
class FamilyWrites {

    private static final List<String> FAMILY_COLUMNS = List.of("kk_number", "street", "rt", "rw", "village_code",
            "seen_import", "fingerprint");
    private static final List<String> RESIDENT_COLUMNS = List.of("family_id", "nik", "full_name", "name_key",
            "birth_place", "birth_date", "sex", "religion", "marital_status", "relationship", "education", "occupation",
            "father_name", "mother_name", "email", "phone", "enrolment_status", "gone_on", "gone_reason", "seen_import");
    private static final List<String> CARD_COLUMNS = List.of("resident_id", "printed_at", "service_point", "reason");

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final DataSource dataSource;
    private final StoredRows stored;
    private final ImportChanges changes;
    private final ImportStore store;

    FamilyWrites(JdbcClient jdbc, JdbcTemplate batches, DataSource dataSource, StoredRows stored,
                 ImportChanges changes, ImportStore store) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.dataSource = dataSource;
        this.stored = stored;
        this.changes = changes;
        this.store = store;
    }

    /** The families and residents a portion changed, for the events that tell the other modules. */
    static final class Changed {
        final Set<String> families = new LinkedHashSet<>();
        final List<Nik> residents = new ArrayList<>();
    }

    /**
     * Families whose rows are those they were last loaded from: one stamp each, no member read or written; their
     * residents count as listed by this import through {@code unchanged_import}.
     */
    void keepUnchanged(long importId, List<Long> familyIds) {
        if (!familyIds.isEmpty()) {
            jdbc.sql("UPDATE population_family SET seen_import = ?, unchanged_import = ? WHERE id IN ("
                    + placeholders(familyIds.size()) + ")").params(concat(importId, concat(importId, familyIds))).update();
        }
    }

    /** Adds the new families and updates the known ones; returns every accepted family's id by KK number. */
    Map<String, Long> writeFamilies(List<ExtractFamily> accepted, Map<String, StoredFamily> families,
                                    Map<ExtractFamily, String> fingerprints, Changed changed, Actor actor,
                                    long importId) {
        Map<String, Long> ids = new HashMap<>();
        LoadDataRows inserts = new LoadDataRows();
        List<String> added = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        for (ExtractFamily family : accepted) {
            String kk = family.kkNumber().orElseThrow().value();
            Address address = head(family).address();
            StoredFamily existing = families.get(kk);
            if (existing == null) {
                inserts.row(new Object[] {kk, address.street(), address.rt(), address.rw(), address.villageCode(), importId,
                        fingerprints.get(family)});
                added.add(kk);
                continue;
            }
            ids.put(kk, existing.id());
            updates.add(new Object[] {address.street(), address.rt(), address.rw(), address.villageCode(), importId,
                    fingerprints.get(family), existing.id()});
            if (existing.address().equals(address)) {
                continue;
            }
            changes.audit(actor, "population.family.refreshed", "Family", kk, importId,
                    FamilyDiff.addressChanges(existing.address(), address));
            changed.families.add(kk);
        }
        loadData(inserts, "population_family", FAMILY_COLUMNS);
        ids.putAll(stored.idsOf("population_family", "kk_number", added));
        batches.batchUpdate("""
                UPDATE population_family SET street = ?, rt = ?, rw = ?, village_code = ?, seen_import = ?, fingerprint = ?,
                    unchanged_import = NULL
                WHERE id = ?""", updates);
        return ids;
    }

    /** Adds the new residents with their cards, updates the changed ones and stamps the unchanged ones as seen. */
    void writeResidents(long importId, List<ExtractFamily> accepted, Map<String, Long> familyIds,
                        Set<String> familiesBefore, Map<String, StoredResident> residents, Changed changed,
                        ImportStore.Tally tally, Actor actor, LocalDate today) {
        LoadDataRows inserts = new LoadDataRows();
        Map<String, List<CardPrint>> newCards = new HashMap<>();
        Map<Long, ExtractResident> known = new HashMap<>();
        List<Long> unchanged = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        Set<String> leftFamilies = new HashSet<>();
        for (ExtractFamily family : accepted) {
            String kk = family.kkNumber().orElseThrow().value();
            long familyId = familyIds.get(kk);
            for (CheckedRow row : family.rows()) {
                ExtractResident r = row.resident();
                StoredResident existing = residents.get(r.nik().value());
                if (existing == null) {
                    inserts.row(residentRow(familyId, r, r.gone() == null ? null : today, importId));
                    if (!r.cards().isEmpty()) {
                        newCards.put(r.nik().value(), r.cards());
                    }
                    tally.residentsAdded++;
                    if (familiesBefore.contains(kk)) {
                        changed.families.add(kk);
                    }
                    continue;
                }
                known.put(existing.resident().id(), r);
                FamilyDiff.ResidentDiff diff = FamilyDiff.resident(existing, kk, r, today);
                if (diff.unchanged()) {
                    unchanged.add(existing.resident().id());
                    continue;
                }
                List<Object> params = new ArrayList<>(Arrays.asList(residentRow(familyId, r, diff.goneOn(), importId)));
                params.remove(1); // the NIK names the row and never changes
                params.add(existing.resident().id());
                updates.add(params.toArray());
                changes.audit(actor, diff.newlyGone() ? "population.resident.gone" : "population.resident.refreshed",
                        "Resident", r.nik().value(), importId, diff.changes());
                if (diff.newlyGone()) {
                    tally.residentsGone++;
                } else {
                    tally.residentsChanged++;
                }
                changed.residents.add(r.nik());
                changed.families.add(kk);
                if (diff.movedFamily()) {
                    changed.families.add(existing.kkNumber());
                    leftFamilies.add(existing.kkNumber());
                }
            }
        }
        batches.batchUpdate("""
                UPDATE population_resident SET family_id = ?, full_name = ?, name_key = ?, birth_place = ?,
                    birth_date = ?, sex = ?, religion = ?, marital_status = ?, relationship = ?, education = ?,
                    occupation = ?, father_name = ?, mother_name = ?, email = ?, phone = ?,
                    enrolment_status = ?, gone_on = ?, gone_reason = ?, seen_import = ?
                WHERE id = ?""", updates);
        if (!leftFamilies.isEmpty()) {
            // A family this import already wrote holds its new rows' fingerprint, without the member who left.
            jdbc.sql("UPDATE population_family SET fingerprint = NULL WHERE (seen_import IS NULL OR seen_import <> ?) "
                            + "AND kk_number IN (" + placeholders(leftFamilies.size()) + ")")
                    .params(concat(importId, List.copyOf(leftFamilies))).update();
        }
        loadData(inserts, "population_resident", RESIDENT_COLUMNS);
        Map<String, Long> newIds = stored.idsOf("population_resident", "nik", List.copyOf(newCards.keySet()));
        if (!unchanged.isEmpty()) {
            jdbc.sql("UPDATE population_resident SET seen_import = ? WHERE id IN (" + placeholders(unchanged.size()) + ")")
                    .params(concat(importId, unchanged)).update();
        }
        LoadDataRows cards = new LoadDataRows();
        newCards.forEach((nik, prints) -> prints.forEach(print -> cards.row(cardRow(newIds.get(nik), print))));
        Map<Long, Set<LocalDateTime>> printed = stored.cardPrints(known.keySet());
        known.forEach((id, r) -> r.cards().stream()
                .filter(print -> !printed.getOrDefault(id, Set.of()).contains(utc(print.printedAt())))
                .forEach(print -> cards.row(cardRow(id, print))));
        loadData(cards, "population_card_print", CARD_COLUMNS);
    }

    /** A refused family's residents stay as they were: seen by this import, so it does not mark them gone. */
    void keepRefused(long importId, List<ExtractFamily> refused) {
        if (refused.isEmpty()) {
            return;
        }
        store.reject(importId, refused);
        List<String> kks = refused.stream().flatMap(f -> f.kkNumber().stream()).map(KkNumber::value).distinct().toList();
        if (!kks.isEmpty()) {
            jdbc.sql("UPDATE population_family SET seen_import = ? WHERE kk_number IN (" + placeholders(kks.size()) + ")")
                    .params(concat(importId, kks)).update();
            jdbc.sql("""
                            UPDATE population_resident SET seen_import = ? WHERE family_id IN
                                (SELECT id FROM population_family WHERE kk_number IN (%s))""".formatted(placeholders(kks.size())))
                    .params(concat(importId, kks)).update();
        }
        List<String> niks = refused.stream().flatMap(f -> f.rows().stream())
                .flatMap(row -> Nik.check(row.row().get(ExtractColumn.NIK),
                        RegionDirectory.ANY).optional().stream())
                .map(Nik::value).distinct().toList();
        if (!niks.isEmpty()) {
            jdbc.sql("UPDATE population_resident SET seen_import = ? WHERE nik IN (" + placeholders(niks.size()) + ")")
                    .params(concat(importId, niks)).update();
        }
    }

    private static ExtractResident head(ExtractFamily family) {
        return family.rows().stream().map(CheckedRow::resident)
                .filter(r -> r.relationship() == Relationship.HEAD).findFirst().orElseThrow();
    }

    private static Object[] residentRow(long familyId, ExtractResident r, @Nullable LocalDate goneOn, long importId) {
        return new Object[] {familyId, r.nik().value(), r.fullName(), Resident.nameKey(r.fullName()), r.birthPlace(),
                r.birthDate(), r.sex().name(), r.religion().name(), r.maritalStatus().name(), r.relationship().name(),
                r.education().name(), r.occupation(), r.fatherName(), r.motherName(), r.email(), r.phone(),
                r.enrolmentStatus().name(), goneOn, r.gone() == null ? null : r.gone().name(), importId};
    }

    private static Object[] cardRow(long residentId, CardPrint print) {
        return new Object[] {residentId, utc(print.printedAt()), print.servicePoint(), print.reason().name()};
    }

    /** New rows in one {@code LOAD DATA LOCAL} on the transaction's connection (decision 106). */
    private void loadData(LoadDataRows rows, String table, List<String> columns) {
        if (rows.size() == 0) {
            return;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (Statement statement = connection.createStatement()) {
            rows.load(statement, table, columns);
        } catch (SQLException e) {
            throw new UncategorizedSQLException("LOAD DATA " + table, null, e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static List<Object> concat(Object first, List<?> rest) {
        List<Object> values = new ArrayList<>(rest.size() + 1);
        values.add(first);
        values.addAll(rest);
        return values;
    }
}
