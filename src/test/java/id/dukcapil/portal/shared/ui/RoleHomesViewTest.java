package id.dukcapil.portal.shared.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Span;
import id.dukcapil.portal.PortalViewTest;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;

/** Every role lands on its work: the print counter's day, the planner's stock (issue 18, item 11). */
class RoleHomesViewTest extends PortalViewTest {

    @org.springframework.beans.factory.annotation.Autowired id.dukcapil.portal.blanko.BlankoStock stock;

    @Test
    @WithUserDetails("cetak")
    void the_print_operator_sees_the_counters_day() {
        navigate(HomeView.class);
        assertThat($(Span.class).id("counter-booked").getText()).matches("\\d+");
        assertThat($(Span.class).id("counter-printed").getText()).matches("\\d+");
    }

    @Test
    @WithUserDetails("perencana")
    void the_planner_sees_the_stock_and_the_points_running_out() {
        navigate(HomeView.class);
        assertThat(Integer.parseInt($(Span.class).id("stock-total").getText())).as("every point's balance")
                .isEqualTo(stock.summaries().stream().mapToInt(id.dukcapil.portal.blanko.StockSummary::balance).sum());
        assertThat($(Span.class).id("stock-short").getText()).matches("\\d+");
    }
}
