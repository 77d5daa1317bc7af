package id.dukcapil.portal.outpost;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The outpost's settings ({@code portal.outpost}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutpostProperties.class)
class OutpostConfiguration {
}
