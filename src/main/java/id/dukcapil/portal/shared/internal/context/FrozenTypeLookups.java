package id.dukcapil.portal.shared.internal.context;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.core.ResolvableType;
import org.springframework.util.ClassUtils;

/**
 * Spring's bean factory, remembering the names of the beans of a generic type as Spring remembers those of a plain
 * class (decision 169). Spring answers a look-up by class from memory once the configuration is frozen, but goes over
 * every bean definition again for a generic type such as {@code Customizer<CsrfConfigurer<HttpSecurity>>}, and Spring
 * Security asks some thirty such types, the same ones, for each of the portal's filter chains. The same rules as
 * Spring's own: remembered only once frozen and with eager initialisation allowed, only for classes of a cache-safe
 * class loader, and forgotten on every change for which Spring forgets its own.
 */
final class FrozenTypeLookups extends DefaultListableBeanFactory {

    private record Lookup(ResolvableType type, boolean includeNonSingletons) {
    }

    private final Map<Lookup, String[]> namesByGenericType = new ConcurrentHashMap<>();

    @Override
    public String[] getBeanNamesForType(ResolvableType type, boolean includeNonSingletons, boolean allowEagerInit) {
        if (!isConfigurationFrozen() || !allowEagerInit || !type.hasGenerics()) {
            return super.getBeanNamesForType(type, includeNonSingletons, allowEagerInit);
        }
        Lookup lookup = new Lookup(type, includeNonSingletons);
        String[] names = namesByGenericType.get(lookup);
        if (names == null) {
            // Not computeIfAbsent: a look-up may create a factory bean, whose creation looks up again.
            names = super.getBeanNamesForType(type, includeNonSingletons, true);
            if (cacheSafe(type)) {
                namesByGenericType.put(lookup, names);
            }
        }
        return names;
    }

    private boolean cacheSafe(ResolvableType type) {
        Class<?> resolved = type.resolve();
        if (resolved == null || !ClassUtils.isCacheSafe(resolved, getBeanClassLoader())) {
            return false;
        }
        for (ResolvableType generic : type.getGenerics()) {
            if (generic.resolve() != null && !cacheSafe(generic)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void registerBeanDefinition(String beanName, BeanDefinition beanDefinition) {
        super.registerBeanDefinition(beanName, beanDefinition);
        namesByGenericType.clear();
    }

    @Override
    public void removeBeanDefinition(String beanName) {
        super.removeBeanDefinition(beanName);
        namesByGenericType.clear();
    }

    @Override
    public void registerSingleton(String beanName, Object singletonObject) {
        super.registerSingleton(beanName, singletonObject);
        namesByGenericType.clear();
    }

    @Override
    public void destroySingleton(String beanName) {
        super.destroySingleton(beanName);
        namesByGenericType.clear();
    }

    @Override
    public void destroySingletons() {
        super.destroySingletons();
        namesByGenericType.clear();
    }

    @Override
    public void clearMetadataCache() {
        super.clearMetadataCache();
        namesByGenericType.clear();
    }
}
