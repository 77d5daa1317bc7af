package id.dukcapil.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The walk's dictionary of codes is read from the product's enums, and finds them as whole words only. */
class PortalCodesTest {

    private final PortalCodes codes = PortalCodes.fromTheCode();

    @Test
    void the_dictionary_holds_the_states_steps_checklist_items_and_roles_of_the_code() {
        assertThat(codes.size()).isGreaterThan(200);
        assertThat(codes.contains("DELIVERED")).isTrue();
        assertThat(codes.contains("BIOMETRICS_CAPTURED")).isTrue();
        assertThat(codes.contains("B6_OPERATOR_CHECK")).isTrue();
        assertThat(codes.contains("IDENTITY_MATCHES_CARD")).isTrue();
        assertThat(codes.contains("PRINT_OPERATOR")).isTrue();
        assertThat(codes.contains("NIK")).as("the office's own abbreviations are words").isFalse();
    }

    @Test
    void a_code_is_found_as_a_whole_word_in_capitals_and_nowhere_else() {
        assertThat(codes.in("DELIVERED → REVOKED")).containsExactly("DELIVERED", "REVOKED");
        assertThat(codes.in("checklist: IDENTITY_MATCHES_CARD,ACTIVE_ON_PHONE")).contains("IDENTITY_MATCHES_CARD");
        assertThat(codes.in("Terkirim ke pemohon; NIK 3204********0001; Delivered")).isEmpty();
    }
}
