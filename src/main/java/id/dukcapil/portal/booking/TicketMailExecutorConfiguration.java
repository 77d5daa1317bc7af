package id.dukcapil.portal.booking;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The ticket mails' own executor (decision 045). Asynchronous listeners as such are the application's
 * ({@code @EnableAsync} on {@code PortalApplication}, the bounded event pool of decision 049).
 */
@Configuration(proxyBeanMethods = false)
class TicketMailExecutorConfiguration {

    static final String NAME = "ticketMailExecutor";

    /**
     * Ticket PDFs are rendered one at a time, in the background: a burst of bookings queues its tickets instead of
     * taking every CPU core from the requests that make the bookings.
     */
    @Bean(NAME)
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
