package id.dukcapil.portal.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** One rule for a mobile number at every edge: the BDS registration, the IKD intake, the registration desk. */
class PhoneNumberTest {

    @Test
    void an_indonesian_number_is_taken_as_typed_and_kept_as_plus_62() {
        assertThat(PhoneNumber.parse("0812-3456-7890").value()).isEqualTo("+6281234567890");
        assertThat(PhoneNumber.parse("+62 812 3456 7890").value()).isEqualTo("+6281234567890");
        assertThat(PhoneNumber.parse("62 (812) 3456.7890").value()).isEqualTo("+6281234567890");
    }

    @Test
    void a_foreign_short_long_or_lettered_number_is_refused_with_one_message() {
        for (String typed : new String[] {"+1 415 555 0100", "0812", "08123456789012345", "0812-ABCD-7890", "00812345678",
                "", "0".repeat(300)}) {
            assertThat(PhoneNumber.normalized(typed)).as(typed).isEmpty();
            assertThatThrownBy(() -> PhoneNumber.parse(typed)).isInstanceOfSatisfying(RuleViolation.class,
                    refused -> assertThat(refused.messageKeys()).containsExactly(PhoneNumber.INVALID));
        }
    }
}
