package id.dukcapil.portal.shared;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock every service takes, so that SLA, quota and lockout rules can be tested to the minute.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    /** The regency's offices keep Western Indonesian Time. */
    static final ZoneId OFFICE_ZONE = ZoneId.of("Asia/Jakarta");

    @Bean
    Clock clock() {
        return Clock.system(OFFICE_ZONE);
    }
}
