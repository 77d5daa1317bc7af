package id.dukcapil.portal.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Links in e-mails and on proofs point at an address the office chose: the configured one, or the request's when
 * its host is on the office's list; never a host a client wrote into its Host header (issue 41).
 */
class PublicAddressTest {

    @AfterEach
    void no_request_any_more() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void a_request_to_an_allowed_host_links_there_and_mail_sent_later_links_to_the_first_allowed_host() {
        PublicAddress address = new PublicAddress("", "https://layanan.bandungkab.go.id, bds.bandungkab.go.id");
        during(request("https", "bds.bandungkab.go.id", 443));

        assertThat(address.base()).isEqualTo("https://bds.bandungkab.go.id");

        RequestContextHolder.resetRequestAttributes();
        assertThat(address.base()).as("an e-mail sent after the request, from another thread")
                .isEqualTo("https://layanan.bandungkab.go.id");
    }

    @Test
    void a_forged_host_header_changes_no_link_neither_its_own_nor_the_next_citizens() {
        PublicAddress address = new PublicAddress("", "https://layanan.bandungkab.go.id");
        during(request("http", "evil.example", 80));

        assertThat(address.base()).isEqualTo("https://layanan.bandungkab.go.id");

        RequestContextHolder.resetRequestAttributes();
        assertThat(address.base()).as("the next citizen's ticket mail").isEqualTo("https://layanan.bandungkab.go.id");
    }

    @Test
    void without_any_configured_address_a_request_never_makes_the_link() {
        PublicAddress address = new PublicAddress("", "");
        during(request("http", "evil.example", 80));

        assertThat(address.base()).isEqualTo("http://localhost:8080");
    }

    @Test
    void an_allowed_host_on_port_zero_is_this_servers_own_port_and_another_port_is_not_allowed() {
        PublicAddress address = new PublicAddress("", "localhost:0,10.1.2.3:18080");
        during(request("http", "10.1.2.3", 18080));
        assertThat(address.base()).isEqualTo("http://10.1.2.3:18080");

        during(request("http", "10.1.2.3", 18081));
        assertThat(address.base()).as("the first allowed, on the server's port").isEqualTo("http://localhost:8080");
    }

    @Test
    void the_address_the_office_configured_wins_without_its_trailing_slash() {
        PublicAddress address = new PublicAddress(" https://layanan.disdukcapil.bandungkab.go.id/ ", "bds.bandungkab.go.id");
        during(request("https", "bds.bandungkab.go.id", 443));

        assertThat(address.base()).isEqualTo("https://layanan.disdukcapil.bandungkab.go.id");
    }

    private static MockHttpServletRequest request(String scheme, String host, int port) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/bds/accounts");
        request.setScheme(scheme);
        request.setServerName(host);
        request.setServerPort(port);
        return request;
    }

    private static void during(MockHttpServletRequest request) {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }
}
