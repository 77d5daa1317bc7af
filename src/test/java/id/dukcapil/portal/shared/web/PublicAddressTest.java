package id.dukcapil.portal.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Links in e-mails and on proofs point where the citizen reached the portal, not at localhost:8080. */
class PublicAddressTest {

    @AfterEach
    void no_request_any_more() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void without_a_configured_address_the_links_follow_the_address_the_request_came_to_and_keep_it_for_later_mail() {
        PublicAddress address = new PublicAddress("");
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/bds/booking");
        request.setScheme("https");
        request.setServerName("bds.bandungkab.go.id");
        request.setServerPort(443);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));

        assertThat(address.base()).isEqualTo("https://bds.bandungkab.go.id");

        RequestContextHolder.resetRequestAttributes();
        assertThat(address.base()).as("an e-mail sent after the request, from another thread")
                .isEqualTo("https://bds.bandungkab.go.id");
    }

    @Test
    void a_request_on_another_port_links_to_that_port() {
        PublicAddress address = new PublicAddress("");
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/bds");
        request.setServerName("10.1.2.3");
        request.setServerPort(18080);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));

        assertThat(address.base()).isEqualTo("http://10.1.2.3:18080");
    }

    @Test
    void the_address_the_office_configured_wins_without_its_trailing_slash() {
        PublicAddress address = new PublicAddress(" https://layanan.disdukcapil.bandungkab.go.id/ ");
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/bds");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));

        assertThat(address.base()).isEqualTo("https://layanan.disdukcapil.bandungkab.go.id");
    }
}
