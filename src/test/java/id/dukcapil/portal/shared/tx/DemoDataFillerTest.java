package id.dukcapil.portal.shared.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Where the demo data is filled: before readiness on the starting thread, or after it on a thread of its own. */
class DemoDataFillerTest {

    @Test
    void at_start_the_fill_is_done_before_the_ready_event_returns() {
        CompletableFuture<String> filledOn = new CompletableFuture<>();
        new DemoDataFiller(event -> filledOn.complete(Thread.currentThread().getName()), "at-start").fill();
        assertThat(filledOn).isCompletedWithValue(Thread.currentThread().getName());
    }

    @Test
    void in_the_background_the_ready_event_returns_while_the_fill_runs_on_its_own_thread() throws Exception {
        CountDownLatch fillMayEnd = new CountDownLatch(1);
        CompletableFuture<String> filledOn = new CompletableFuture<>();
        new DemoDataFiller(event -> {
            try {
                fillMayEnd.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            filledOn.complete(Thread.currentThread().getName());
        }, "in-background").fill();
        assertThat(filledOn).as("the portal is ready before the fill ends").isNotDone();
        fillMayEnd.countDown();
        assertThat(filledOn.get(10, TimeUnit.SECONDS)).isEqualTo("demo-data-fill");
    }

    @Test
    void a_mistyped_choice_stops_the_start_and_names_the_two_choices() {
        assertThatThrownBy(() -> new DemoDataFiller(event -> { }, "background"))
                .hasMessageContaining("'at-start' or 'in-background'").hasMessageContaining("'background'");
    }
}
