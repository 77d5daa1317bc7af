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
import org.springframework.jdbc.core.JdbcTemplate;

/** Two nodes' first-start steps run one after the other, never interleaved: the second finds the first's work. */
@PortalTest
class FirstStartTests {

    @Autowired FirstStart firstStart;
    @Autowired JdbcTemplate jdbc;

    @Test
    void a_step_started_while_another_runs_waits_for_it_to_end() throws Exception {
        List<String> order = new CopyOnWriteArrayList<>();
        CountDownLatch firstIn = new CountDownLatch(1);
        CountDownLatch secondAsked = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> firstStart.exclusively("first", () -> {
            order.add("first in");
            firstIn.countDown();
            await(secondAsked);
            awaitWaitingOnTheRow(); // the second has asked and waits on the row
            order.add("first out");
        }), Thread::startVirtualThread); // the common pool may have one thread: the second must not wait for it
        assertThat(firstIn.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> {
            secondAsked.countDown();
            firstStart.exclusively("second", () -> order.add("second in"));
        }, Thread::startVirtualThread);
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
            assertThat(latch.await(10, TimeUnit.SECONDS)).as("the other step has asked").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitWaitingOnTheRow() {
        try {
            RunningStatements.await(jdbc, "%FROM shared_first_start %FOR UPDATE%");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
