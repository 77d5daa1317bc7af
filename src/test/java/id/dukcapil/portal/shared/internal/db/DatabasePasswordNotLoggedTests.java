package id.dukcapil.portal.shared.internal.db;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import org.hibernate.internal.log.ConnectionInfoLogger;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/** The database password never reaches the start log (issue 41). */
@PortalTest
class DatabasePasswordNotLoggedTests {

    @Autowired JdbcTemplate jdbc;
    @Autowired Environment environment;

    @Test
    void hibernates_connection_line_which_would_name_the_password_is_not_written() {
        String password = environment.getRequiredProperty("spring.datasource.password");
        String url = jdbc.execute((ConnectionCallback<String>) connection -> connection.getMetaData().getURL());
        // Why the line is kept out: the driver's URL, which Hibernate's "Database info" prints, holds the password.
        assertThat(password).isNotEmpty();
        assertThat(url).contains(password);
        assertThat(LoggerFactory.getLogger(ConnectionInfoLogger.LOGGER_NAME).isInfoEnabled()).isFalse();
    }
}
