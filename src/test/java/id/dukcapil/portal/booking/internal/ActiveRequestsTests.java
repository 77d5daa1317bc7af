package id.dukcapil.portal.booking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A request works in one of a few places; while it waits for its batch another takes its place, and it takes a
 * place again to go on. A thread that entered no place (a clerk's booking) waits without giving any up.
 */
class ActiveRequestsTests {

    private final ActiveRequests active = new ActiveRequests(1);
    /** Request threads of their own: the common pool may have a single thread on a small machine. */
    private final ExecutorService requests = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        requests.shutdownNow();
    }

    @Test
    void a_request_waiting_for_its_batch_lends_its_place_and_takes_one_again_to_go_on() throws Exception {
        CountDownLatch waiting = new CountDownLatch(1);
        CountDownLatch batchDone = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> {
            try (ActiveRequests.Place place = active.enter()) {
                return active.whileWaiting(() -> {
                    waiting.countDown();
                    await(batchDone);
                    return "booked";
                });
            }
        }, requests);
        assertThat(waiting.await(5, TimeUnit.SECONDS)).isTrue();

        // The only place is free while the first request waits: a second request enters and works in it.
        CountDownLatch secondIn = new CountDownLatch(1);
        CountDownLatch secondMayLeave = new CountDownLatch(1);
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> {
            try (ActiveRequests.Place place = active.enter()) {
                secondIn.countDown();
                await(secondMayLeave);
            }
        }, requests);
        assertThat(secondIn.await(5, TimeUnit.SECONDS)).as("the second request entered the lent place").isTrue();

        // The batch is done, but the first request goes on only once the second has given the place back.
        batchDone.countDown();
        Thread.sleep(200);
        assertThat(first).as("waits for a place to go on").isNotDone();
        secondMayLeave.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("booked");
        second.get(5, TimeUnit.SECONDS);
    }

    @Test
    void a_thread_outside_the_api_waits_without_giving_a_place_up() throws Exception {
        assertThat(active.whileWaiting(() -> "booked by a clerk")).isEqualTo("booked by a clerk");

        // Still exactly one place: one request is in, a second must wait for it.
        CountDownLatch secondIn = new CountDownLatch(1);
        CompletableFuture<Void> second;
        try (ActiveRequests.Place place = active.enter()) {
            second = CompletableFuture.runAsync(() -> {
                try (ActiveRequests.Place other = active.enter()) {
                    secondIn.countDown();
                }
            }, requests);
            assertThat(secondIn.await(200, TimeUnit.MILLISECONDS)).as("no second place was made").isFalse();
        }
        second.get(5, TimeUnit.SECONDS);
        assertThat(secondIn.getCount()).isZero();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
