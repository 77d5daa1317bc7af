package id.dukcapil.portal.shared.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LikePatternTest {

    @Test
    void a_typed_percent_or_underscore_is_matched_literally() {
        assertThat(LikePattern.contains("50%_off")).isEqualTo("%50\\%\\_off%");
        assertThat(LikePattern.startsWith("kk_print.")).isEqualTo("kk\\_print.%");
    }

    @Test
    void a_typed_backslash_is_escaped_before_the_wildcards_so_it_escapes_nothing() {
        assertThat(LikePattern.escaped("a\\%")).isEqualTo("a\\\\\\%");
        assertThat(LikePattern.contains("C:\\")).isEqualTo("%C:\\\\%");
    }

    @Test
    void plain_text_is_kept_as_typed_spaces_included() {
        assertThat(LikePattern.contains(" Budi ")).isEqualTo("% Budi %");
        assertThat(LikePattern.startsWith("")).isEqualTo("%");
        assertThat(LikePattern.contains("")).isEqualTo("%%");
    }
}
