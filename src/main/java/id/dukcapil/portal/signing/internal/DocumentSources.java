package id.dukcapil.portal.signing.internal;

import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.signing.SignableDocuments;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * The procedure modules that render documents for signing, by the source type they ask with. Looked up on first use:
 * a module that renders documents also queues them, so it depends on the queue, which must not wait for it.
 */
@Component
public class DocumentSources {

    private final SingletonSupplier<Map<String, SignableDocuments>> bySourceType;

    DocumentSources(ObjectProvider<SignableDocuments> sources) {
        this.bySourceType = SingletonSupplier.of(() -> sources.orderedStream()
                .collect(Collectors.toUnmodifiableMap(SignableDocuments::sourceType, Function.identity())));
    }

    public SignableDocuments of(String sourceType) {
        return find(sourceType).orElseThrow(() -> new RuleViolation("signing.source.unknown", sourceType));
    }

    /** None for a source no module renders any more (a demo's cards on a portal started without the demo). */
    public Optional<SignableDocuments> find(String sourceType) {
        return Optional.ofNullable(bySourceType.obtain().get(sourceType));
    }
}
