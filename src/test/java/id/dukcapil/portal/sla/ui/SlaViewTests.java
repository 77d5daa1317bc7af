package id.dukcapil.portal.sla.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.Span;
import id.dukcapil.portal.GridInput;
import id.dukcapil.portal.PortalTest;
import id.dukcapil.portal.TestClock;
import id.dukcapil.portal.TestDays;
import id.dukcapil.portal.kkprint.KkPrintTestSupport;
import id.dukcapil.portal.kkprint.OperatorInbox;
import id.dukcapil.portal.shared.ui.HomeView;
import id.dukcapil.portal.shared.ui.RowActions;
import id.dukcapil.portal.sla.CaseRef;
import id.dukcapil.portal.sla.OverdueStep;
import id.dukcapil.portal.sla.Procedure;
import id.dukcapil.portal.sla.SopStep;
import id.dukcapil.portal.sla.StepClock;
import id.dukcapil.portal.sla.StepStandard;
import id.dukcapil.portal.staff.ServicePoints;
import java.time.Duration;
import java.time.Instant;
import java.time.Month;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/** The manager opens the SLA view and finds the case that is over its standard now. */
@PortalTest
@WithUserDetails("manajer")
class SlaViewTests extends SpringBrowserlessTest {

    @Autowired StepClock stepClock;
    @Autowired TestClock clock;
    @Autowired ServicePoints servicePoints;
    @Autowired KkPrintTestSupport kk;
    @Autowired OperatorInbox operatorInbox;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void real_time_again() {
        clock.reset();
    }

    @Test
    void a_manager_sees_a_step_over_its_standard_and_the_standards_in_force() {
        Instant now = aMondayMorningOfItsOwn();
        clock.setInstant(now);
        CaseRef activation = new CaseRef(Procedure.E_IKD_ACTIVATION, "E-" + UUID.randomUUID());
        stepClock.enter(activation, SopStep.E4_SCAN_ACTIVATION_QR, now.minus(Duration.ofMinutes(12)), "ikd", "MPP-SOREANG");
        CaseRef byGateway = new CaseRef(Procedure.E_IKD_ACTIVATION, "E-" + UUID.randomUUID());
        stepClock.enter(byGateway, SopStep.E4_SCAN_ACTIVATION_QR, now.minus(Duration.ofMinutes(9)), "ikd-gateway:1",
                "MPP-SOREANG");

        // Views are Spring proxies (method security): reach their parts through the component tree.
        navigate(SlaView.class);
        ComboBox<Procedure> procedure = find(ComboBox.class).id("sla-procedure");
        test(procedure).selectItem(procedure.getItemLabelGenerator().apply(Procedure.E_IKD_ACTIVATION));
        Grid<OverdueStep> overdueGrid = find(Grid.class).id("sla-overdue");
        var overdue = test(overdueGrid);
        int row = IntStream.range(0, overdue.size())
                .filter(i -> overdue.getRow(i).step().caseRef().equals(activation)).findFirst().orElseThrow();
        assertThat(overdue.getCellText(row, 6)).isEqualTo("12 mnt / 5 mnt");
        assertThat(overdue.getCellText(row, 7)).isEqualTo("+7 mnt");
        assertThat(overdue.getCellText(row, 4)).as("the officer by name").isEqualTo("Fitri Handayani");
        String point = servicePoints.byCode("MPP-SOREANG").orElseThrow().name();
        assertThat(overdue.getCellText(row, 5)).as("the point by name").isEqualTo(point).isNotEqualTo("MPP-SOREANG");
        int gatewayRow = IntStream.range(0, overdue.size())
                .filter(i -> overdue.getRow(i).step().caseRef().equals(byGateway)).findFirst().orElseThrow();
        assertThat(overdue.getCellText(gatewayRow, 4)).isEqualTo("Gateway IKD");

        Grid<StepStandard> standardsGrid = find(Grid.class).id("sla-standards");
        var standards = test(standardsGrid);
        assertThat(standards.size()).isEqualTo(SopStep.values().length + Procedure.values().length);
        assertThat(standardsGrid.getColumnByKey(RowActions.KEY)).as("only ADMIN changes standards").isNull();
        int seeded = IntStream.range(0, standards.size())
                .filter(i -> standards.getRow(i).changedBy().equals(SlaWords.SEEDED_FROM_SOP)).findFirst().orElseThrow();
        assertThat(standards.getCellText(seeded, 3)).as("no year-2000 date").isEqualTo("Sejak SOP berlaku");
        assertThat(standards.getCellText(seeded, 4)).as("no planning file's name").isEqualTo("Ditetapkan SOP");

        navigate(HomeView.class);
        assertThat(Integer.parseInt(find(Span.class).id("sla-overdue-count").getText().replace("+", ""))).isPositive();
    }

