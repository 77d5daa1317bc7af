package id.dukcapil.portal.schoolvisit.internal;

import static id.dukcapil.portal.shared.jdbc.UtcColumns.utc;
import static id.dukcapil.portal.shared.jdbc.UtcColumns.instantOrNull;

import id.dukcapil.portal.schoolvisit.School;
import id.dukcapil.portal.schoolvisit.SchoolForm;
import id.dukcapil.portal.schoolvisit.SchoolLevel;
import id.dukcapil.portal.shared.jdbc.LikePattern;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The schools; an edit names the version it read, so a second planner's edit does not silently win. */
@Repository
public class SchoolStore {

    private final JdbcClient jdbc;

    SchoolStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(SchoolForm form) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO schoolvisit_school (npsn, name, level, address, village_code, contact_name, contact_phone,
                    contact_email, service_point) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(form.npsn(), form.name(), Objects.requireNonNull(form.level()).name(), form.address(),
                        form.villageCode(), form.contactName(), form.contactPhone(), form.contactEmail(),
                        form.servicePoint())
                .update(key, "id");
        return Objects.requireNonNull(key.getKey()).longValue();
    }

    public boolean update(long id, int version, SchoolForm form) {
        return jdbc.sql("""
                UPDATE schoolvisit_school SET npsn = ?, name = ?, level = ?, address = ?, village_code = ?,
                    contact_name = ?, contact_phone = ?, contact_email = ?, service_point = ?, version = version + 1
                WHERE id = ? AND version = ?""")
                .params(form.npsn(), form.name(), Objects.requireNonNull(form.level()).name(), form.address(),
                        form.villageCode(), form.contactName(), form.contactPhone(), form.contactEmail(),
                        form.servicePoint(), id, version)
                .update() == 1;
    }

    public Optional<School> find(long id) {
        return jdbc.sql("SELECT * FROM schoolvisit_school WHERE id = ?").param(id).query(SchoolStore::school)
                .optional();
    }

    /** The coordination with the school for its next visit begins, unless one is open already. */
    public void coordinationBegins(long id, Instant at) {
        jdbc.sql("UPDATE schoolvisit_school SET coordination_began_at = ? WHERE id = ? AND coordination_began_at IS NULL")
                .params(utc(at), id).update();
    }

    public Optional<Instant> coordinationBegan(long id) {
        return jdbc.sql("SELECT coordination_began_at FROM schoolvisit_school WHERE id = ?").param(id)
                .query((rs, n) -> Optional.ofNullable(instantOrNull(rs, "coordination_began_at"))).single();
    }

    /** A visit is scheduled: the school's coordination is done; the next one begins anew. */
    public void coordinationEnds(long id) {
        jdbc.sql("UPDATE schoolvisit_school SET coordination_began_at = NULL WHERE id = ?").param(id).update();
    }

    public Optional<School> byNpsn(String npsn) {
        return jdbc.sql("SELECT * FROM schoolvisit_school WHERE npsn = ?").param(npsn).query(SchoolStore::school)
                .optional();
    }

    /** Schools whose name or NPSN contains the text, in name order; one more row than asked tells of a next page. */
    public List<School> search(String text, long offset, int limit) {
        String like = LikePattern.contains(text);
        return jdbc.sql("""
                SELECT * FROM schoolvisit_school WHERE name LIKE ? OR npsn LIKE ? ORDER BY name, id LIMIT ? OFFSET ?""")
                .params(like, like, limit, offset).query(SchoolStore::school).list();
    }

    private static School school(ResultSet rs, int n) throws SQLException {
        return new School(rs.getLong("id"), rs.getString("npsn"), rs.getString("name"),
                SchoolLevel.valueOf(rs.getString("level")), rs.getString("address"), rs.getString("village_code"),
                rs.getString("contact_name"), rs.getString("contact_phone"), rs.getString("contact_email"),
                rs.getString("service_point"), rs.getInt("version"));
    }
}
