package id.dukcapil.portal.schoolvisit.internal;

import static id.dukcapil.portal.shared.jdbc.UtcColumns.instant;

import id.dukcapil.portal.shared.jdbc.Slices;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link ReconciliationSql} with {@code JdbcClient}: one statement a page, through the open rows' index. */
class ReconciliationSqlImpl implements ReconciliationSql {

    private static final String OPEN_SQL = """
            SELECT r.id, r.version, r.checkout_id, r.operation_id, r.staff, r.card_serial, r.dinas_version, r.correction,
                   o.kind, o.happened_at, o.arrived_at, c.outpost,
                   st.id AS student_id, st.full_name, st.nik, st.state, st.field_step, s.name AS school_name
            FROM schoolvisit_reconciliation r
            JOIN schoolvisit_outpost_operation o ON o.operation_id = r.operation_id
            JOIN schoolvisit_checkout c ON c.id = r.checkout_id
            JOIN schoolvisit_student st ON st.id = r.student_id
            JOIN schoolvisit_school s ON s.id = st.school_id
            WHERE r.settled_at IS NULL
            %s LIMIT ? OFFSET ?""";

    private final JdbcClient jdbc;

    ReconciliationSqlImpl(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Slice<OpenRow> openRows(Pageable page) {
        List<OpenRow> rows = jdbc.sql(OPEN_SQL.formatted(OPEN_ORDER.of(page.getSort())))
                .params((long) page.getPageSize() + 1, page.getOffset())
                .query((rs, n) -> new OpenRow(rs.getLong("id"), rs.getLong("version"), rs.getLong("checkout_id"),
                        rs.getString("operation_id"), rs.getString("kind"), rs.getString("staff"),
                        instant(rs, "happened_at"), instant(rs, "arrived_at"), rs.getString("outpost"),
                        rs.getString("card_serial"), rs.getLong("student_id"), rs.getString("full_name"),
                        rs.getString("nik"), rs.getString("state"), rs.getString("field_step"),
                        rs.getString("school_name"), rs.getString("dinas_version"),
                        rs.getString("correction")))
                .list();
        return Slices.of(rows, page);
    }
}
