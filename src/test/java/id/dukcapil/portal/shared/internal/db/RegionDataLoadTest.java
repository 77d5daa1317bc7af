package id.dukcapil.portal.shared.internal.db;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@PortalTest
class RegionDataLoadTest {

    @Autowired JdbcTemplate jdbc;

    @Test
    void quoted_names_keep_their_commas_and_quotes() {
        assertThat(RegionDataLoad.cells("12.07.28.1007,12.07.28,\"Lubuk Pakam I,II\""))
                .containsExactly("12.07.28.1007", "12.07.28", "Lubuk Pakam I,II");
        assertThat(RegionDataLoad.cells("35.29.22,35.29,\"Ra\"\"as\"")).containsExactly("35.29.22", "35.29", "Ra\"as");
    }

    @Test
    void every_region_of_the_files_is_loaded_once() {
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM shared_region_province", Long.class)).isEqualTo(38);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM shared_region_district WHERE code LIKE '32.04.%'",
                Long.class)).isEqualTo(31);
        assertThat(jdbc.queryForObject("SELECT name FROM shared_region_district WHERE code = '32.04.37'", String.class))
                .isEqualTo("Soreang");
        assertThat(jdbc.queryForObject("SELECT name FROM shared_region_village WHERE code = '14.02.09.2010'",
                String.class)).isEqualTo("Lambang Sari I, II, III");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM shared_region_village", Long.class))
                .isEqualTo(83_762L);
    }
}
