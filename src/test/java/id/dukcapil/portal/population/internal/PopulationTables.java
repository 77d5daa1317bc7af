package id.dukcapil.portal.population.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** The population's tables emptied, for the benchmarks that load a regency into the one test database. */
final class PopulationTables {

    private PopulationTables() {
    }

    static void truncate(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET FOREIGN_KEY_CHECKS = 0");
            statement.execute("TRUNCATE TABLE population_card_print");
            statement.execute("TRUNCATE TABLE population_resident");
            statement.execute("TRUNCATE TABLE population_family");
            statement.execute("SET FOREIGN_KEY_CHECKS = 1");
        }
    }
}
