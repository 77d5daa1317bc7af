package id.dukcapil.portal.population.internal;

import id.dukcapil.portal.population.Family;
import id.dukcapil.portal.population.Resident;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes a generated population into the empty population tables, so that a whole regency (1.2 million
 * families, 3.7 million residents) loads in minutes: one thread generates while another streams each chunk of
 * families to MariaDB with {@code LOAD DATA LOCAL INFILE} (no SQL statement per row), one transaction per chunk,
 * and the session skips the foreign-key checks the generator already guarantees
 * (docs/decisions/011-demo-population.md).
 */
@Component
public class PopulationBulkLoader {

    static final List<String> FAMILY_COLUMNS = List.of("id", "kk_number", "street", "rt", "rw", "village_code");
    static final List<String> RESIDENT_COLUMNS = List.of("id", "family_id", "nik", "full_name", "name_key",
            "birth_place", "birth_date", "sex", "religion", "marital_status", "relationship", "education", "occupation",
            "father_name", "mother_name", "email", "phone", "enrolment_status");
    static final List<String> CARD_COLUMNS = List.of("resident_id", "printed_at", "service_point", "reason");
    private static final int FAMILIES_PER_CHUNK = 5_000;
    private static final List<GeneratedFamily> END = List.of();

    /** What was loaded. */
    public record Loaded(long families, long residents, long cards) {
    }

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    public PopulationBulkLoader(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    public boolean populationEmpty() {
        return jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM population_family)").query(Boolean.class).single();
    }

    /** Loads {@code families} families, each made by {@code source} while the previous chunk is written. */
    public Loaded load(Supplier<GeneratedFamily> source, int families) {
        BlockingQueue<List<GeneratedFamily>> chunks = new ArrayBlockingQueue<>(4);
        Generating generating = new Generating(source, families, chunks);
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
        try (Statement statement = connection.createStatement()) {
            org.mariadb.jdbc.Statement mariadb = statement.unwrap(org.mariadb.jdbc.Statement.class);
            // Families are written before their members and the generator's ids are consistent by construction:
            // the parent-row lookup of each foreign-key check is work without a purpose here.
            mariadb.execute("SET SESSION foreign_key_checks = 0");
            long[] loaded = new long[3];
            try {
                for (List<GeneratedFamily> chunk = take(chunks); chunk != END; chunk = take(chunks)) {
                    LoadDataRows families = new LoadDataRows();
                    LoadDataRows residents = new LoadDataRows();
                    LoadDataRows cards = new LoadDataRows();
                    for (GeneratedFamily generated : chunk) {
                        families.row(familyRow(generated.family()));
                        generated.family().members().forEach(resident -> residents.row(residentRow(resident)));
                        generated.cards().forEach(card -> cards.row(cardRow(card)));
                    }
                    loaded[0] += families.load(mariadb, "population_family", FAMILY_COLUMNS);
                    loaded[1] += residents.load(mariadb, "population_resident", RESIDENT_COLUMNS);
                    loaded[2] += cards.load(mariadb, "population_card_print", CARD_COLUMNS);
                    connection.commit();
                }
                generating.rethrowFailure();
                return new Loaded(loaded[0], loaded[1], loaded[2]);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                mariadb.execute("SET SESSION foreign_key_checks = 1");
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
        private final Supplier<GeneratedFamily> source;
        private final int families;
        private final BlockingQueue<List<GeneratedFamily>> chunks;
        private volatile @Nullable RuntimeException failure;

        Generating(Supplier<GeneratedFamily> source, int families, BlockingQueue<List<GeneratedFamily>> chunks) {
            this.source = source;
            this.families = families;
            this.chunks = chunks;
        }

        @Override
        public void run() {
            try {
                List<GeneratedFamily> chunk = new ArrayList<>(FAMILIES_PER_CHUNK);
                for (int i = 0; i < families; i++) {
                    chunk.add(source.get());
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

    static Object[] familyRow(Family family) {
        var address = family.address();
        return new Object[] {family.id().value(), family.kkNumber().value(), address.street(), address.rt(), address.rw(),
                address.villageCode()};
    }

    static Object[] residentRow(Resident r) {
        return new Object[] {r.id(), r.familyId().value(), r.nik().value(), r.fullName(), Resident.nameKey(r.fullName()),
                r.birthPlace(), r.birthDate(), r.sex().name(), r.religion().name(), r.maritalStatus().name(),
                r.relationship().name(), r.education().name(), r.occupation(), r.fatherName(), r.motherName(),
                r.email(), r.phone(), r.enrolmentStatus().name()};
    }

    static Object[] cardRow(GeneratedFamily.Card card) {
        return new Object[] {card.residentId(), LocalDateTime.ofInstant(card.print().printedAt(), ZoneOffset.UTC),
                card.print().servicePoint(), card.print().reason().name()};
    }
}
