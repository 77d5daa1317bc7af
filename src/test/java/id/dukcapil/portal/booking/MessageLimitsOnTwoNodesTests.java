package id.dukcapil.portal.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.booking.internal.CitizenStore;
import id.dukcapil.portal.notification.TestSmsc;
import id.dukcapil.portal.shared.Sha256;
import id.dukcapil.portal.shared.throttle.Throttles;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The limits on what a citizen's actions send (decision 182) count once for the cluster: the portal's own
 * {@link MessageLimits} is node A, a second one on its own {@link Throttles} over the same database is node B, as
 * {@code CitizenAccountsOnTwoNodesTests} plays two nodes. Each count is a row of the throttle store, read here.
 */
@PortalTest
class MessageLimitsOnTwoNodesTests {

    @Autowired MessageLimits nodeA;
    @Autowired CitizenStore citizens;
    @Autowired CitizenPhones phones;
    @Autowired BookingTestSupport support;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;
    @Autowired TestClock clock;
    MessageLimits nodeB;

    @BeforeEach
    void a_second_node() {
        nodeB = new MessageLimits(new Throttles(jdbc, transactions, clock, 200_000), citizens);
    }

    @Test
    void ten_changes_an_hour_per_account_spread_over_two_nodes_and_the_store_holds_one_count() {
        CitizenSession citizen = support.citizen();
        for (int i = 0; i < 10; i++) {
            (i % 2 == 0 ? nodeA : nodeB).change(citizen, support.newClientAddress());
        }
        assertThatThrownBy(() -> nodeA.change(citizen, support.newClientAddress()))
                .isInstanceOfSatisfying(BookingRefused.class, refused -> {
                    assertThat(refused.code()).isEqualTo(RefusalCode.CHANGE_THROTTLED);
                    assertThat(refused.retryAfter()).isNotNull();
                });
        assertThatThrownBy(() -> nodeB.change(citizen, support.newClientAddress()))
                .isInstanceOf(BookingRefused.class);
        assertThat(rows("booking.change.account", citizen.owner())).as("one row, both nodes' count").isEqualTo(1);
    }

    @Test
    void a_hundred_changes_an_hour_per_client_address_whatever_the_accounts_on_either_node() {
        String client = support.newClientAddress();
        for (int i = 0; i < 100; i++) {
            (i % 2 == 0 ? nodeA : nodeB).change(stranger(i), client);
        }
        assertThatThrownBy(() -> nodeB.change(stranger(100), client))
                .isInstanceOfSatisfying(BookingRefused.class,
                        refused -> assertThat(refused.code()).isEqualTo(RefusalCode.CHANGE_THROTTLED));
        assertThat(rows("booking.change.client", client)).isEqualTo(1);
    }

    @Test
    void the_accounts_on_one_proved_phone_share_its_ten_changes_and_an_unproved_number_counts_for_nobody() {
        String phone = support.newPhone();
        CitizenSession one = support.citizen();
        CitizenSession two = support.citizen();
        support.provePhone(one, phone);
        support.provePhone(two, phone);
        for (int i = 0; i < 10; i++) {
            (i % 2 == 0 ? nodeA : nodeB).change(i < 5 ? one : two, support.newClientAddress());
        }
        assertThatCode(() -> nodeA.change(support.citizen(), support.newClientAddress()))
                .as("another account, its own count, not the phone's: 0812 3456 7890 is proved by nobody")
                .doesNotThrowAnyException();
        assertThat(rows("booking.change.phone", "+6281234567890")).as("an unproved number is counted nowhere").isZero();
        CitizenSession three = support.citizen();
        support.provePhone(three, phone);
        assertThatThrownBy(() -> nodeB.change(three, support.newClientAddress()))
                .as("a third account on the phone finds its ten spent")
                .isInstanceOfSatisfying(BookingRefused.class,
                        refused -> assertThat(refused.code()).isEqualTo(RefusalCode.CHANGE_THROTTLED));
        assertThat(rows("booking.change.phone", phone)).isEqualTo(1);
    }

    @Test
    void five_codes_a_day_reach_one_number_whatever_the_accounts_and_addresses_that_ask() {
        String phone = support.newPhone();
        String digits = phone.substring(1);
        List<CitizenSession> strangers = support.citizens(6);
        for (int i = 0; i < 5; i++) {
            phones.sendCode(strangers.get(i), phone, support.newClientAddress());
        }
        assertThatThrownBy(() -> phones.sendCode(strangers.get(5), phone, support.newClientAddress()))
                .isInstanceOfSatisfying(BookingRefused.class, refused -> {
                    assertThat(refused.code()).isEqualTo(RefusalCode.PHONE_CODE_THROTTLED);
                    assertThat(refused.retryAfter()).isNotNull();
                });
        assertThat(rows("booking.phone-code.phone", phone)).isEqualTo(1);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .until(() -> TestSmsc.textsTo(digits).size() >= 5);
        assertThat(TestSmsc.textsTo(digits)).hasSize(5);
        assertThatThrownBy(() -> nodeB.code(strangers.get(5), phone, support.newClientAddress()))
                .as("node B sees the number's five").isInstanceOf(BookingRefused.class);
    }

    @Test
    void twenty_codes_an_hour_from_one_client_address_whatever_the_accounts_and_numbers() {
        String client = support.newClientAddress();
        List<CitizenSession> strangers = support.citizens(21);
        for (int i = 0; i < 20; i++) {
            phones.sendCode(strangers.get(i), support.newPhone(), client);
        }
        assertThatThrownBy(() -> phones.sendCode(strangers.get(20), support.newPhone(), client))
                .isInstanceOfSatisfying(BookingRefused.class,
                        refused -> assertThat(refused.code()).isEqualTo(RefusalCode.PHONE_CODE_THROTTLED));
        assertThat(rows("booking.phone-code.client", client)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM booking_phone_code WHERE citizen_id = ?")
                .param(strangers.get(20).citizenId()).query(Integer.class).single()).as("no code for the refused")
                .isZero();
    }

    /** An account nobody registered: its own key, no phone. */
    private static CitizenSession stranger(int n) {
        return new CitizenSession(-1_000_000L - n - System.nanoTime() % 1_000_000 * 1_000, "Orang " + n,
                "orang" + n + "@contoh.id", Locale.forLanguageTag("id"));
    }

    private int rows(String purpose, String key) {
        return jdbc.sql("SELECT COUNT(*) FROM shared_throttle WHERE purpose = ? AND key_hash = ?")
                .params(purpose, Sha256.hex(key)).query(Integer.class).single();
    }
}
