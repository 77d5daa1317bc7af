package id.dukcapil.portal.shared.secret;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class NodeScopeConfiguration {

    @Bean
    NodeScope nodeScope(Environment environment) {
        return NodeScope.of(environment);
    }
}
