package id.dukcapil.portal.shared.internal.db;

import javax.sql.DataSource;
import liquibase.integration.spring.SpringLiquibase;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;
import org.springframework.stereotype.Component;

/**
 * The embedded MariaDB starts while Spring makes the context (decision 155): the data source and Liquibase (which
 * connects on a data source of its own) are made only once it accepts connections, and a server that did not start
 * fails the start there, with its reason. Nothing else connects to the database before them.
 */
@Component
class EmbeddedMariaDbBeforeFirstConnection implements BeanPostProcessor, PriorityOrdered {

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource || bean instanceof SpringLiquibase) {
            EmbeddedMariaDb.running().ifPresent(EmbeddedMariaDb::awaitStarted);
        }
        return bean;
    }

    /** Before the post-processors that connect to prepare Liquibase's tables ({@link LiquibaseTablesFirst}). */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
