package id.dukcapil.portal.staff.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Staff sign-ins that failed, by reason, and accounts locked for it (decision 178): a rising count is someone trying
 * passwords. Counted by this node; Prometheus adds up the nodes.
 */
@Component
class SignInMeters {

    private final Counter wrongPassword;
    private final Counter unknownName;
    private final Counter refused;
    private final Counter locks;

    SignInMeters(MeterRegistry registry) {
        this.wrongPassword = failures(registry, "wrong_password");
        this.unknownName = failures(registry, "unknown_name");
        this.refused = failures(registry, "locked_or_disabled");
        this.locks = Counter.builder("portal.signin.locks").description("Staff accounts locked after failed sign-ins")
                .register(registry);
    }

    private static Counter failures(MeterRegistry registry, String reason) {
        return Counter.builder("portal.signin.failures").description("Staff sign-ins that failed")
                .tag("reason", reason).register(registry);
    }

    void wrongPassword() {
        wrongPassword.increment();
    }

    void unknownName() {
        unknownName.increment();
    }

    void refused() {
        refused.increment();
    }

    void locked() {
        locks.increment();
    }
}
