package id.dukcapil.portal.shared.tx;

import java.lang.reflect.Method;
import java.util.function.Supplier;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.Advisor;
import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.interceptor.TransactionAttribute;
import org.springframework.transaction.interceptor.TransactionAttributeSource;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.function.SingletonSupplier;

/**
 * One retry for every write path (decision 117): around each {@code @Transactional} method that begins its own
 * transaction, just outside the transaction's own advice, and in the {@link TransactionTemplate} every module is
 * given.
 */
@Configuration(proxyBeanMethods = false)
class TransactionConfiguration {

    /** Just outside the transaction advice (lowest precedence): inside method security, around begin and commit. */
    static final int ORDER = Ordered.LOWEST_PRECEDENCE - 1;

    @Bean
    RetryingTransactionTemplate transactionTemplate(PlatformTransactionManager transactionManager,
                                                    WriteRetries retries) {
        return new RetryingTransactionTemplate(transactionManager, retries);
    }

    /**
     * {@code @Transactional} read by Spring's transaction advice's own attribute source, as Spring's transaction
     * advisor takes it: each method's attribute is worked out once at start for both advisors, not once for each
     * (decision 169). The retry is looked up once, on the first call, not on every call.
     */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor retryingTransactionAdvisor(ObjectProvider<WriteRetries> retryBean,
                                              TransactionAttributeSource attributes) {
        Supplier<WriteRetries> retries = SingletonSupplier.of(retryBean::getObject);
        StaticMethodMatcherPointcut transactional = new StaticMethodMatcherPointcut() {
            @Override
            public boolean matches(Method method, Class<?> targetClass) {
                return attributes.getTransactionAttribute(method, targetClass) != null;
            }
        };
        MethodInterceptor retrying = invocation -> {
            TransactionAttribute attribute = attributes.getTransactionAttribute(invocation.getMethod(),
                    invocation.getThis() == null ? null : invocation.getThis().getClass());
            if (attribute == null || attribute.isReadOnly()
                    || !RetryingTransactionTemplate.beginsItsOwn(attribute.getPropagationBehavior())
                    || !(invocation instanceof ProxyMethodInvocation proxied)) {
                return invocation.proceed();
            }
            try {
                return retries.get().run(() -> {
                    try {
                        // A clone per try: an invocation goes down its chain of advice once, the transaction's too.
                        return proxied.invocableClone().proceed();
                    } catch (RuntimeException | Error unchecked) {
                        throw unchecked;
                    } catch (Throwable checked) {
                        throw new CheckedFailure(checked);
                    }
                });
            } catch (CheckedFailure wrapped) {
                throw wrapped.getCause();
            }
        };
        DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(transactional, retrying);
        advisor.setOrder(ORDER);
        return advisor;
    }

    /** The commit phase is told by the transaction manager itself: a listener on every one of them. */
    @Bean
    static BeanPostProcessor commitPhaseListener(ObjectProvider<CommitPhase> commitPhase) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof AbstractPlatformTransactionManager manager) {
                    manager.addListener(commitPhase.getObject());
                }
                return bean;
            }
        };
    }

    /** A checked exception of a transactional method, carried through the retry and thrown again as it was. */
    static final class CheckedFailure extends RuntimeException {
        CheckedFailure(Throwable checked) {
            super(checked);
        }
    }
}
