package id.dukcapil.portal.shared.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** Asynchronous event listeners run on one bounded pool, not on a new thread per event (decision 049). */
@PortalTest
class EventExecutorTests {

    @Autowired AsyncConfigurer async;

    @Test
    void async_listeners_share_a_bounded_pool_of_event_threads() {
        assertThat(async.getAsyncExecutor()).isInstanceOfSatisfying(ThreadPoolTaskExecutor.class, pool -> {
            assertThat(pool.getThreadNamePrefix()).isEqualTo("event-");
            assertThat(pool.getCorePoolSize()).isEqualTo(8);
            assertThat(pool.getQueueCapacity()).as("excess events queue instead of adding threads")
                    .isEqualTo(Integer.MAX_VALUE);
        });
    }
}