    @Test
    void a_claimed_kk_request_over_its_standard_names_the_operator_who_holds_it() {
        String tracking = kk.submitted();
        long id = kk.idOf(tracking);
        kk.asStaff("operator", () -> {
            operatorInbox.claim(id);
            return null;
        });
        clock.setInstant(Instant.now().plus(Duration.ofHours(1)));

        navigate(SlaView.class);
        ComboBox<Procedure> procedure = find(ComboBox.class).id("sla-procedure");
        test(procedure).selectItem(procedure.getItemLabelGenerator().apply(Procedure.B_KK_PRINT));
        Grid<OverdueStep> overdueGrid = find(Grid.class).id("sla-overdue");
        var overdue = test(overdueGrid);
        int row = IntStream.range(0, overdue.size())
                .filter(i -> overdue.getRow(i).step().caseRef().caseId().equals(tracking)).findFirst().orElseThrow();
        String operator = jdbc.queryForObject("SELECT full_name FROM staff_account WHERE username = 'operator'",
                String.class);
        assertThat(overdue.getCellText(row, 4)).as("who holds the step, not the IKD app that started it")
                .isEqualTo(operator);

        kk.asStaff("operator", () -> {
            operatorInbox.release(id);
            return null;
        });
        overdueGrid.getDataProvider().refreshAll();
        int again = IntStream.range(0, overdue.size())
                .filter(i -> overdue.getRow(i).step().caseRef().caseId().equals(tracking)).findFirst().orElseThrow();
        assertThat(overdue.getCellText(again, 4)).as("given back: nobody holds it").isEqualTo("Gateway IKD");
    }

    @Test
    void the_overdue_list_sorts_by_time_over_and_time_in_step_in_the_database() {
        Instant now = aMondayMorningOfItsOwn();
        clock.setInstant(now);
        for (int minutes : new int[] {30, 8, 15}) {
            stepClock.enter(new CaseRef(Procedure.E_IKD_ACTIVATION, "E-" + UUID.randomUUID()),
                    SopStep.E4_SCAN_ACTIVATION_QR, now.minus(Duration.ofMinutes(minutes)), "ikd", "MPP-SOREANG");
        }
        navigate(SlaView.class);
        ComboBox<Procedure> procedure = find(ComboBox.class).id("sla-procedure");
        test(procedure).selectItem(procedure.getItemLabelGenerator().apply(Procedure.E_IKD_ACTIVATION));
        Grid<OverdueStep> overdueGrid = find(Grid.class).id("sla-overdue");
        var overdue = test(overdueGrid);
        assertThat(column(overdue, OverdueStep::over)).as("longest over first, on its own")
                .hasSizeGreaterThanOrEqualTo(3).isSortedAccordingTo(Comparator.reverseOrder());

        overdueGrid.sort(GridSortOrder.asc(overdueGrid.getColumns().get(7)).build());
        assertThat(column(overdue, OverdueStep::over)).as("over, least first").isSorted();
        overdueGrid.sort(GridSortOrder.desc(overdueGrid.getColumns().get(6)).build());
        assertThat(column(overdue, OverdueStep::elapsed)).as("longest in step first")
                .isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(overdueGrid.getColumns().get(4).isSortable()).as("an officer's name is not what is stored")
                .isFalse();
    }

    /** 10:00 on the first Monday of an August a year ahead, a month no other class's steps are in. */
    private Instant aMondayMorningOfItsOwn() {
        return TestDays.at(TestDays.firstMonday(TestDays.monthOfItsOwn(clock, 1, Month.AUGUST)), "10:00");
    }

    private static java.util.List<Duration> column(com.vaadin.flow.component.grid.GridTester<?, OverdueStep> grid,
                                                   java.util.function.Function<OverdueStep, Duration> value) {
        return IntStream.range(0, grid.size()).mapToObj(row -> value.apply(grid.getRow(row))).toList();
    }

    @Test
    @WithUserDetails("admin")
    void an_admin_changes_a_standard_from_its_row() {
        navigate(SlaView.class);
        Grid<StepStandard> standards = find(Grid.class).id("sla-standards");
        StepStandard first = test(standards).getRow(0);

        GridInput.clickAction(standards, 0, "standard-change-");

        StandardEditor editor = find(StandardEditor.class).single();
        assertThat(editor.minutes.getValue()).as("the row's own standard").isEqualTo((int) first.standard().toMinutes());
    }

    @Test
    @WithUserDetails("admin")
    void a_standard_left_empty_is_told_at_its_field_and_not_saved() {
        navigate(SlaView.class);
        Grid<StepStandard> standards = find(Grid.class).id("sla-standards");
        GridInput.clickAction(standards, 0, "standard-change-");
        StandardEditor editor = find(StandardEditor.class).single();

        editor.minutes.clear();
        test(editor.save).click();

        assertThat(editor.minutes.isInvalid()).isTrue();
        assertThat(editor.minutes.getErrorMessage()).isEqualTo("Wajib diisi");
        assertThat(editor.isOpened()).as("the form kept, nothing saved").isTrue();
    }
}
