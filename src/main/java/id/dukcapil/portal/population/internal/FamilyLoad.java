package id.dukcapil.portal.population.internal;

import static id.dukcapil.portal.population.internal.MultiRowInsert.placeholders;
import static id.dukcapil.portal.shared.jdbc.UtcColumns.utc;

import id.dukcapil.portal.audit.Actor;
import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.audit.AuditRecord;
import id.dukcapil.portal.population.Address;
import id.dukcapil.portal.population.CardPrint;
import id.dukcapil.portal.population.GoneReason;
import id.dukcapil.portal.population.PopulationChanged;
import id.dukcapil.portal.population.Resident;
import id.dukcapil.portal.population.Relationship;
import id.dukcapil.portal.population.extract.CheckedRow;
import id.dukcapil.portal.population.extract.ExtractColumn;
import id.dukcapil.portal.population.extract.ExtractFamily;
import id.dukcapil.portal.population.extract.ExtractResident;
import id.dukcapil.portal.shared.Finding;
import id.dukcapil.portal.shared.KkNumber;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.RegionDirectory;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import javax.sql.DataSource;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes one chunk of an extract's families in the caller's transaction: a family whose rows hash as they did when
 * it was last loaded is only stamped as seen (decision 107); new families, residents and card prints go in each in one
 * {@code LOAD DATA LOCAL} (decision 106); changed ones are updated and audited with before and after; refused
 * families' rows are kept for the report and their residents kept as they were. Whole families only: a family refused here (its KK number or a member's NIK
 * came earlier in the same extract) is refused with every row.
 */
@Component
class FamilyLoad {

    private static final List<String> FAMILY_COLUMNS = List.of("kk_number", "street", "rt", "rw", "village_code",
            "seen_import", "fingerprint");
    private static final List<String> RESIDENT_COLUMNS = List.of("family_id", "nik", "full_name", "name_key",
            "birth_place", "birth_date", "sex", "religion", "marital_status", "relationship", "education", "occupation",
            "father_name", "mother_name", "email", "phone", "enrolment_status", "gone_on", "gone_reason", "seen_import");

    /** Numbers (NIKs or KK numbers) per event: about 30 characters each once serialized. */
    static final int NUMBERS_PER_EVENT = 60;

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final AuditLog auditLog;
    private final ApplicationEventPublisher events;
    private final ImportStore store;
    private final DataSource dataSource;

