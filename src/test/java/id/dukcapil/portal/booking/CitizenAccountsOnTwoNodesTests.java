package id.dukcapil.portal.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.TestDays;
import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.booking.internal.CitizenStore;
import id.dukcapil.portal.booking.internal.RegistrationSteps;
import id.dukcapil.portal.booking.internal.VerifiedTokens;
import id.dukcapil.portal.shared.throttle.Throttles;
import id.dukcapil.portal.shared.tx.WriteRetries;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import id.dukcapil.portal.Together;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;
import org.springframework.transaction.interceptor.TransactionInterceptor;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Citizen accounts on two nodes of one database: the portal's own {@link CitizenAccounts} is node A; node B is a second
 * one made here, with its own throttles and its own verified-token cache, transactional as the bean is, each call run
 * through the same retry. Sign-in failures count for both; a token revoked on A is refused by B within a second.
 */
@PortalTest
class CitizenAccountsOnTwoNodesTests {

    private static final Logger log = LoggerFactory.getLogger(CitizenAccountsOnTwoNodesTests.class);
    private static final String WRONG = "Salah-Sandi-999";

    @Autowired CitizenAccounts nodeA;
    @Autowired CitizenTokens tokensA;
    @Autowired CitizenStore citizens;
    @Autowired PasswordEncoder passwordEncoder;
    @Autowired BookingMails mails;
    @Autowired AuditLog auditLog;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;
    @Autowired PlatformTransactionManager transactionManager;
    @Autowired WriteRetries retries;
    @Autowired RegistrationSteps registrationSteps;
    @Autowired BookingTestSupport support;
    @Autowired TestClock clock;
    @LocalServerPort int port;
    CitizenAccounts nodeB;
    CitizenTokens tokensB;
    String email;

    @BeforeEach
    void a_citizen_and_a_second_node() {
        clock.setInstant(TestDays.at(TestDays.nextMonday(clock), "09:00"));
        tokensB = transactional(new CitizenTokens(citizens, new VerifiedTokens(), retries, clock));
        nodeB = transactional(new CitizenAccounts(citizens, tokensB, passwordEncoder, mails, auditLog,
                new Throttles(jdbc, transactions, clock, 200_000), clock, retries, registrationSteps));
        email = support.newEmail();
        support.citizen(email);
    }

    @AfterEach
    void real_time_again() {
        clock.reset();
    }

    @Test
    void five_wrong_passwords_spread_over_two_nodes_lock_the_address_on_both() {
        String client = support.newClientAddress();
        for (int i = 0; i < CitizenAccounts.MAX_FAILED_SIGN_INS; i++) {
            CitizenAccounts node = i % 2 == 0 ? nodeA : nodeB;
            assertThat(answer(() -> signIn(node, WRONG, client))).as("try " + (i + 1)).isEqualTo("SIGN_IN_FAILED");
        }
        assertThat(answer(() -> signIn(nodeA, BookingTestSupport.PASSWORD, support.newClientAddress())))
                .as("the right password on A").isEqualTo("SIGN_IN_THROTTLED");
        assertThat(answer(() -> signIn(nodeB, BookingTestSupport.PASSWORD, support.newClientAddress())))
                .as("the right password on B").isEqualTo("SIGN_IN_THROTTLED");
        clock.advance(CitizenAccounts.SIGN_IN_LOCK);
        assertThat(answer(() -> signIn(nodeB, BookingTestSupport.PASSWORD, client))).isEqualTo("SIGNED_IN");
    }

