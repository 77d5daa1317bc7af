package id.dukcapil.portal.ikd.internal;

import static id.dukcapil.portal.shared.jdbc.UtcColumns.utc;

import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link RegistrationSql} in one statement. */
class RegistrationSqlImpl implements RegistrationSql {

    private final JdbcClient jdbc;

    RegistrationSqlImpl(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean insertUnlessNikHeld(String code, String nik, String fullName, String email, String phone,
                                       String servicePoint, Instant at) {
        return jdbc.sql("""
                INSERT IGNORE INTO ikd_registration (code, nik, full_name, email, phone, service_point, state, open_nik,
                    registered_at, version) VALUES (?, ?, ?, ?, ?, ?, 'REGISTERED', ?, ?, 0)""")
                .params(code, nik, fullName, email, phone, servicePoint, nik, utc(at)).update() == 1;
    }
}
