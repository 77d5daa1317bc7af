package id.dukcapil.portal.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import id.dukcapil.portal.PortalTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A signed or returned document's event gets a publication only for the module that asked for the document (issue
 * 56): the batch's commit no longer writes, and the event threads no longer run and delete, one per module for every
 * document. Published in a transaction rolled back, so that no listener runs.
 */
@PortalTest
class SigningEventPublicationsTests {

    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcTemplate jdbc;

    @Test
    void a_document_of_a_source_no_module_listens_for_gets_no_publication() {
        String number = "PUB-" + UUID.randomUUID();
        assertThat(listenersPublishedFor(number, new DocumentSigned(DocumentId.of(1), number, "TEST", "1", "subject",
                Instant.now(), "kadis", "https://example.test/v/" + number))).isEmpty();
    }

    @Test
    void a_family_card_gets_the_family_card_module_alone() {
        String number = "PUB-" + UUID.randomUUID();
        assertThat(listenersPublishedFor(number, new DocumentSigned(DocumentId.of(1), number, "KK_PRINT_REQUEST",
                "KK-PUB", "subject", Instant.now(), "kadis", "https://example.test/v/" + number)))
                .singleElement().asString().contains("SigningOutcomes");
        String reason = "RETURNED-" + UUID.randomUUID();
        assertThat(listenersPublishedFor(reason, new DocumentReturned(DocumentId.of(1), "IKD_DAY_REPORT", "1", reason,
                Instant.now(), "kadis"))).singleElement().asString().contains("IkdReportDocuments");
    }

    /** The listeners a publication was stored for, seen inside the publishing transaction, which is then undone. */
    private List<String> listenersPublishedFor(String marker, Object event) {
        return transactions.execute(status -> {
            events.publishEvent(event);
            List<String> listeners = jdbc.queryForList(
                    "SELECT listener_id FROM EVENT_PUBLICATION WHERE serialized_event LIKE ?", String.class,
                    "%" + marker + "%");
            status.setRollbackOnly();
            return listeners;
        });
    }
}