    @Test
    void ten_wrong_passwords_sent_at_once_to_two_nodes_have_five_checked() throws Exception {
        List<Callable<String>> tries = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            CitizenAccounts node = i % 2 == 0 ? nodeA : nodeB;
            String client = support.newClientAddress();
            tries.add(() -> answer(() -> signIn(node, WRONG, client)));
        }
        Map<String, Long> answers = Together.run(10, tries).stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(answers).containsExactlyInAnyOrderEntriesOf(Map.of("SIGN_IN_FAILED", 5L, "SIGN_IN_THROTTLED", 5L));
    }

    @Test
    void a_token_revoked_on_one_node_is_refused_by_the_other_within_a_second() {
        CitizenSession session = nodeA.signIn(email, BookingTestSupport.PASSWORD, support.newClientAddress());
        String token = tokensA.issueToken(session).token();
        assertThat(tokensB.byToken(token)).as("B verifies it, and believes it a moment").isPresent();

        tokensA.revoke(token);
        assertThat(tokensA.byToken(token)).as("refused at once where it was revoked").isEmpty();
        clock.advance(VerifiedTokens.FOR);
        assertThat(VerifiedTokens.FOR).isLessThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(tokensB.byToken(token)).as("refused on B a second later").isEmpty();
    }

    /**
     * What a token costs an API call, believed and read: the lightest authenticated request (one booking read) with
     * the token believed, and with the token read each time (the clock moved past the second in between). Logs the
     * figures; a token in steady use pays the read once a second per node.
     */
    @Test
    void what_a_token_costs_an_api_call_believed_and_read() throws Exception {
        CitizenSession session = nodeA.signIn(email, BookingTestSupport.PASSWORD, support.newClientAddress());
        String token = tokensA.issueToken(session).token();
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/bds/bookings"))
                .header("Authorization", "Bearer " + token).GET().build();
        int calls = 1_000;
        for (int i = 0; i < calls; i++) { // warm-up of both paths
            assertThat(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
            clock.advance(VerifiedTokens.FOR);
        }
        // Interleaved, one of each in turn, so that the machine's other work falls on both alike; medians.
        long[] believed = new long[calls];
        long[] read = new long[calls];
        for (int i = 0; i < calls; i++) {
            long started = System.nanoTime();
            http.send(request, HttpResponse.BodyHandlers.discarding());
            believed[i] = System.nanoTime() - started;
            clock.advance(VerifiedTokens.FOR);
            started = System.nanoTime();
            http.send(request, HttpResponse.BodyHandlers.discarding());
            read[i] = System.nanoTime() - started;
        }
        java.util.Arrays.sort(believed);
        java.util.Arrays.sort(read);
        long lookups = 20_000;
        long started = System.nanoTime();
        for (int i = 0; i < lookups; i++) {
            tokensB.byToken(token);
        }
        double believedLookup = (System.nanoTime() - started) / 1e3 / lookups;
        started = System.nanoTime();
        for (int i = 0; i < 2_000; i++) {
            clock.advance(VerifiedTokens.FOR);
            tokensB.byToken(token);
        }
        double readLookup = (System.nanoTime() - started) / 1e3 / 2_000;
        log.info("GET /api/v1/bds/bookings, median: {} µs a call with the token believed, {} µs with it read; the lookup alone "
                        + "{} µs believed, {} µs read", Math.round(believed[calls / 2] / 1e3),
                Math.round(read[calls / 2] / 1e3), "%.1f".formatted(believedLookup), Math.round(readLookup));
        assertThat(readLookup).as("a read costs more than a believed token").isGreaterThan(believedLookup);
    }

    private CitizenSession signIn(CitizenAccounts node, String password, String client) {
        return retries.run(() -> node.signIn(email, password, client));
    }

    private static String answer(Callable<CitizenSession> signIn) {
        try {
            signIn.call();
            return "SIGNED_IN";
        } catch (BookingRefused refused) {
            return refused.code().name();
        } catch (Exception other) {
            return other.toString();
        }
    }

    /** A second node's service, its transactions as Spring's proxy gives them. */
    @SuppressWarnings("unchecked")
    private <T> T transactional(T target) {
        ProxyFactory proxy = new ProxyFactory(target);
        proxy.setProxyTargetClass(true);
        proxy.addAdvice(new TransactionInterceptor(transactionManager, new AnnotationTransactionAttributeSource(false)));
        return (T) proxy.getProxy();
    }
}
