package id.dukcapil.portal.shared.region;

import id.dukcapil.portal.shared.RegionDirectory;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.util.function.SingletonSupplier;

/**
 * Today's list of regions (reference data loaded by Liquibase; it changes only with a new change set).
 */
@Service
public class Regions implements RegionDirectory {

    private final JdbcClient jdbc;
    /** Some 7,300 codes, asked for on every NIK check: kept in memory. */
    private final Supplier<Set<String>> districtCodes;

    Regions(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.districtCodes = SingletonSupplier.of(() -> Set.copyOf(
                jdbc.sql("SELECT code FROM shared_region_district").query(String.class).list()));
    }

    @Override
    public boolean knowsDistrict(String districtCode) {
        return districtCodes.get().contains(districtCode);
    }

    public Optional<Region> province(String code) {
        return one("SELECT code, name, NULL FROM shared_region_province WHERE code = ?", code);
    }

    public Optional<Region> regency(String code) {
        return one("SELECT code, name, province_code FROM shared_region_regency WHERE code = ?", code);
    }

    public Optional<Region> district(String code) {
        return one("SELECT code, name, regency_code FROM shared_region_district WHERE code = ?", code);
    }

    public Optional<Region> village(String code) {
        return one("SELECT code, name, district_code FROM shared_region_village WHERE code = ?", code);
    }

    public List<Region> districtsOf(String regencyCode) {
        return list("SELECT code, name, regency_code FROM shared_region_district WHERE regency_code = ? ORDER BY code",
                regencyCode);
    }

    public List<Region> villagesOf(String districtCode) {
        return list("SELECT code, name, district_code FROM shared_region_village WHERE district_code = ? ORDER BY code",
                districtCode);
    }

    /** Every village of a regency, in code order. */
    public List<Region> villagesOfRegency(String regencyCode) {
        return list("SELECT code, name, district_code FROM shared_region_village WHERE district_code LIKE ? ORDER BY code",
                regencyCode + ".%");
    }

    private Optional<Region> one(String sql, String code) {
        return jdbc.sql(sql).param(code).query(Regions::region).optional();
    }

    private List<Region> list(String sql, String code) {
        return jdbc.sql(sql).param(code).query(Regions::region).list();
    }

    private static Region region(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Region(rs.getString(1), rs.getString(2), rs.getString(3));
    }
}
