package id.dukcapil.portal.audit.internal;

import static id.dukcapil.portal.shared.jdbc.UtcColumns.instant;
import static id.dukcapil.portal.shared.jdbc.UtcColumns.utc;

import id.dukcapil.portal.audit.PersonalData;
import id.dukcapil.portal.audit.PersonalDataAccess;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * The personal-data access log's table, {@code audit_personal_data_view}: rows appended in batches, never changed,
 * read back by the subject's number, newest first.
 */
@Component
public class PersonalDataViewStore {

    private static final String COLUMNS =
            "id, viewed_at, kind, staff_id, staff_name, service_point, screen, subject_type, subject, client_address";
    private static final int STREAM_FETCH_SIZE = 1000;

    private final JdbcTemplate jdbc;

    PersonalDataViewStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends the rows in one batch (the caller's transaction). */
    void append(List<PersonalDataAccess> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO audit_personal_data_view (viewed_at, kind, staff_id, staff_name, service_point, "
                        + "screen, subject_type, subject, client_address) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows.stream().map(row -> new Object[] {utc(row.at()), row.kind().name(), cut(row.staffId(), 60),
                        cut(row.staffName(), 120), cut(row.servicePoint(), 20), cut(row.screen(), 60),
                        row.subject().kind().name(), cut(row.subject().number(), 16), cut(row.clientAddress(), 45)})
                        .toList());
    }

    /** Who saw this number, as a NIK or as a KK number, newest first; {@code limit} rows from {@code offset}. */
    public List<PersonalDataAccess> page(String number, long offset, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM audit_personal_data_view WHERE subject = ?"
                + " ORDER BY viewed_at DESC, id DESC LIMIT ? OFFSET ?", ROW, number, limit, offset);
    }

    /** Every access to this number, oldest first, one row at a time. */
    public void forEach(String number, Consumer<PersonalDataAccess> consumer) {
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement("SELECT " + COLUMNS
                    + " FROM audit_personal_data_view WHERE subject = ? ORDER BY viewed_at, id",
                    ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(STREAM_FETCH_SIZE);
            statement.setString(1, number);
            return statement;
        }, (ResultSet rs) -> consumer.accept(ROW.mapRow(rs, 0)));
    }

    private static final RowMapper<PersonalDataAccess> ROW = (rs, n) -> new PersonalDataAccess(
            rs.getLong("id"),
            instant(rs, "viewed_at"),
            PersonalDataAccess.Kind.valueOf(rs.getString("kind")),
            rs.getString("staff_id"),
            rs.getString("staff_name"),
            rs.getString("service_point"),
            rs.getString("screen"),
            new PersonalData(PersonalData.Kind.valueOf(rs.getString("subject_type")), rs.getString("subject")),
            rs.getString("client_address"));

    private static @Nullable String cut(@Nullable String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
