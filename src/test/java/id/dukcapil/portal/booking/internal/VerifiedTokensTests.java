package id.dukcapil.portal.booking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.booking.CitizenSession;
import id.dukcapil.portal.booking.CitizenSessions;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A verified token is believed for a second, never past its own expiry, and forgotten when it ends. */
class VerifiedTokensTests {

    private static final Instant NOW = Instant.parse("2026-11-23T06:00:00Z");

    private final VerifiedTokens tokens = new VerifiedTokens();

    @Test
    void believed_for_a_second_and_never_past_the_tokens_expiry() {
        CitizenSession dewi = CitizenSessions.of(7, "Dewi Sartika");
        tokens.verified("a", dewi, NOW.plusSeconds(3600), NOW);
        assertThat(tokens.owner("a", NOW.plus(VerifiedTokens.FOR).minusMillis(1))).contains(dewi);
        assertThat(tokens.owner("a", NOW.plus(VerifiedTokens.FOR))).as("asked again in the database").isEmpty();

        tokens.verified("b", dewi, NOW.plusMillis(500), NOW);
        assertThat(tokens.owner("b", NOW.plusMillis(499))).contains(dewi);
        assertThat(tokens.owner("b", NOW.plusMillis(500))).as("expired").isEmpty();
    }

    @Test
    void forgotten_one_by_one_or_all_of_a_citizen() {
        tokens.verified("a", CitizenSessions.of(7, "Dewi"), NOW.plusSeconds(3600), NOW);
        tokens.verified("b", CitizenSessions.of(7, "Dewi"), NOW.plusSeconds(3600), NOW);
        tokens.verified("c", CitizenSessions.of(8, "Cut"), NOW.plusSeconds(3600), NOW);
        tokens.forget("a");
        assertThat(tokens.owner("a", NOW)).isEmpty();
        assertThat(tokens.owner("b", NOW)).isPresent();
        tokens.forgetCitizen(7);
        assertThat(tokens.owner("b", NOW)).isEmpty();
        assertThat(tokens.owner("c", NOW)).isPresent();
    }

    @Test
    void bounded_expired_ones_go_first() {
        for (int i = 0; i < VerifiedTokens.MAX; i++) {
            tokens.verified("old-" + i, CitizenSessions.of(i, "x"), NOW.plusSeconds(3600), NOW);
        }
        Instant later = NOW.plus(VerifiedTokens.FOR);
        tokens.verified("new", CitizenSessions.of(1, "y"), later.plusSeconds(3600), later);
        assertThat(tokens.owner("new", later)).isPresent();
        assertThat(tokens.size()).isEqualTo(1);
    }
}
