package id.dukcapil.portal.signing.internal;

import java.time.Clock;

import id.dukcapil.portal.audit.AuditLog;
import id.dukcapil.portal.outside.OutsideSystems;
import id.dukcapil.portal.shared.throttle.Throttles;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SigningProperties.class, BsreProperties.class})
class SigningConfiguration {

    /** The office signs through BSrE ({@code portal.signing.provider=bsre}); else {@link LocalKeySigner}. */
    @Bean
    @ConditionalOnProperty(name = "portal.signing.provider", havingValue = "bsre")
    BsreSigner bsreSigner(BsreProperties properties, SigningProperties signing, SignatureInspector inspector,
                          RemoteAttempts attempts, SigningCertificateRepository certificates, AuditLog auditLog,
                          Throttles throttles, Clock clock, OutsideSystems outside) {
        return new BsreSigner(properties, signing, inspector, attempts, certificates, auditLog, throttles, clock,
                outside);
    }
}
