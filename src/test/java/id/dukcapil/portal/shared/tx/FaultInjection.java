package id.dukcapil.portal.shared.tx;

import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The test run's pool behind {@link FaultInjectingDataSource}, which stays out of the way until a test arms it. */
@TestConfiguration(proxyBeanMethods = false)
public class FaultInjection {

    @Bean
    static BeanPostProcessor faultInjectingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource pool && "dataSource".equals(beanName)
                        ? FaultInjectingDataSource.wrap(pool) : bean;
            }
        };
    }
}
