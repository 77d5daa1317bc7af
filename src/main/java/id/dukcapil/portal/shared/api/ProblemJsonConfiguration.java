package id.dukcapil.portal.shared.api;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Problem details leave every controller through {@link ProblemJsonConverter}, ahead of Jackson. */
@Configuration(proxyBeanMethods = false)
class ProblemJsonConfiguration implements WebMvcConfigurer {

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder converters) {
        converters.addCustomConverter(new ProblemJsonConverter());
    }
}
