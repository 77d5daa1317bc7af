package id.dukcapil.portal.staff.internal;

import id.dukcapil.portal.staff.ServicePoint;
import id.dukcapil.portal.staff.ServicePointKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** The office's service points ({@code staff_service_point}). */
@Component
public class ServicePointStore {

    static final String COLUMNS = "id, code, name, kind, district_code, address";

    private final JdbcClient jdbc;

    ServicePointStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a point; the unique code refuses a second one with the same code. */
    public ServicePoint insert(String code, String name, ServicePointKind kind, @Nullable String districtCode,
                               @Nullable String address) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO staff_service_point (code, name, kind, district_code, address, active) "
                        + "VALUES (?, ?, ?, ?, ?, TRUE)")
                .params(code, name, kind.name(), districtCode, address)
                .update(key, "id");
        return new ServicePoint(key.getKeyAs(Number.class).longValue(), code, name, kind, districtCode, address);
    }

    public Optional<ServicePoint> byId(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM staff_service_point WHERE id = ?").param(id)
                .query(ServicePointStore::servicePoint).optional();
    }

    public Optional<ServicePoint> byCode(String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM staff_service_point WHERE code = ?").param(code)
                .query(ServicePointStore::servicePoint).optional();
    }

    /** The active points, by kind (the Dinas, the MPPs, the UKLs) and name. */
    public List<ServicePoint> active() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM staff_service_point WHERE active ORDER BY kind, name")
                .query(ServicePointStore::servicePoint).list();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM staff_service_point").query(Long.class).single();
    }

    /** A point from the row's columns named as in {@link #COLUMNS}, each prefixed by {@code prefix}. */
    static ServicePoint servicePoint(ResultSet rs, String prefix) throws SQLException {
        return new ServicePoint(rs.getLong(prefix + "id"), rs.getString(prefix + "code"), rs.getString(prefix + "name"),
                ServicePointKind.valueOf(rs.getString(prefix + "kind")), rs.getString(prefix + "district_code"),
                rs.getString(prefix + "address"));
    }

    private static ServicePoint servicePoint(ResultSet rs, int row) throws SQLException {
        return servicePoint(rs, "");
    }
}
