package id.dukcapil.portal.shared.internal.db;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import liquibase.change.custom.CustomTaskChange;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.CustomChangeException;
import liquibase.exception.ValidationErrors;
import liquibase.resource.ResourceAccessor;

/**
 * Loads Indonesia's regions (idn-area-data, {@code db/data/shared/*.csv}) in one Liquibase change set.
 * Liquibase's own {@code loadData} re-generated all 84,000 village INSERTs at every start to validate the change
 * log, even long after they ran — 12 s of every start. A custom change has nothing to regenerate; it runs once,
 * and only into empty tables.
 */
public class RegionDataLoad implements CustomTaskChange {

    private static final int BATCH = 2_000;
    private static final List<String[]> FILES = List.of(
            new String[] {"provinces.csv", "shared_region_province", "code, name"},
            new String[] {"regencies.csv", "shared_region_regency", "code, province_code, name"},
            new String[] {"districts.csv", "shared_region_district", "code, regency_code, name"},
            new String[] {"villages.csv", "shared_region_village", "code, district_code, name"});

    @Override
    public void execute(Database database) throws CustomChangeException {
        Connection connection = ((JdbcConnection) database.getConnection()).getUnderlyingConnection();
        try {
            for (String[] file : FILES) {
                load(connection, file[0], file[1], file[2]);
            }
        } catch (SQLException | IOException e) {
            throw new CustomChangeException("Loading the region data failed: " + e.getMessage(), e);
        }
    }

    private static void load(Connection connection, String file, String table, String columns)
            throws SQLException, IOException {
        try (var count = connection.createStatement(); ResultSet rows = count.executeQuery("SELECT COUNT(*) FROM " + table)) {
            if (rows.next() && rows.getLong(1) > 0) {
                return;
            }
        }
        int width = columns.split(",").length;
        String sql = "INSERT INTO " + table + " (" + columns + ") VALUES (" + "?, ".repeat(width - 1) + "?)";
        try (InputStream in = RegionDataLoad.class.getResourceAsStream("/db/data/shared/" + file);
             BufferedReader reader = new BufferedReader(new InputStreamReader(
                     java.util.Objects.requireNonNull(in, file), StandardCharsets.UTF_8));
             PreparedStatement insert = connection.prepareStatement(sql)) {
            reader.readLine(); // header
            int pending = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> cells = cells(line);
                for (int i = 0; i < width; i++) {
                    insert.setString(i + 1, cells.get(i));
                }
                insert.addBatch();
                if (++pending == BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            insert.executeBatch();
        }
    }

    /** One CSV line: commas separate, double quotes enclose, a doubled quote is a quote ({@code "Ra""as"}). */
    static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    @Override
    public String getConfirmationMessage() {
        return "Regions of Indonesia loaded from idn-area-data";
    }

    @Override
    public void setUp() {
    }

    @Override
    public void setFileOpener(ResourceAccessor resourceAccessor) {
    }

    @Override
    public ValidationErrors validate(Database database) {
        return new ValidationErrors();
    }
}
