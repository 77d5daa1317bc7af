package id.dukcapil.portal.shared.internal.management;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The one account that may read the metrics on the management port (decision 178): the office's Prometheus, by HTTP
 * basic. An empty password refuses every scrape, so a node whose operator set none shows its meters to no one.
 *
 * @param username the scraper's name
 * @param password the scraper's password, in plain text or already encoded as {@code {bcrypt}...}
 */
@ConfigurationProperties("portal.metrics.scraper")
record ScraperProperties(String username, String password) {

    ScraperProperties {
        username = username == null || username.isBlank() ? "prometheus" : username;
        password = password == null ? "" : password;
    }
}
