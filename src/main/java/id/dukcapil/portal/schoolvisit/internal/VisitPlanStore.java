package id.dukcapil.portal.schoolvisit.internal;

import static id.dukcapil.portal.shared.jdbc.UtcColumns.instantOrNull;
import static id.dukcapil.portal.shared.jdbc.UtcColumns.utc;

import id.dukcapil.portal.schoolvisit.Kit;
import id.dukcapil.portal.schoolvisit.SchoolVisit;
import id.dukcapil.portal.schoolvisit.VisitState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Kits, officers' leave, visits and their teams. A kit or an officer in two places on one day is refused by unique
 * keys as well as by the planner's check, so two planners at once cannot both book them.
 */
@Repository
public class VisitPlanStore {

    private static final String VISIT = """
            SELECT v.*, s.name AS school_name, s.service_point, k.name AS kit_name,
                   (SELECT GROUP_CONCAT(t.username ORDER BY t.username) FROM schoolvisit_team t WHERE t.visit_id = v.id)
                   AS team
            FROM schoolvisit_visit v JOIN schoolvisit_school s ON s.id = v.school_id
                 JOIN schoolvisit_kit k ON k.code = v.kit_code""";

    private final JdbcClient jdbc;

    VisitPlanStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void saveKit(Kit kit) {
        jdbc.sql("""
                INSERT INTO schoolvisit_kit (code, name, service_point, under_repair, repair_note) VALUES (?, ?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE name = VALUES(name), service_point = VALUES(service_point),
                    under_repair = VALUES(under_repair), repair_note = VALUES(repair_note)""")
                .params(kit.code(), kit.name(), kit.servicePoint(), kit.underRepair(), kit.repairNote()).update();
    }

    public Optional<Kit> kit(String code) {
        return jdbc.sql("SELECT * FROM schoolvisit_kit WHERE code = ?").param(code).query(VisitPlanStore::kit)
                .optional();
    }

    public List<Kit> kits() {
        return jdbc.sql("SELECT * FROM schoolvisit_kit ORDER BY service_point, code").query(VisitPlanStore::kit)
                .list();
    }

    public void addAbsence(String username, LocalDate first, LocalDate last, String reason) {
        jdbc.sql("INSERT INTO schoolvisit_absence (username, first_day, last_day, reason) VALUES (?, ?, ?, ?)")
                .params(username, first, last, reason).update();
    }

    /** The officers of the list on leave that day. */
    public List<String> onLeave(List<String> usernames, LocalDate day) {
        return jdbc.sql("""
                SELECT DISTINCT username FROM schoolvisit_absence
                WHERE username IN (:names) AND first_day <= :day AND last_day >= :day ORDER BY username""")
                .param("names", usernames).param("day", day).query(String.class).list();
    }

    /** The officers of the list already in a team that day, with the school they go to. */
    public List<String[]> busy(List<String> usernames, LocalDate day) {
        return jdbc.sql("""
                SELECT t.username, s.name FROM schoolvisit_team t JOIN schoolvisit_visit v ON v.id = t.visit_id
                JOIN schoolvisit_school s ON s.id = v.school_id
                WHERE t.username IN (:names) AND t.day = :day ORDER BY t.username""")
                .param("names", usernames).param("day", day)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
    }

    /** The school the kit goes to that day, if it is booked. */
    public Optional<String> kitBookedAt(String kitCode, LocalDate day) {
        return jdbc.sql("""
                SELECT s.name FROM schoolvisit_visit v JOIN schoolvisit_school s ON s.id = v.school_id
                WHERE v.kit_code = ? AND v.day = ?""").params(kitCode, day).query(String.class).optional();
    }

    public long insertVisit(long schoolId, LocalDate day, String kitCode, List<String> team, String by, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO schoolvisit_visit (school_id, day, kit_code, state, planned_by, planned_at)
                VALUES (?, ?, ?, 'PLANNED', ?, ?)""").params(schoolId, day, kitCode, by, utc(at)).update(key, "id");
        long id = Objects.requireNonNull(key.getKey()).longValue();
        for (String username : team) {
            jdbc.sql("INSERT INTO schoolvisit_team (visit_id, username, day) VALUES (?, ?, ?)")
                    .params(id, username, day).update();
        }
        return id;
    }

    public Optional<SchoolVisit> visit(long id) {
        return jdbc.sql(VISIT + " WHERE v.id = ?").param(id).query(VisitPlanStore::visit).optional();
    }

    /** The visits between two days, both included, in day and school order: a month or a week of the calendar. */
    public List<SchoolVisit> between(LocalDate first, LocalDate last) {
        return jdbc.sql(VISIT + " WHERE v.day BETWEEN ? AND ? ORDER BY v.day, s.name").params(first, last)
                .query(VisitPlanStore::visit).list();
    }

    /** The officer's visits of a day (a field officer works one at a time). */
    public List<SchoolVisit> ofOfficer(String username, LocalDate day) {
        return jdbc.sql(VISIT + " WHERE v.day = ? AND EXISTS (SELECT 1 FROM schoolvisit_team t WHERE t.visit_id = v.id"
                        + " AND t.username = ?) ORDER BY s.name").params(day, username)
                .query(VisitPlanStore::visit).list();
    }

    public List<SchoolVisit> ofSchool(long schoolId) {
        return jdbc.sql(VISIT + " WHERE v.school_id = ? ORDER BY v.day DESC").param(schoolId)
                .query(VisitPlanStore::visit).list();
    }

    public boolean letterSent(long id, Instant at) {
        return jdbc.sql("UPDATE schoolvisit_visit SET letter_sent_at = ?, version = version + 1 WHERE id = ?")
                .params(utc(at), id).update() == 1;
    }

    public boolean underway(long id, int cardsTaken) {
        return jdbc.sql("""
                UPDATE schoolvisit_visit SET state = 'UNDERWAY', cards_taken = ?, version = version + 1
                WHERE id = ? AND state = 'PLANNED'""").params(cardsTaken, id).update() == 1;
    }

    /** One blank card of the visit's used, if one is left: the kit's cards are counted like a stock. */
    public boolean cardUsed(long id) {
        return jdbc.sql("""
                UPDATE schoolvisit_visit SET cards_printed = cards_printed + 1, version = version + 1
                WHERE id = ? AND state = 'UNDERWAY' AND cards_printed < cards_taken""").param(id).update() == 1;
    }

    public boolean closed(long id) {
        return jdbc.sql("UPDATE schoolvisit_visit SET state = 'CLOSED', version = version + 1 WHERE id = ? AND state = 'UNDERWAY'")
                .param(id).update() == 1;
    }

    private static Kit kit(ResultSet rs, int n) throws SQLException {
        return new Kit(rs.getString("code"), rs.getString("name"), rs.getString("service_point"),
                rs.getBoolean("under_repair"), rs.getString("repair_note"));
    }

    private static SchoolVisit visit(ResultSet rs, int n) throws SQLException {
        String team = rs.getString("team");
        return new SchoolVisit(rs.getLong("id"), rs.getLong("school_id"), rs.getString("school_name"),
                rs.getString("service_point"), rs.getObject("day", LocalDate.class), rs.getString("kit_code"),
                rs.getString("kit_name"),
                VisitState.valueOf(rs.getString("state")), team == null ? List.of() : List.of(team.split(",")),
                rs.getInt("cards_taken"), rs.getInt("cards_printed"), instantOrNull(rs, "letter_sent_at"));
    }
}
