package id.dukcapil.portal.population.internal;

import id.dukcapil.portal.population.Family;
import id.dukcapil.portal.population.Resident;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes a generated population into the empty population tables, so that a whole regency (1.2 million
 * families, 3.7 million residents) loads in minutes: one thread generates while another writes JDBC batches
 * (the MariaDB driver sends a batch of inserts as one bulk command), and the session skips the unique and
 * foreign-key checks the generator already guarantees (docs/decisions/011-demo-population.md).
 */
@Component
class PopulationBulkLoader {

    static final List<String> FAMILY_COLUMNS = List.of("id", "kk_number", "street", "rt", "rw", "village_code");
    static final List<String> RESIDENT_COLUMNS = List.of("id", "family_id", "nik", "full_name", "name_key",
            "birth_place", "birth_date", "sex", "religion", "marital_status", "relationship", "education", "occupation",
            "father_name", "mother_name", "email", "phone", "enrolment_status");
    static final List<String> CARD_COLUMNS = List.of("resident_id", "printed_at", "service_point", "reason");
    private static final int FAMILIES_PER_CHUNK = 2_000;
    private static final List<GeneratedFamily> END = List.of();

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
        BlockingQueue<List<GeneratedFamily>> chunks = new ArrayBlockingQueue<>(4);
        Generating generating = new Generating(generator, families, chunks);
        Thread producer = Thread.ofPlatform().name("population-generator").daemon().start(generating);
        try (Connection connection = dataSource.getConnection()) {
            return write(connection, chunks, generating);
        } catch (SQLException e) {
            throw new IllegalStateException("Loading the population failed: " + e.getMessage(), e);
        } finally {
            producer.interrupt();
        }
    }

    private Loaded write(Connection connection, BlockingQueue<List<GeneratedFamily>> chunks, Generating generating)
            throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement session = connection.createStatement();
             PreparedStatement familyRows = connection.prepareStatement(insert("population_family", FAMILY_COLUMNS));
             PreparedStatement residentRows = connection.prepareStatement(insert("population_resident", RESIDENT_COLUMNS));
             PreparedStatement cardRows = connection.prepareStatement(insert("population_card_print", CARD_COLUMNS))) {
            // Empty tables and generated numbers that are unique by construction: no check per row is needed.
            session.execute("SET SESSION unique_checks = 0, foreign_key_checks = 0");
            long[] loaded = new long[3];
            try {
                for (List<GeneratedFamily> chunk = take(chunks); chunk != END; chunk = take(chunks)) {
                    for (GeneratedFamily generated : chunk) {
                        add(familyRows, familyRow(generated.family()));
                        for (Resident resident : generated.family().members()) {
                            add(residentRows, residentRow(resident));
                            loaded[1]++;
                        }
                        for (GeneratedFamily.Card card : generated.cards()) {
                            add(cardRows, cardRow(card));
                            loaded[2]++;
                        }
                    }
                    familyRows.executeBatch();
                    residentRows.executeBatch();
                    cardRows.executeBatch();
                    connection.commit();
                    loaded[0] += chunk.size();
                }
                generating.rethrowFailure();
                return new Loaded(loaded[0], loaded[1], loaded[2]);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                session.execute("SET SESSION unique_checks = 1, foreign_key_checks = 1");
            }
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private static List<GeneratedFamily> take(BlockingQueue<List<GeneratedFamily>> chunks) {
        try {
            return chunks.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while loading the population", e);
        }
    }

    /** Generates the families chunk by chunk while the loader writes the previous ones. */
    private static final class Generating implements Runnable {
        private final DemoPopulationGenerator generator;
        private final int families;
        private final BlockingQueue<List<GeneratedFamily>> chunks;
        private volatile @Nullable RuntimeException failure;

        Generating(DemoPopulationGenerator generator, int families, BlockingQueue<List<GeneratedFamily>> chunks) {
            this.generator = generator;
            this.families = families;
            this.chunks = chunks;
        }

        @Override
        public void run() {
            try {
                List<GeneratedFamily> chunk = new ArrayList<>(FAMILIES_PER_CHUNK);
                for (int i = 0; i < families; i++) {
                    chunk.add(generator.next());
                    if (chunk.size() == FAMILIES_PER_CHUNK) {
                        chunks.put(chunk);
                        chunk = new ArrayList<>(FAMILIES_PER_CHUNK);
                    }
                }
                if (!chunk.isEmpty()) {
                    chunks.put(chunk);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                failure = e;
            }
            try {
                chunks.put(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** The generator's failure, if it failed, so that the load fails with it rather than look complete. */
        void rethrowFailure() {
            RuntimeException e = failure;
            if (e != null) {
                throw e;
            }
        }
    }

    static String insert(String table, List<String> columns) {
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
    }

    static void add(PreparedStatement statement, Object[] row) throws SQLException {
        for (int i = 0; i < row.length; i++) {
            statement.setObject(i + 1, row[i]);
        }
        statement.addBatch();
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
