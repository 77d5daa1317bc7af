package id.dukcapil.portal.shared.tx;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Two nodes' first-start steps run one after the other, never interleaved: the second finds the first's work. */
@PortalTest
class FirstStartTests {

    @Autowired FirstStart firstStart;

    @Test
    void a_step_started_while_another_runs_waits_for_it_to_end() throws Exception {
        List<String> order = new CopyOnWriteArrayList<>();
        CountDownLatch firstIn = new CountDownLatch(1);
        CountDownLatch secondAsked = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> firstStart.exclusively("first", () -> {
            order.add("first in");
            firstIn.countDown();
            await(secondAsked);
            sleep(500); // the second has asked and waits on the row
            order.add("first out");
        }));
        assertThat(firstIn.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> {
            secondAsked.countDown();
            firstStart.exclusively("second", () -> order.add("second in"));
        });
        CompletableFuture.allOf(first, second).get(30, TimeUnit.SECONDS);
        assertThat(order).containsExactly("first in", "first out", "second in");
    }

    @Test
    void a_step_inside_a_step_of_the_same_thread_runs_at_once() {
        List<String> order = new CopyOnWriteArrayList<>();
        firstStart.exclusively("outer", () -> {
            order.add("outer");
            firstStart.exclusively("inner", () -> order.add("inner"));
        });
        assertThat(order).containsExactly("outer", "inner");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
