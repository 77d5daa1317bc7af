package id.dukcapil.portal.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import id.dukcapil.portal.shared.RuleViolation;
import org.junit.jupiter.api.Test;

/** Two checks at once on a node; a third waits a little, then is told the check is busy (issue 52 item 2). */
class CheckGateTest {

    @Test
    void a_third_check_while_two_run_waits_its_while_and_is_told_the_check_is_busy() throws Exception {
        CheckGate gate = new CheckGate(2, Duration.ofMillis(300));
        CountDownLatch running = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<?>[] holders = new CompletableFuture<?>[2];
        for (int i = 0; i < 2; i++) {
            // A thread each: the common pool may have one thread on a machine of two cores.
            holders[i] = CompletableFuture.runAsync(() -> gate.run(() -> {
                running.countDown();
                await(release);
                return null;
            }), Thread::startVirtualThread);
        }
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();

        long started = System.nanoTime();
        assertThatThrownBy(() -> gate.run(() -> "checked")).isInstanceOf(RuleViolation.class)
                .extracting(violation -> ((RuleViolation) violation).messageKeys()).asList()
                .containsExactly("signing.verify.busy");
        assertThat((System.nanoTime() - started) / 1_000_000).as("waited, ms").isBetween(250L, 2_000L);

        release.countDown();
        CompletableFuture.allOf(holders).get(5, TimeUnit.SECONDS);
        assertThat(gate.run(() -> "checked")).as("a place is free again").isEqualTo("checked");
    }

    @Test
    void a_check_that_fails_gives_its_place_back() {
        CheckGate gate = new CheckGate(1, Duration.ofMillis(100));
        assertThatThrownBy(() -> gate.run(() -> {
            throw new IllegalStateException("broken file");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(gate.run(() -> "checked")).isEqualTo("checked");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
