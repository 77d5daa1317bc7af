package id.dukcapil.portal.schoolvisit.internal;

import static id.dukcapil.portal.shared.jdbc.UtcColumns.instant;
import static id.dukcapil.portal.shared.jdbc.UtcColumns.instantOrNull;
import static id.dukcapil.portal.shared.jdbc.UtcColumns.utc;

import id.dukcapil.portal.schoolvisit.Handover;
import id.dukcapil.portal.schoolvisit.OpenHandover;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The handover records; the school's receipt is recorded once. */
@Repository
public class HandoverStore {

    private final JdbcClient jdbc;
    private final StudentStore students;

    HandoverStore(JdbcClient jdbc, StudentStore students) {
        this.jdbc = jdbc;
        this.students = students;
    }

    public long insert(long schoolId, String number, int cards, String by, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO schoolvisit_handover (school_id, number, cards, prepared_by, prepared_at)
                VALUES (?, ?, ?, ?, ?)""").params(schoolId, number, cards, by, utc(at)).update(key, "id");
        return Objects.requireNonNull(key.getKey()).longValue();
    }

    public void signing(long id, long documentId) {
        jdbc.sql("UPDATE schoolvisit_handover SET document_id = ? WHERE id = ?").params(documentId, id).update();
    }

    /** @return whether this call recorded the signature (a repeated event finds it recorded) */
    public boolean signed(long id, Instant at) {
        return jdbc.sql("UPDATE schoolvisit_handover SET signed_at = ? WHERE id = ? AND signed_at IS NULL")
                .params(utc(at), id).update() == 1;
    }

    /** The records not yet received by their school, oldest first; of one school if given. */
    public List<OpenHandover> open(@Nullable Long schoolId, int limit) {
        return jdbc.sql("""
                SELECT h.id, h.school_id, s.name AS school_name, h.number, h.cards, h.prepared_at, h.signed_at
                FROM schoolvisit_handover h JOIN schoolvisit_school s ON s.id = h.school_id
                WHERE h.received_at IS NULL AND (? IS NULL OR h.school_id = ?)
                ORDER BY h.prepared_at, h.id LIMIT ?""")
                .params(schoolId, schoolId, limit)
                .query((rs, n) -> new OpenHandover(rs.getLong("id"), rs.getLong("school_id"),
                        rs.getString("school_name"), rs.getString("number"), rs.getInt("cards"),
                        instant(rs, "prepared_at"), instantOrNull(rs, "signed_at")))
                .list();
    }

    private static @Nullable Long documentId(ResultSet rs) throws SQLException {
        long id = rs.getLong("document_id");
        return rs.wasNull() ? null : id;
    }

    public void renumber(long id, String number) {
        jdbc.sql("UPDATE schoolvisit_handover SET number = ? WHERE id = ?").params(number, id).update();
    }

    public boolean received(long id, String receiver, Instant at) {
        return jdbc.sql("""
                UPDATE schoolvisit_handover SET received_by = ?, received_at = ? WHERE id = ? AND received_at IS NULL""")
                .params(receiver, utc(at), id).update() == 1;
    }

    public Optional<Handover> find(long id) {
        return jdbc.sql("SELECT * FROM schoolvisit_handover WHERE id = ?").param(id)
                .query((rs, n) -> new Handover(rs.getLong("id"), rs.getLong("school_id"), rs.getString("number"),
                        rs.getInt("cards"), rs.getString("prepared_by"), instant(rs, "prepared_at"),
                        documentId(rs), instantOrNull(rs, "signed_at"), rs.getString("received_by"),
                        instantOrNull(rs, "received_at"), List.of()))
                .optional()
                .map(handover -> new Handover(handover.id(), handover.schoolId(), handover.number(), handover.cards(),
                        handover.preparedBy(), handover.preparedAt(), handover.documentId(), handover.signedAt(),
                        handover.receivedBy(), handover.receivedAt(), students.onHandover(handover.id())));
    }

    public List<Long> ofSchool(long schoolId) {
        return jdbc.sql("SELECT id FROM schoolvisit_handover WHERE school_id = ? ORDER BY id DESC").param(schoolId)
                .query(Long.class).list();
    }
}
