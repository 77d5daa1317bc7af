package id.dukcapil.portal.notification.whatsapp;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The WhatsApp channel's settings are its own: the outbox's core knows the channel only by its port. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WhatsAppProperties.class)
class WhatsAppConfiguration {
}
