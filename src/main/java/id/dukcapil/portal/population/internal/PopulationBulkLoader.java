package id.dukcapil.portal.population.internal;

import id.dukcapil.portal.population.Family;
import id.dukcapil.portal.population.Resident;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes a generated population into the empty population tables with multi-row inserts, committing every few
 * thousand families, so that a whole regency (1.2 million families) loads in minutes.
 */
@Component
class PopulationBulkLoader {

    static final List<String> FAMILY_COLUMNS = List.of("id", "kk_number", "street", "rt", "rw", "village_code");
    static final List<String> RESIDENT_COLUMNS = List.of("id", "family_id", "nik", "full_name", "name_key",
            "birth_place", "birth_date", "sex", "religion", "marital_status", "relationship", "education", "occupation",
            "father_name", "mother_name", "email", "phone", "enrolment_status");
    static final List<String> CARD_COLUMNS = List.of("resident_id", "printed_at", "service_point", "reason");
    private static final int ROWS_PER_STATEMENT = 500;
    private static final int FAMILIES_PER_COMMIT = 5_000;

    /** What was loaded. */
    record Loaded(long families, long residents, long cards) {
    }

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    PopulationBulkLoader(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    boolean populationEmpty() {
        return jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM population_family)").query(Boolean.class).single();
    }

    Loaded load(DemoPopulationGenerator generator, int families) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (MultiRowInsert familyRows = new MultiRowInsert(connection, "population_family", FAMILY_COLUMNS, ROWS_PER_STATEMENT);
                 MultiRowInsert residentRows = new MultiRowInsert(connection, "population_resident", RESIDENT_COLUMNS, ROWS_PER_STATEMENT);
                 MultiRowInsert cardRows = new MultiRowInsert(connection, "population_card_print", CARD_COLUMNS, ROWS_PER_STATEMENT)) {
                for (int i = 1; i <= families; i++) {
                    GeneratedFamily generated = generator.next();
                    familyRows.add(familyRow(generated.family()));
                    boolean full = false;
                    for (Resident resident : generated.family().members()) {
                        full |= residentRows.add(residentRow(resident));
                    }
                    for (GeneratedFamily.Card card : generated.cards()) {
                        full |= cardRows.add(cardRow(card));
                    }
                    if (full || i % FAMILIES_PER_COMMIT == 0) {
                        // Parents before children: the foreign keys are checked row by row.
                        familyRows.flush();
                        residentRows.flush();
                        cardRows.flush();
                    }
                    if (i % FAMILIES_PER_COMMIT == 0) {
                        connection.commit();
                    }
                }
                familyRows.flush();
                residentRows.flush();
                cardRows.flush();
                connection.commit();
                return new Loaded(familyRows.written(), residentRows.written(), cardRows.written());
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Loading the population failed: " + e.getMessage(), e);
        }
    }

    static Object[] familyRow(Family family) {
        var address = family.address();
        return new Object[] {family.id(), family.kkNumber().value(), address.street(), address.rt(), address.rw(),
                address.villageCode()};
    }

    static Object[] residentRow(Resident r) {
        return new Object[] {r.id(), r.familyId(), r.nik().value(), r.fullName(), Resident.nameKey(r.fullName()),
                r.birthPlace(), r.birthDate(), r.sex().name(), r.religion().name(), r.maritalStatus().name(),
                r.relationship().name(), r.education().name(), r.occupation(), r.fatherName(), r.motherName(),
                r.email(), r.phone(), r.enrolmentStatus().name()};
    }

    static Object[] cardRow(GeneratedFamily.Card card) {
        return new Object[] {card.residentId(), LocalDateTime.ofInstant(card.print().printedAt(), ZoneOffset.UTC),
                card.print().servicePoint(), card.print().reason().name()};
    }
}
