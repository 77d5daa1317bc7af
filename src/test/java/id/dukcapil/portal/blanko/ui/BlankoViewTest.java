package id.dukcapil.portal.blanko.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.PortalViewTest;
import id.dukcapil.portal.blanko.BlankoStock;
import id.dukcapil.portal.blanko.StockMovement;
import id.dukcapil.portal.blanko.StockSummary;
import id.dukcapil.portal.staff.StaffAccounts;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/** The blank-card stock screen: a delivery received, a stock-take corrected, what each role may do there. */
class BlankoViewTest extends PortalViewTest {

    /** A point of its own, and one to send cards to: no other test's movements in their histories. */
    private static String point;
    private static String other;

    @Autowired BlankoStock stock;

    @BeforeAll
    static void points_of_its_own(@Autowired StaffAccounts staff) {
        point = staff.servicePoint();
        other = staff.servicePoint(); // named without its code: the transfer's history must name it, not show its code
    }

    @Test
    @WithUserDetails("perencana")
    void a_planner_records_a_delivery_and_sees_the_balance_and_the_history_change() {
        BlankoView view = navigate(BlankoView.class);
        select(view, point);
        int before = summary(view, point).balance();
        String reference = "SJ-KEMENDAGRI-" + System.nanoTime();

        test(view.quantity).setValue(120);
        test(view.reference).setValue(reference);
        test(view.receive).click();

        assertThat(lastNotification()).isEqualTo("Penerimaan dicatat. Saldo sekarang " + (before + 120) + " keping.");
        assertThat(summary(view, point).balance()).isEqualTo(before + 120);
        assertThat(view.points.getSelectedItems()).extracting(StockSummary::servicePoint).containsExactly(point);
        var history = test(view.history);
        assertThat(history.getCellText(0, 1)).isEqualTo("Penerimaan");
        assertThat(history.getCellText(0, 2)).isEqualTo("120");
        assertThat(history.getCellText(0, 3)).isEqualTo(String.valueOf(before + 120));
        assertThat(history.getCellText(0, 4)).isEqualTo(reference);
        // The history sorts in the database (decision 194): the largest movement first, then the newest again.
        view.history.sort(com.vaadin.flow.component.grid.GridSortOrder.desc(view.history.getColumns().get(2)).build());
        java.util.List<Integer> quantities = java.util.stream.IntStream.range(0, history.size())
                .mapToObj(row -> history.getRow(row).quantity()).toList();
        assertThat(quantities).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        view.history.sort(java.util.List.of());
        assertThat(history.getCellText(0, 4)).isEqualTo(reference);
        assertThat(view.quantity.getValue()).as("the form is cleared for the next delivery").isNull();
        assertThat(view.correct.getParent().orElseThrow().isVisible()).as("a planner does not correct a stock-take").isFalse();
        var points = test(view.points);
        for (int row = 0; row < points.size(); row++) {
            assertThat(points.getCellText(row, 3)).as("how long the stock lasts, never '7919' days")
                    .matches("–|lebih dari 90|[1-8]?\\d|90");
        }
    }

    /** Issue 54 item 8: the points sort by each column, the balance as a number, the days left the shortest first. */
    @Test
    @WithUserDetails("perencana")
    void a_planner_sorts_the_points_by_their_balance_and_by_how_long_their_stock_lasts() {
        BlankoView view = navigate(BlankoView.class);
        assertThat(view.points.getColumns()).allMatch(Grid.Column::isSortable);
        var points = test(view.points);
        view.points.sort(GridSortOrder.asc(view.points.getColumns().get(1)).build());
        List<Integer> balances = IntStream.range(0, points.size()).mapToObj(row -> points.getRow(row).balance()).toList();
        assertThat(balances).hasSizeGreaterThan(2).isSorted();
        view.points.sort(GridSortOrder.asc(view.points.getColumns().get(3)).build());
        List<Integer> lasting = IntStream.range(0, points.size())
                .mapToObj(row -> points.getRow(row).daysLeft().orElse(Integer.MAX_VALUE)).toList();
        assertThat(lasting).isSorted();
    }

