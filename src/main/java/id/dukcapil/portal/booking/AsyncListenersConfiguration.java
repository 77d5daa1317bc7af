package id.dukcapil.portal.booking;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * Module listeners ({@code @ApplicationModuleListener}) run after the commit on Spring's task executor (virtual
 * threads), not in the request that caused them: a citizen's booking answer does not wait for the ticket PDF and
 * its e-mail, and an interrupted listener is retried from the event publication registry.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class AsyncListenersConfiguration {
}
