package id.dukcapil.portal.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskedNameTest {

    @Test
    void each_word_keeps_its_first_letter_and_hides_the_rest() {
        assertThat(MaskedName.of("SITI NURHALIZA")).isEqualTo("S*** N********");
        assertThat(MaskedName.of("  Asep   Sunandar ")).isEqualTo("A*** S*******");
    }

    @Test
    void a_one_letter_word_and_a_name_of_one_word_show_no_more_than_their_first_letter() {
        assertThat(MaskedName.of("M")).isEqualTo("M");
        assertThat(MaskedName.of("Sukarno")).isEqualTo("S******");
        assertThat(MaskedName.of("")).isEmpty();
    }
}
