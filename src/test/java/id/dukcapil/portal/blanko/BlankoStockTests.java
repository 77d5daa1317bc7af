package id.dukcapil.portal.blanko;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.SignedInAs;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.staff.StaffAccounts;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The blank-card ledger: its sum is the balance, and no race takes a card that is not there. */
@PortalTest
class BlankoStockTests {

    /** A point of its own: no other test's prints, receipts or transfers in its ledger. */
    private static String point;

    @Autowired BlankoStock stock;
    @Autowired UserDetailsService users;
    @Autowired JdbcTemplate jdbc;

    @BeforeAll
    static void a_point_of_its_own(@Autowired StaffAccounts staff) {
        point = staff.servicePoint();
    }

    @BeforeEach
    void the_stock_take_finds_ten_cards() {
        SignedInAs.run(users, "manajer", () -> {
            if (stock.balance(point) != 10) {
                stock.correct(point, 10, "stock-take before the test");
            }
        });
    }

    @Test
    void thirty_clerks_printing_at_once_take_exactly_the_ten_cards_there_are() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(30)) {
            for (int i = 0; i < 30; i++) {
                String code = "TEST" + i;
                results.add(pool.submit(() -> SignedInAs.call(users, "cetak", () -> {
                    start.await();
                    try {
                        stock.printed(point, code);
                        return true;
                    } catch (RuleViolation refused) {
                        assertThat(refused.messageKeys()).containsExactly("blanko.stock.insufficient");
                        return false;
                    }
                })));
            }
            start.countDown();
            long printed = 0;
            for (Future<Boolean> result : results) {
                printed += result.get() ? 1 : 0;
            }
            assertThat(printed).isEqualTo(10);
        }
        assertThat(stock.balance(point)).isZero();
        assertThat(jdbc.queryForObject("SELECT SUM(quantity) FROM blanko_movement WHERE service_point = ?", Integer.class, point))
                .isZero();
    }

    @Test
    void a_spoiled_card_needs_a_reason_and_leaves_the_stock() {
        SignedInAs.run(users, "cetak", () -> {
            assertThatThrownBy(() -> stock.spoiled(point, null, " "))
                    .isInstanceOf(RuleViolation.class).hasMessage("blanko.error.reason-required");
            StockMovement line = stock.spoiled(point, null, "printer jammed");
            assertThat(line.balanceAfter()).isEqualTo(9);
            assertThat(line.kind()).isEqualTo(MovementKind.SPOILED);
        });
    }

    @Test
    void a_transfer_moves_cards_and_cannot_send_more_than_the_point_has() {
        SignedInAs.run(users, "perencana", () -> {
            int before = stock.balance("DINAS");
            assertThatThrownBy(() -> stock.transfer(point, "DINAS", 11, "to the office"))
                    .isInstanceOf(RuleViolation.class).hasMessage("blanko.stock.insufficient");
            stock.transfer(point, "DINAS", 4, "to the office");
            assertThat(stock.balance(point)).isEqualTo(6);
            assertThat(stock.balance("DINAS")).isEqualTo(before + 4);
            assertThat(stock.history(point, PageRequest.of(0, 1)).getContent().getFirst().reference()).isEqualTo("DINAS");
        });
    }

    @Test
    void a_receipt_names_its_delivery_and_days_left_follow_the_recent_rate() {
        SignedInAs.run(users, "cetak", () -> stock.printed(point, "RATE1"));
        SignedInAs.run(users, "perencana", () -> {
            assertThatThrownBy(() -> stock.receive(point, 100, ""))
                    .isInstanceOf(RuleViolation.class).hasMessage("blanko.error.reference-required");
            stock.receive(point, 100, "SJ-2026/11/0042");
            StockSummary summary = stock.summary(point);
            assertThat(summary.balance()).isEqualTo(109);
            assertThat(summary.daysLeft()).isPresent();
            assertThat(summary.daysLeft().getAsInt())
                    .isEqualTo(109 * BlankoStock.RATE_WINDOW_DAYS / summary.usedRecently());
        });
    }

    @Test
    void only_a_manager_or_admin_corrects_after_a_stock_take() {
        SignedInAs.run(users, "perencana", () -> assertThatThrownBy(() -> stock.correct(point, 12, "counted"))
                .isInstanceOf(AccessDeniedException.class));
        SignedInAs.run(users, "admin", () -> {
            assertThatThrownBy(() -> stock.correct(point, 12, ""))
                    .isInstanceOf(RuleViolation.class).hasMessage("blanko.error.reason-required");
            assertThat(stock.correct(point, 12, "two cards found in the drawer").quantity()).isEqualTo(2);
        });
    }
}
