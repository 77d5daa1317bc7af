package id.dukcapil.portal.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.audit.PersonalData;
import id.dukcapil.portal.audit.PersonalDataAccess;
import id.dukcapil.portal.shared.tx.WriteRetries;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A node's buffer of views is its own for a second only: when the node's context closes (a shutdown, a redeploy) the
 * views still waiting are written, none lost (decision 129).
 */
@PortalTest
class PersonalDataViewBufferTests {

    @Autowired JdbcTemplate jdbc;
    @Autowired PlatformTransactionManager transactions;
    @Autowired WriteRetries retries;

    @Test
    void views_waiting_in_a_nodes_buffer_are_written_when_its_context_closes() {
        String screen = "test/shutdown-" + ThreadLocalRandom.current().nextInt(1_000_000);
        // A node of its own: its buffer, its timer and its lifecycle, over the suite's database.
        GenericApplicationContext node = new GenericApplicationContext();
        node.registerBean(PersonalDataViewBuffer.class,
                () -> new PersonalDataViewBuffer(new PersonalDataViewStore(jdbc), transactions, retries));
        node.refresh();
        PersonalDataViewBuffer buffer = node.getBean(PersonalDataViewBuffer.class);
        assertThat(buffer.isRunning()).isTrue();

        buffer.add(IntStream.range(0, 120).mapToObj(i -> view(screen, i)).toList());
        assertThat(written(screen)).as("still in the buffer: the timer runs once a second").isZero();
        node.close();

        assertThat(written(screen)).isEqualTo(120);
        assertThat(buffer.isRunning()).isFalse();
    }

    private long written(String screen) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_personal_data_view WHERE screen = ?", Long.class, screen);
    }

    private static PersonalDataAccess view(String screen, int i) {
        return new PersonalDataAccess(0, Instant.now(), PersonalDataAccess.Kind.VIEW, "operator", "Operator", "DINAS",
                screen, PersonalData.nik("32043712058500" + String.format("%02d", i % 100)), "127.0.0.1");
    }
}