    FamilyLoad(JdbcClient jdbc, JdbcTemplate batches, AuditLog auditLog, ApplicationEventPublisher events,
               ImportStore store, DataSource dataSource) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.dataSource = dataSource;
        this.auditLog = auditLog;
        this.events = events;
        this.store = store;
    }

    private record FamilyRow(long id, Address address, @Nullable Long seenImport, @Nullable String fingerprint) {
    }

    /** A resident as the register holds them, with their family's KK number and the import that found it unchanged. */
    private record Existing(Resident resident, @Nullable LocalDate goneOn, @Nullable GoneReason goneReason,
                            @Nullable Long seenImport, String kkNumber, @Nullable Long familyUnchangedImport) {

        /** Listed earlier by this import in another family than {@code kk}. */
        boolean listedElsewhere(long importId, String kk) {
            return !kkNumber.equals(kk)
                    && (Objects.equals(seenImport, importId) || Objects.equals(familyUnchangedImport, importId));
        }
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
        Map<String, FamilyRow> stored = families(chunk.stream().flatMap(f -> f.kkNumber().stream())
                .map(KkNumber::value).distinct().toList(), false);
        List<Portion> portions = new ArrayList<>();
        List<ExtractFamily> portion = new ArrayList<>();
        int compared = 0;
        for (ExtractFamily family : chunk) {
            portion.add(family);
            FamilyRow row = family.kkNumber().map(kk -> stored.get(kk.value())).orElse(null);
            if (family.good() && row != null && !FamilyFingerprint.of(family).equals(row.fingerprint())
                    && ++compared >= comparedPerPortion) {
                portions.add(new Portion(portion, portions.isEmpty() ? stored.keySet() : null));
                portion = new ArrayList<>();
                compared = 0;
            }
        }
        if (!portion.isEmpty()) {
            portions.add(new Portion(portion, portions.isEmpty() ? stored.keySet() : null));
        }
        return portions;
    }

    void write(long importId, Portion portion, ImportStore.Tally tally, Actor actor, LocalDate today) {
        List<ExtractFamily> chunk = portion.families();
        List<ExtractFamily> refused = new ArrayList<>();
        List<ExtractFamily> good = new ArrayList<>();
        chunk.forEach(family -> (family.good() ? good : refused).add(family));
        Map<String, FamilyRow> families = families(good.stream().map(f -> f.kkNumber().orElseThrow().value())
                .filter(portion::mayBeKnown).distinct().toList(), true);
        Map<ExtractFamily, String> fingerprints = new IdentityHashMap<>();
        good.forEach(family -> fingerprints.put(family, FamilyFingerprint.of(family)));
        Set<ExtractFamily> unchanged = Collections.newSetFromMap(new IdentityHashMap<>());
        good.stream().filter(family -> {
            FamilyRow row = families.get(family.kkNumber().orElseThrow().value());
            return row != null && fingerprints.get(family).equals(row.fingerprint());
        }).forEach(unchanged::add);
        Map<String, Existing> residents = residents(good.stream().filter(family -> !unchanged.contains(family))
                .flatMap(f -> f.rows().stream()).map(row -> row.resident().nik().value()).toList());

        List<ExtractFamily> accepted = acceptOnce(importId, good, families, residents, refused);
        List<ExtractFamily> compared = accepted.stream().filter(family -> !unchanged.contains(family)).toList();
        Set<String> changedFamilies = new LinkedHashSet<>();
        List<Nik> changedResidents = new ArrayList<>();
        keepUnchanged(importId, accepted.stream().filter(unchanged::contains)
                .map(family -> families.get(family.kkNumber().orElseThrow().value()).id()).toList());
        Map<String, Long> familyIds = writeFamilies(compared, families, fingerprints, changedFamilies, actor, importId);
        writeResidents(importId, compared, familyIds, families.keySet(), residents, changedFamilies, changedResidents,
                tally, actor, today);
        keepRefused(importId, refused);

        tally.rowsRejected += refused.stream().mapToLong(f -> f.rows().size()).sum();
        tally.familiesRejected += refused.size();
        if (!chunk.isEmpty()) {
            auditLog.record(actor, AuditRecord.success("population.import.loaded", "PopulationImport",
                    String.valueOf(importId)).withDetail("lines %d–%d: %d families loaded (%d unchanged), %d refused"
                    .formatted(chunk.getFirst().firstLine(), chunk.getLast().rows().getLast().row().line(),
                            accepted.size(), accepted.size() - compared.size(), refused.size())));
        }
        announce(importId, changedResidents, changedFamilies.stream().map(KkNumber::of).toList());
    }

    /** The families whose KK number and members' NIKs this import has not loaded before; the others refused. */
    private static List<ExtractFamily> acceptOnce(long importId, List<ExtractFamily> good, Map<String, FamilyRow> families,
                                                  Map<String, Existing> residents, List<ExtractFamily> refused) {
        Set<String> chunkKks = new HashSet<>();
        Map<String, String> chunkNiks = new HashMap<>();
        List<ExtractFamily> accepted = new ArrayList<>();
        for (ExtractFamily family : good) {
            String kk = family.kkNumber().orElseThrow().value();
            FamilyRow existing = families.get(kk);
            if (!chunkKks.add(kk) || existing != null && Objects.equals(existing.seenImport(), importId)) {
                refused.add(family.refusedFor(Finding.of("extract.family.again", kk)));
                continue;
            }
            String elsewhere = null;
            for (CheckedRow row : family.rows()) {
                String nik = row.resident().nik().value();
                Existing resident = residents.get(nik);
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

    /**
     * Families whose rows are those they were last loaded from: one stamp each, no member read or written; their
     * residents count as listed by this import through {@code unchanged_import}.
     */
    private void keepUnchanged(long importId, List<Long> familyIds) {
        if (!familyIds.isEmpty()) {
            jdbc.sql("UPDATE population_family SET seen_import = ?, unchanged_import = ? WHERE id IN ("
                    + placeholders(familyIds.size()) + ")").params(concat(importId, concat(importId, familyIds))).update();
        }
    }

    private Map<String, Long> writeFamilies(List<ExtractFamily> accepted, Map<String, FamilyRow> families,
                                            Map<ExtractFamily, String> fingerprints, Set<String> changedFamilies,
                                            Actor actor, long importId) {
        Map<String, Long> ids = new HashMap<>();
        LoadDataRows inserts = new LoadDataRows();
        List<String> added = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        for (ExtractFamily family : accepted) {
            String kk = family.kkNumber().orElseThrow().value();
            Address address = head(family).address();
            FamilyRow existing = families.get(kk);
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
            List<String> changes = new ArrayList<>();
            diff(changes, "street", existing.address().street(), address.street());
            diff(changes, "rt", existing.address().rt(), address.rt());
            diff(changes, "rw", existing.address().rw(), address.rw());
            diff(changes, "village_code", existing.address().villageCode(), address.villageCode());
            audit(actor, "population.family.refreshed", "Family", kk, importId, changes);
            changedFamilies.add(kk);
        }
        loadData(inserts, "population_family", FAMILY_COLUMNS);
        ids.putAll(idsOf("population_family", "kk_number", added));
        batches.batchUpdate("""
                UPDATE population_family SET street = ?, rt = ?, rw = ?, village_code = ?, seen_import = ?, fingerprint = ?,
                    unchanged_import = NULL
                WHERE id = ?""", updates);
        return ids;
    }

    private void writeResidents(long importId, List<ExtractFamily> accepted, Map<String, Long> familyIds,
                                Set<String> familiesBefore, Map<String, Existing> residents, Set<String> changedFamilies,
                                List<Nik> changedResidents, ImportStore.Tally tally, Actor actor, LocalDate today) {
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
                Existing existing = residents.get(r.nik().value());
                if (existing == null) {
                    inserts.row(residentRow(familyId, r, r.gone() == null ? null : today, importId));
                    if (!r.cards().isEmpty()) {
                        newCards.put(r.nik().value(), r.cards());
                    }
                    tally.residentsAdded++;
                    if (familiesBefore.contains(kk)) {
                        changedFamilies.add(kk);
                    }
                    continue;
                }
                known.put(existing.resident().id(), r);
                LocalDate goneOn = r.gone() == null ? null
                        : existing.goneOn() != null && existing.goneReason() == r.gone() ? existing.goneOn() : today;
                List<String> changes = changes(existing, kk, r, goneOn);
                if (changes.isEmpty()) {
                    unchanged.add(existing.resident().id());
                    continue;
                }
                Object[] values = residentRow(familyId, r, goneOn, importId);
                List<Object> params = new ArrayList<>(java.util.Arrays.asList(values));
                params.remove(1); // the NIK names the row and never changes
                params.add(existing.resident().id());
                updates.add(params.toArray());
                boolean newlyGone = r.gone() != null && existing.goneOn() == null;
                audit(actor, newlyGone ? "population.resident.gone" : "population.resident.refreshed", "Resident",
                        r.nik().value(), importId, changes);
                if (newlyGone) {
                    tally.residentsGone++;
                } else {
                    tally.residentsChanged++;
                }
                changedResidents.add(r.nik());
                changedFamilies.add(kk);
                if (!existing.kkNumber().equals(kk)) {
                    changedFamilies.add(existing.kkNumber());
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
        Map<String, Long> newIds = idsOf("population_resident", "nik", List.copyOf(newCards.keySet()));
        if (!unchanged.isEmpty()) {
            jdbc.sql("UPDATE population_resident SET seen_import = ? WHERE id IN (" + placeholders(unchanged.size()) + ")")
                    .params(concat(importId, unchanged)).update();
        }
        LoadDataRows cards = new LoadDataRows();
        newCards.forEach((nik, prints) -> prints.forEach(print -> cards.row(cardRow(newIds.get(nik), print))));
        Map<Long, Set<LocalDateTime>> stored = storedCards(known.keySet());
        known.forEach((id, r) -> r.cards().stream()
                .filter(print -> !stored.getOrDefault(id, Set.of()).contains(utc(print.printedAt())))
                .forEach(print -> cards.row(cardRow(id, print))));
        loadData(cards, "population_card_print", List.of("resident_id", "printed_at", "service_point", "reason"));
    }

    /**
     * Residents of the scope not gone, and those among them this import's extract did not list: whom {@link #markGone}
     * would mark gone, counted before it does (decision 128).
     */
    record GoneCount(long unlisted, long residents) {
    }

    GoneCount countGone(long importId, String scope) {
        return jdbc.sql("""
                        SELECT COUNT(*), COALESCE(SUM((r.seen_import IS NULL OR r.seen_import <> ?)
                            AND (f.unchanged_import IS NULL OR f.unchanged_import <> ?)), 0)
                        FROM population_resident r JOIN population_family f ON f.id = r.family_id
                        WHERE f.village_code LIKE ? AND r.gone_on IS NULL""")
                .params(importId, importId, scope + ".%")
                .query((rs, row) -> new GoneCount(rs.getLong(2), rs.getLong(1)))
                .single();
    }

    /**
     * Marks up to {@link MultiRowInsert#ROWS_PER_STATEMENT} residents of the scope whom this import's extract did not
     * list as gone, in the caller's transaction, each audited; 0 when none is left.
     */
    int markGone(long importId, String scope, ImportStore.Tally tally, Actor actor, LocalDate today) {
        record Gone(long id, String nik, String kkNumber, long familyId) {
        }
        List<Gone> gone = jdbc.sql("""
                        SELECT r.id, r.nik, f.kk_number, f.id FROM population_resident r
                        JOIN population_family f ON f.id = r.family_id
                        WHERE f.village_code LIKE ? AND r.gone_on IS NULL AND (r.seen_import IS NULL OR r.seen_import <> ?)
                            AND (f.unchanged_import IS NULL OR f.unchanged_import <> ?)
                        ORDER BY r.id LIMIT ? FOR UPDATE""")
                .params(scope + ".%", importId, importId, MultiRowInsert.ROWS_PER_STATEMENT)
                .query((rs, row) -> new Gone(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4))).list();
        if (gone.isEmpty()) {
            return 0;
        }
        List<Object> params = new ArrayList<>(List.of(today, GoneReason.NOT_IN_EXTRACT.name()));
        gone.forEach(resident -> params.add(resident.id()));
        jdbc.sql("UPDATE population_resident SET gone_on = ?, gone_reason = ? WHERE id IN ("
                + placeholders(gone.size()) + ")").params(params).update();
        for (Gone resident : gone) {
            audit(actor, "population.resident.gone", "Resident", resident.nik(), importId,
                    List.of("gone_reason: null → " + GoneReason.NOT_IN_EXTRACT, "gone_on: null → " + today));
        }
        List<Long> families = gone.stream().map(Gone::familyId).distinct().toList();
        jdbc.sql("UPDATE population_family SET fingerprint = NULL WHERE id IN (" + placeholders(families.size()) + ")")
                .params(families).update();
        tally.residentsGone += gone.size();
        announce(importId, gone.stream().map(r -> Nik.of(r.nik())).toList(),
                gone.stream().map(Gone::kkNumber).distinct().map(KkNumber::of).toList());
        return gone.size();
    }

    /**
     * Publishes the change in events of at most {@link #NUMBERS_PER_EVENT} numbers each: the event publication
     * registry keeps each event serialized in 4,000 characters, and a chunk may change 1,500 residents.
     */
    private void announce(long importId, List<Nik> residents, List<KkNumber> families) {
        for (int from = 0; from < residents.size(); from += NUMBERS_PER_EVENT) {
            events.publishEvent(new PopulationChanged(importId,
                    residents.subList(from, Math.min(residents.size(), from + NUMBERS_PER_EVENT)), List.of()));
        }
        for (int from = 0; from < families.size(); from += NUMBERS_PER_EVENT) {
            events.publishEvent(new PopulationChanged(importId, List.of(),
                    families.subList(from, Math.min(families.size(), from + NUMBERS_PER_EVENT))));
        }
    }

    /** A refused family's residents stay as they were: seen by this import, so it does not mark them gone. */
    private void keepRefused(long importId, List<ExtractFamily> refused) {
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

    private static List<String> changes(Existing existing, String kk, ExtractResident r, @Nullable LocalDate goneOn) {
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

    private Map<String, FamilyRow> families(List<String> kks, boolean forUpdate) {
        Map<String, FamilyRow> rows = new HashMap<>();
        if (kks.isEmpty()) {
            return rows;
        }
        jdbc.sql("""
                        SELECT id, kk_number, street, rt, rw, village_code, seen_import, fingerprint FROM population_family
                        WHERE kk_number IN (%s)%s""".formatted(placeholders(kks.size()), forUpdate ? " FOR UPDATE" : ""))
                .params(kks)
                .query((rs, row) -> rows.put(rs.getString(2), new FamilyRow(rs.getLong(1),
                        new Address(rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)),
                        rs.getObject(7, Long.class), rs.getString(8))))
                .list();
        return rows;
    }

    private Map<String, Existing> residents(List<String> niks) {
        Map<String, Existing> rows = new HashMap<>();
        if (niks.isEmpty()) {
            return rows;
        }
        jdbc.sql("""
                        SELECT r.id, r.family_id, r.nik, r.full_name, r.birth_place, r.birth_date, r.sex, r.religion,
                               r.marital_status, r.relationship, r.education, r.occupation, r.father_name, r.mother_name,
                               r.email, r.phone, r.enrolment_status, r.gone_on, r.gone_reason, r.seen_import, f.kk_number,
                               f.unchanged_import
                        FROM population_resident r JOIN population_family f ON f.id = r.family_id
                        WHERE r.nik IN (%s) FOR UPDATE""".formatted(placeholders(niks.size())))
                .params(niks)
                .query((rs, row) -> {
                    String gone = rs.getString(19);
                    return rows.put(rs.getString(3), new Existing(LocalPopulationRegistry.resident(rs, row),
                            rs.getObject(18, LocalDate.class), gone == null ? null : GoneReason.valueOf(gone),
                            rs.getObject(20, Long.class), rs.getString(21), rs.getObject(22, Long.class)));
                })
                .list();
        return rows;
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

    /** The ids the rows just loaded were given, by their unique number (KK number or NIK). */
    private Map<String, Long> idsOf(String table, String numberColumn, List<String> numbers) {
        Map<String, Long> ids = new HashMap<>();
        for (int from = 0; from < numbers.size(); from += MultiRowInsert.ROWS_PER_STATEMENT) {
            List<String> part = numbers.subList(from, Math.min(numbers.size(), from + MultiRowInsert.ROWS_PER_STATEMENT));
            jdbc.sql("SELECT id, %s FROM %s WHERE %s IN (%s)".formatted(numberColumn, table, numberColumn,
                            placeholders(part.size())))
                    .params(part)
                    .query((rs, row) -> ids.put(rs.getString(2), rs.getLong(1)))
                    .list();
        }
        return ids;
    }

    private Map<Long, Set<LocalDateTime>> storedCards(Set<Long> residentIds) {
        Map<Long, Set<LocalDateTime>> cards = new HashMap<>();
        if (residentIds.isEmpty()) {
            return cards;
        }
        jdbc.sql("SELECT resident_id, printed_at FROM population_card_print WHERE resident_id IN ("
                        + placeholders(residentIds.size()) + ")")
                .params(List.copyOf(residentIds))
                .query((rs, row) -> cards.computeIfAbsent(rs.getLong(1), id -> new HashSet<>())
                        .add(rs.getObject(2, LocalDateTime.class)))
                .list();
        return cards;
    }

    private void audit(Actor actor, String action, String subjectType, String subject, long importId,
                       List<String> changes) {
        String detail = "reason=IMPORT; import=" + importId + "; " + String.join("; ", changes);
        auditLog.record(actor, AuditRecord.success(action, subjectType, subject).withDetail(detail));
    }

    private static void diff(List<String> changes, String field, @Nullable Object before, @Nullable Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(field + ": " + before + " → " + after);
        }
    }

    private static List<Object> concat(Object first, List<?> rest) {
        List<Object> values = new ArrayList<>(rest.size() + 1);
        values.add(first);
        values.addAll(rest);
        return values;
    }
}
