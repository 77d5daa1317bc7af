package id.dukcapil.portal.booking;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * Module listeners ({@code @ApplicationModuleListener}) run after the commit on Spring's task executor (virtual
 * threads), not in the request that caused them: a citizen's booking answer does not wait for the ticket PDF and
 * its e-mail, and an interrupted listener is retried from the event publication registry.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class AsyncListenersConfiguration {

    static final String TICKET_MAILS = "ticketMailExecutor";

    /**
     * Ticket PDFs are rendered one at a time, in the background: a burst of bookings queues its tickets instead of
     * taking every CPU core from the requests that make the bookings.
     */
    @Bean(TICKET_MAILS)
    ThreadPoolTaskExecutor ticketMailExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setThreadNamePrefix("ticket-mail-");
        // At shutdown the queued tickets are left to the event publication registry, which runs them again at
        // the next start: they would otherwise run against a closing context.
        executor.setWaitForTasksToCompleteOnShutdown(false);
        return executor;
    }
}