    @Test
    @WithUserDetails("perencana")
    void a_transfer_names_the_other_point_in_the_history_not_its_code() {
        BlankoView view = navigate(BlankoView.class);
        select(view, point);
        test(view.quantity).setValue(10);
        test(view.reference).setValue("SJ-" + System.nanoTime());
        test(view.receive).click();
        StockSummary receiver = summary(view, other);

        test(view.quantity).setValue(4);
        test(view.reference).setValue("untuk lonjakan perekaman");
        test(view.transferTo).selectItem(receiver.servicePointName());
        test(view.transfer).click();

        assertThat(test(view.history).getCellText(0, 4)).isEqualTo(receiver.servicePointName()).doesNotContain(other);
    }

    @Test
    @WithUserDetails("perencana")
    void a_delivery_without_its_reference_is_refused_and_the_balance_stays() {
        BlankoView view = navigate(BlankoView.class);
        select(view, point);
        int before = stock.balance(point);

        test(view.quantity).setValue(10);
        test(view.receive).click();

        assertThat(view.reference.isInvalid()).as("told at the field").isTrue();
        assertThat(view.reference.getErrorMessage()).contains("Nomor referensi pengiriman wajib diisi");
        assertThat(view.quantity.getValue()).as("what was typed is kept").isEqualTo(10);
        assertThat(stock.balance(point)).isEqualTo(before);
        assertThat(summary(view, point).balance()).isEqualTo(before);
    }

    @Test
    @WithUserDetails("perencana")
    void a_delivery_without_a_quantity_is_refused_at_the_field_before_anything_is_asked_of_the_stock() {
        BlankoView view = navigate(BlankoView.class);
        select(view, point);
        int before = stock.balance(point);

        test(view.reference).setValue("SJ-" + System.nanoTime());
        test(view.receive).click();
        assertThat(view.quantity.isInvalid()).isTrue();

        view.quantity.setValue(StockMovement.QUANTITY_MAX + 1); // past the field's own bound, as a pasted value is
        test(view.receive).click();
        assertThat(view.quantity.isInvalid()).isTrue();
        assertThat(view.quantity.getErrorMessage()).isEqualTo("Isi bilangan bulat dari 1 sampai 100.000.");
        assertThat(view.reference.getValue()).as("what was typed is kept").startsWith("SJ-");
        assertThat(stock.balance(point)).isEqualTo(before);
    }

    @Test
    @WithUserDetails("manajer")
    void a_manager_corrects_the_balance_to_the_counted_stock_with_the_reason() {
        BlankoView view = navigate(BlankoView.class);
        select(view, point);
        int before = stock.balance(point);
        int counted = before + 3;

        test(view.counted).setValue(counted);
        test(view.reason).setValue("Stok opname akhir bulan: 3 keping belum tercatat");
        test(view.correct).click();

        assertThat(summary(view, point).balance()).isEqualTo(counted);
        var history = test(view.history);
        assertThat(history.getCellText(0, 1)).isEqualTo("Koreksi stok opname");
        assertThat(history.getCellText(0, 2)).isEqualTo("3");
        assertThat(history.getCellText(0, 5)).contains("belum tercatat");

        test(view.counted).setValue(counted);
        test(view.reason).setValue("Hitung ulang");
        test(view.correct).click();
        assertThat(view.counted.getErrorMessage()).as("told at the count").contains("sama dengan saldo");
    }

    @Test
    @WithUserDetails("cetak")
    void a_print_operator_sees_the_stock_but_cannot_receive_transfer_or_correct() {
        BlankoView view = navigate(BlankoView.class);

        assertThat(view.points.getListDataView().getItems().map(StockSummary::servicePoint)).contains(point, other);
        assertThat(view.receive.getParent().orElseThrow().isVisible()).isFalse();
        assertThat(view.transfer.getParent().orElseThrow().isVisible()).isFalse();
        assertThat(view.correct.getParent().orElseThrow().isVisible()).isFalse();
    }

    private void select(BlankoView view, String point) {
        view.points.select(summary(view, point));
    }

    private static StockSummary summary(BlankoView view, String point) {
        return view.points.getListDataView().getItems().filter(summary -> summary.servicePoint().equals(point))
                .findFirst().orElseThrow();
    }
}
