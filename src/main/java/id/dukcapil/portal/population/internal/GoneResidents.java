package id.dukcapil.portal.population.internal;

import static id.dukcapil.portal.population.internal.MultiRowInsert.placeholders;

import id.dukcapil.portal.audit.Actor;
import id.dukcapil.portal.population.GoneReason;
import id.dukcapil.portal.shared.KkNumber;
import id.dukcapil.portal.shared.Nik;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The residents of an import's region whom its extract did not list: counted before anyone is marked gone, so that
 * a large share waits for a second confirmation (decision 128), then marked gone a statement's worth at a time.
 */
@Component
class GoneResidents {

    private final JdbcClient jdbc;
    private final ImportChanges changes;

    GoneResidents(JdbcClient jdbc, ImportChanges changes) {
        this.jdbc = jdbc;
        this.changes = changes;
    }

    /**
     * Residents of the scope not gone, and those among them this import's extract did not list: whom {@link #markGone}
     * would mark gone, counted before it does (decision 128).
     */
    record GoneCount(long unlisted, long residents) {
    }

    GoneCount count(long importId, String scope) {
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
            changes.audit(actor, "population.resident.gone", "Resident", resident.nik(), importId,
                    List.of("gone_reason: null → " + GoneReason.NOT_IN_EXTRACT, "gone_on: null → " + today));
        }
        List<Long> families = gone.stream().map(Gone::familyId).distinct().toList();
        jdbc.sql("UPDATE population_family SET fingerprint = NULL WHERE id IN (" + placeholders(families.size()) + ")")
                .params(families).update();
        tally.residentsGone += gone.size();
        changes.announce(importId, gone.stream().map(r -> Nik.of(r.nik())).toList(),
                gone.stream().map(Gone::kkNumber).distinct().map(KkNumber::of).toList());
        return gone.size();
    }
}
