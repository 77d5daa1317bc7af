package id.dukcapil.portal.population.internal;

import static id.dukcapil.portal.population.internal.MultiRowInsert.placeholders;

import id.dukcapil.portal.population.Address;
import id.dukcapil.portal.population.GoneReason;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads what the register holds of an import's families and residents, by their numbers, in the caller's
 * transaction: what {@link FamilyDiff} compares the extract with, and the ids of rows just loaded.
 */
@Component
class StoredRows {

    private final JdbcClient jdbc;

    StoredRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The families of these KK numbers, by KK number.
     *
     * @param forUpdate locked, for a transaction that writes them; unlocked to plan the portions
     */
    Map<String, StoredFamily> families(List<String> kks, boolean forUpdate) {
        Map<String, StoredFamily> rows = new HashMap<>();
        if (kks.isEmpty()) {
            return rows;
        }
        jdbc.sql("""
                        SELECT id, kk_number, street, rt, rw, village_code, seen_import, fingerprint FROM population_family
                        WHERE kk_number IN (%s)%s""".formatted(placeholders(kks.size()), forUpdate ? " FOR UPDATE" : ""))
                .params(kks)
                .query((rs, row) -> rows.put(rs.getString(2), new StoredFamily(rs.getLong(1),
                        new Address(rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)),
                        rs.getObject(7, Long.class), rs.getString(8))))
                .list();
        return rows;
    }

    /** The residents of these NIKs, by NIK, locked for the transaction that writes them. */
    Map<String, StoredResident> residents(List<String> niks) {
        Map<String, StoredResident> rows = new HashMap<>();
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
                    return rows.put(rs.getString(3), new StoredResident(LocalPopulationRegistry.resident(rs, row),
                            rs.getObject(18, LocalDate.class), gone == null ? null : GoneReason.valueOf(gone),
                            rs.getObject(20, Long.class), rs.getString(21), rs.getObject(22, Long.class)));
                })
                .list();
        return rows;
    }

    /** The ids the rows just loaded were given, by their unique number (KK number or NIK). */
    Map<String, Long> idsOf(String table, String numberColumn, List<String> numbers) {
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

    /** When the cards of these residents were printed (UTC), by resident id. */
    Map<Long, Set<LocalDateTime>> cardPrints(Set<Long> residentIds) {
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
}
