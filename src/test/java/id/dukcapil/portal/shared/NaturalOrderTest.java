package id.dukcapil.portal.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NaturalOrderTest {

    @Test
    void officers_and_desks_sort_as_they_are_read() {
        List<String> names = new ArrayList<>(List.of("petugas10", "petugas2", "Petugas1", "petugas11", "petugas1",
                "Meja 10", "meja 9", "operator", "petugas02", "x99999999999999999999", "x100000000000000000000"));
        names.sort(NaturalOrder.TEXT);
        assertThat(names).containsExactly("meja 9", "Meja 10", "operator", "Petugas1", "petugas1", "petugas02",
                "petugas2", "petugas10", "petugas11", "x99999999999999999999", "x100000000000000000000");
    }

    @Test
    void equal_only_when_the_same() {
        assertThat(NaturalOrder.TEXT.compare("petugas7", "petugas7")).isZero();
        assertThat(NaturalOrder.TEXT.compare("petugas07", "petugas7")).isNotZero();
        assertThat(NaturalOrder.TEXT.compare("", "a")).isNegative();
        assertThat(NaturalOrder.TEXT.compare("a1b", "a1")).isPositive();
    }
}
