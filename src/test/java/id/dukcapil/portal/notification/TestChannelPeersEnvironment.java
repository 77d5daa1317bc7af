package id.dukcapil.portal.notification;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * In the test profile, starts the test run's WhatsApp Cloud API peer (HTTPS, its own certificate trusted through an
 * SSL bundle) and SMPP gateway before the context, and configures the office's channels to them: the one shared
 * context sends real HTTPS and SMPP (decision 140).
 */
class TestChannelPeersEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!Arrays.asList(environment.getActiveProfiles()).contains("test")) {
            return;
        }
        TestCloudApi.Started cloudApi = TestCloudApi.startOnce();
        int smsc = TestSmsc.startOnce();
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.ssl.bundle.pem.cloud-api-peer.truststore.certificate",
                "file:" + cloudApi.certificatePem().toAbsolutePath());
        properties.put("portal.notification.whatsapp.base-url", "https://127.0.0.1:" + cloudApi.port());
        properties.put("portal.notification.whatsapp.api-version", TestCloudApi.VERSION);
        properties.put("portal.notification.whatsapp.phone-number-id", TestCloudApi.PHONE_NUMBER_ID);
        properties.put("portal.notification.whatsapp.access-token", TestCloudApi.ACCESS_TOKEN);
        properties.put("portal.notification.whatsapp.app-secret", TestCloudApi.APP_SECRET);
        properties.put("portal.notification.whatsapp.verify-token", TestCloudApi.VERIFY_TOKEN);
        properties.put("portal.notification.whatsapp.ssl-bundle", "cloud-api-peer");
        properties.put("portal.notification.whatsapp.timeout", "3s");
        properties.put("portal.notification.sms.host", "127.0.0.1");
        properties.put("portal.notification.sms.port", smsc);
        properties.put("portal.notification.sms.system-id", TestSmsc.SYSTEM_ID);
        properties.put("portal.notification.sms.password", TestSmsc.PASSWORD);
        properties.put("portal.notification.sms.timeout", "3s");
        environment.getPropertySources().addFirst(new MapPropertySource("testChannelPeers", properties));
    }
}
