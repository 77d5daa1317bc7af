package id.dukcapil.portal.shared.internal.aot;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.AbstractNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.classreading.CachingMetadataReaderFactory;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.util.StringUtils;

/**
 * The values the {@code @ConditionalOnProperty} and {@code @ConditionalOnBooleanProperty} conditions evaluated while
 * the bean definitions were made compare each property with: read from the annotations of every class and bean method
 * in Spring Boot's condition report, and of the member classes of the nested conditions they name ("any of", "all
 * of"), which is where such a condition can sit. "" stands for "set and not false", the test without a value.
 */
final class PropertyConditions {

    private PropertyConditions() {
    }

    /**
     * By property name, the values it is compared with. Throws when a source of the report cannot be read: a
     * comparison missed here would let a start with another value pass as the build's.
     */
    static Map<String, Set<String>> comparedValues(ConfigurableListableBeanFactory beanFactory) {
        // The classes' own bytes, as the condition evaluator read them: no class they name need be loadable.
        MetadataReaderFactory metadata = new CachingMetadataReaderFactory(beanFactory.getBeanClassLoader());
        Map<String, Set<String>> compared = new TreeMap<>();
        Set<String> nestedSeen = new HashSet<>();
        for (String source : ConditionEvaluationReport.get(beanFactory).getConditionAndOutcomesBySource().keySet()) {
            for (AnnotatedTypeMetadata element : elements(source, metadata)) {
                collect(element, metadata, compared, nestedSeen);
            }
        }
        return compared;
    }

    private static List<AnnotatedTypeMetadata> elements(String source, MetadataReaderFactory metadata) {
        int hash = source.indexOf('#');
        AnnotationMetadata type = read(hash < 0 ? source : source.substring(0, hash), metadata);
        if (hash < 0) {
            return List.of(type);
        }
        String methodName = source.substring(hash + 1);
        List<AnnotatedTypeMetadata> methods = type.getDeclaredMethods().stream()
                .filter(method -> method.getMethodName().equals(methodName)).map(AnnotatedTypeMetadata.class::cast)
                .toList();
        if (methods.isEmpty()) {
            throw new IllegalStateException("No method " + source + " of the condition report");
        }
        return methods;
    }

    private static AnnotationMetadata read(String className, MetadataReaderFactory metadata) {
        try {
            return metadata.getMetadataReader(className).getAnnotationMetadata();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + className + " of the condition report", e);
        }
    }

    private static void collect(AnnotatedTypeMetadata element, MetadataReaderFactory metadata,
                                Map<String, Set<String>> compared, Set<String> nestedSeen) {
        MergedAnnotations annotations = element.getAnnotations();
        stream(annotations, ConditionalOnProperty.class, ConditionalOnProperties.class).forEach(property -> add(
                property, property.getString("havingValue"), compared));
        stream(annotations, ConditionalOnBooleanProperty.class, ConditionalOnBooleanProperties.class).forEach(
                property -> add(property, String.valueOf(property.getBoolean("havingValue")), compared));
        annotations.stream(Conditional.class)
                .flatMap(conditional -> Arrays.stream(conditional.getStringArray(MergedAnnotation.VALUE)))
                .filter(nestedSeen::add)
                .map(condition -> read(condition, metadata))
                .filter(condition -> isNested(condition, metadata))
                .forEach(nested -> {
                    for (String member : nested.getMemberClassNames()) {
                        collect(read(member, metadata), metadata, compared, nestedSeen);
                    }
                });
    }

    /** The annotation, directly or as a meta-annotation, and each of a repeated one's container. */
    private static Stream<MergedAnnotation<Annotation>> stream(MergedAnnotations annotations,
            Class<? extends Annotation> type, Class<? extends Annotation> container) {
        return Stream.concat(annotations.stream(type.getName()), annotations.stream(container.getName())
                .flatMap(repeated -> Arrays.stream(repeated.getAnnotationArray(MergedAnnotation.VALUE, type)))
                .map(annotation -> (MergedAnnotation<Annotation>) (MergedAnnotation<?>) annotation));
    }

    /** Whether the condition class is one of Spring Boot's nested conditions, whose member classes are its parts. */
    private static boolean isNested(AnnotationMetadata condition, MetadataReaderFactory metadata) {
        for (String type = condition.getSuperClassName(); type != null && !type.equals(Object.class.getName());
             type = read(type, metadata).getSuperClassName()) {
            if (type.equals(AbstractNestedCondition.class.getName())) {
                return true;
            }
        }
        return false;
    }

    /** As OnPropertyCondition's Spec reads the annotation: the prefix with its dot, then each name. */
    private static void add(MergedAnnotation<?> property, String havingValue, Map<String, Set<String>> compared) {
        String prefix = property.getString("prefix").trim();
        if (StringUtils.hasText(prefix) && !prefix.endsWith(".")) {
            prefix = prefix + ".";
        }
        String[] names = property.getStringArray("value").length > 0 ? property.getStringArray("value")
                : property.getStringArray("name");
        for (String name : names) {
            compared.computeIfAbsent(prefix + name, key -> new TreeSet<>()).add(havingValue);
        }
    }
}
