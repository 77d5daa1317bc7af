package id.dukcapil.portal.shared.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.mock.http.MockHttpOutputMessage;
import tools.jackson.databind.json.JsonMapper;

/** The hand-written problem document is the one Spring's Jackson mixin writes, member for member. */
class ProblemJsonConverterTest {

    private final JsonMapper jackson = JsonMapper.builder().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
            .build();

    @Test
    void a_refusal_reads_as_jacksons_document() throws Exception {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Kuota \"penuh\" untuk 1 Desember \\ pilih hari lain.\n\u0001");
        problem.setType(URI.create(ApiProblems.TYPE_BASE + "quota-full"));
        problem.setInstance(URI.create("/api/v1/bds/bookings"));
        problem.setProperty("code", "QUOTA_FULL");

        assertSameAsJackson(problem);
    }

    @Test
    void field_errors_numbers_and_a_problem_without_instance_read_as_jacksons() throws Exception {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        problem.setProperty("code", "INVALID_FIELD");
        problem.setProperty("errors", List.of(Map.of("field", "email", "detail", "Terlalu panjang (maks. 254)"),
                Map.of("field", "nik", "detail", "Wajib diisi")));
        problem.setProperty("retryAfterSeconds", 5);
        problem.setProperty("final", true);

        assertSameAsJackson(problem);
    }

    @Test
    void the_answer_has_its_length_and_the_problem_media_type() throws Exception {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "Sudah ada pemesanan — ✓");
        MockHttpOutputMessage output = new MockHttpOutputMessage();

        new ProblemJsonConverter().write(problem, MediaType.APPLICATION_PROBLEM_JSON, output);

        byte[] body = output.getBodyAsBytes();
        assertThat(output.getHeaders().getContentLength()).isEqualTo(body.length);
        assertThat(output.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(new String(body, StandardCharsets.UTF_8)).contains("Sudah ada pemesanan — ✓");
    }

    private void assertSameAsJackson(ProblemDetail problem) {
        assertThat(jackson.readTree(ProblemJsonConverter.json(problem)))
                .isEqualTo(jackson.readTree(jackson.writeValueAsString(problem)));
    }
}
