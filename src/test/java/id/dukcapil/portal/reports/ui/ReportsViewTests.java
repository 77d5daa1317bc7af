package id.dukcapil.portal.reports.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.browserless.internal.MockVaadin;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.tabs.TabSheet;
import id.dukcapil.portal.PortalViewTest;
import id.dukcapil.portal.reports.DailyRollups;
import id.dukcapil.portal.reports.ReportFigure;
import id.dukcapil.portal.sla.CaseRef;
import id.dukcapil.portal.sla.EndedStep;
import id.dukcapil.portal.sla.FinishedStep;
import id.dukcapil.portal.sla.Procedure;
import id.dukcapil.portal.sla.SopStep;
import id.dukcapil.portal.sla.StepClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/** The manager filters the dashboard by period, procedure and service point and opens the cases behind a figure. */
@WithUserDetails("manajer")
class ReportsViewTests extends PortalViewTest {

    private static final YearMonth MONTH = YearMonth.of(2035, 7);

    @Autowired StepClock stepClock;
    @Autowired DailyRollups rollups;
    @Autowired id.dukcapil.portal.staff.ServicePoints servicePoints;
    private String mpp;

    @org.junit.jupiter.api.BeforeEach
    void the_points_name() {
        mpp = servicePoints.nameOf("MPP-SOREANG");
    }

    @Test
    void a_manager_narrows_the_figures_opens_the_cases_behind_one_and_downloads_the_workbook() throws Exception {
        // SOP B verification at two points: at the MPP 6 steps, 2 of them over the 5-minute standard.
        record("MPP-SOREANG", 2, 3, 4, 4, 7, 9); // a real point: its name on screen, not its code
        record("RPT-V-UKL", 1, 2);
        rollups.refresh();

        navigate(ReportsView.class);
        find(DatePicker.class).id("reports-from").setValue(MONTH.atDay(1));
        find(DatePicker.class).id("reports-to").setValue(MONTH.atEndOfMonth());
        test(find(Button.class).id("reports-show")).click();
        assertThat(find(Span.class).id("reports-total").getText()).startsWith("8 langkah selesai");

        Grid<ReportFigure> perStep = find(Grid.class).id("reports-per-step");
        assertThat(test(perStep).size()).isEqualTo(1);
        assertThat(test(perStep).getCellText(0, 2)).isEqualTo("8");
        assertThat(test(perStep).getCellText(0, 3)).as("median of 1,2,2,3,4,4,7,9 min").isEqualTo("3:30");

        ComboBox<String> point = find(ComboBox.class).id("reports-service-point");
        assertThat(point.getListDataView().getItems().toList()).contains("MPP-SOREANG");
        test(point).selectItem(mpp);
        assertThat(test(perStep).getCellText(0, 2)).isEqualTo("6");
        assertThat(test(perStep).getCellText(0, 5)).isEqualTo("66,7%");
        assertThat(test(perStep).getCellText(0, 6)).isEqualTo("2");
        test(find(TabSheet.class).id("reports-breakdowns")).select("Per tempat layanan");
        Grid<ReportFigure> perPoint = find(Grid.class).id("reports-per-service-point");
        assertThat(test(perPoint).size()).isEqualTo(1);
        assertThat(test(perPoint).getCellText(0, 0)).isEqualTo(mpp);
        test(find(TabSheet.class).id("reports-breakdowns")).select("Per langkah");

        ComboBox<Procedure> procedure = find(ComboBox.class).id("reports-procedure");
        test(procedure).selectItem(procedure.getItemLabelGenerator().apply(Procedure.A_BOOKING));
        assertThat(test(perStep).size()).isZero();
        assertThat(find(Span.class).id("reports-total").getText()).isEqualTo("Tidak ada langkah selesai pada periode ini.");
        test(procedure).selectItem(procedure.getItemLabelGenerator().apply(Procedure.B_KK_PRINT));

        // The figure's cases: the six at the MPP, longest first; then only the two over the standard.
        test(perStep).clickRow(0);
        Grid<EndedStep> cases = find(Grid.class).id("reports-cases-grid");
        assertThat(test(cases).size()).isEqualTo(6);
        assertThat(IntStream.range(0, 6).mapToObj(i -> test(cases).getRow(i).durationMs() / 60_000).toList())
                .containsExactly(9L, 7L, 4L, 4L, 3L, 2L);
        assertThat(test(cases).getRow(0).servicePoint()).isEqualTo("MPP-SOREANG");
        assertThat(test(cases).getCellText(0, 3)).isEqualTo(mpp);
        // Sorted in the database (decision 194): the shortest first, then by the hour each began.
        cases.sort(GridSortOrder.asc(cases.getColumns().get(5)).build());
        assertThat(IntStream.range(0, 6).mapToObj(i -> test(cases).getRow(i).durationMs() / 60_000).toList())
                .containsExactly(2L, 3L, 4L, 4L, 7L, 9L);
        cases.sort(GridSortOrder.asc(cases.getColumns().get(2)).build());
        assertThat(IntStream.range(0, 6).mapToObj(i -> test(cases).getRow(i).startedAt()).toList()).isSorted();
        assertThat(cases.getColumns().get(1).isSortable()).as("a step is words, not an order").isFalse();
        cases.sort(java.util.List.of());
        test(find(Checkbox.class).id("reports-cases-over-only")).click();
        assertThat(test(cases).size()).isEqualTo(2);

        assertThat(find(Image.class).all()).extracting(image -> image.getSrc().substring(0, 26))
                .contains("data:image/svg+xml;base64,");
        assertThat(find(Image.class).id("reports-chart-load").getAlt()).hasValue("Jumlah langkah per tempat layanan");
        // The duration chart's axis codes ("B7") have their key in words (issue 36, item 4).
        assertThat(find(Paragraph.class).id("reports-chart-key").getText()).startsWith("Langkah pada grafik durasi: B7 = ")
                .doesNotContain("_");

        // The workbook of what is on screen, made in the background: the progress bar, then the download.
        test(find(Button.class).id("reports-export")).click();
        assertThat(find(ProgressBar.class).id("reports-progress").isVisible()).isTrue();
        Div download = find(Div.class).id("reports-download");
        for (int i = 0; i < 600 && download.getChildren().findAny().isEmpty(); i++) {
            Thread.sleep(100);
            MockVaadin.runUIQueue();
        }
        Anchor link = (Anchor) download.getChildren().findFirst().orElseThrow();
        assertThat(link.getText()).isEqualTo("Unduh laporan-kinerja-2035-07-01_2035-07-31.xlsx");
        // One click (issue 36, item 10): the link is clicked for the manager as soon as the workbook is made, and its
        // address carries the name.
        assertThat(link.getHref()).endsWith("/laporan-kinerja-2035-07-01_2035-07-31.xlsx");
        MockVaadin.clientRoundtrip(); // an element's script runs with the response
        assertThat(UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations())
                .extracting(call -> call.getInvocation().getExpression())
                .anySatisfy(expression -> assertThat(expression).contains("click()"));
        assertThat(lastNotification()).isEqualTo("Buku kerja siap: 6 langkah.");
        assertThat(find(ProgressBar.class).all()).as("the progress bar hidden again").isEmpty();
        assertThat(find(Button.class).id("reports-export").isEnabled()).isTrue();
    }

    @Test
    void a_period_that_ends_before_it_starts_is_refused_with_a_message() {
        navigate(ReportsView.class);
        find(DatePicker.class).id("reports-from").setValue(MONTH.atDay(10));
        find(DatePicker.class).id("reports-to").setValue(MONTH.atDay(1));
        test(find(Button.class).id("reports-show")).click();
        assertThat(lastNotification()).isEqualTo("Tanggal akhir periode sebelum tanggal awalnya.");
    }

    /**
     * Issue 54 item 8: every column of a breakdown sorts by what it shows, and officers are listed as they are read
     * ("petugas2" before "petugas10"), not as text.
     */
    @Test
    void a_manager_sorts_the_officers_by_their_share_within_standard_and_reads_them_in_order() {
        // A month of its own: the steps of a month are every report's of that month (the monthly mail's is 2035-08).
        YearMonth month = YearMonth.of(2041, 2);
        record(month, "RPT-V-UKL", "rpt-petugas10", 9, 9, 9);
        record(month, "RPT-V-UKL", "rpt-petugas2", 1, 7);
        record(month, "RPT-V-UKL", "rpt-petugas1", 2);
        rollups.refresh();

        navigate(ReportsView.class);
        find(DatePicker.class).id("reports-from").setValue(month.atDay(1));
        find(DatePicker.class).id("reports-to").setValue(month.atEndOfMonth());
        test(find(Button.class).id("reports-show")).click();
        test(find(TabSheet.class).id("reports-breakdowns")).select("Per petugas");
        Grid<ReportFigure> perOfficer = find(Grid.class).id("reports-per-officer");
        assertThat(perOfficer.getColumns()).as("every column sorts").allMatch(Grid.Column::isSortable);
        assertThat(officers(perOfficer)).containsExactly("rpt-petugas1", "rpt-petugas2", "rpt-petugas10");

        Grid.Column<ReportFigure> within = perOfficer.getColumns().get(4);
        assertThat(within.getHeaderText()).isEqualTo("Dalam waktu baku");
        perOfficer.sort(GridSortOrder.desc(within).build());
        assertThat(officers(perOfficer)).as("100 %, 50 %, 0 %").containsExactly("rpt-petugas1", "rpt-petugas2",
                "rpt-petugas10");
        perOfficer.sort(GridSortOrder.asc(within).build());
        assertThat(officers(perOfficer)).containsExactly("rpt-petugas10", "rpt-petugas2", "rpt-petugas1");
        perOfficer.sort(GridSortOrder.desc(perOfficer.getColumns().getFirst()).build());
        assertThat(officers(perOfficer)).containsExactly("rpt-petugas10", "rpt-petugas2", "rpt-petugas1");
    }

    private List<String> officers(Grid<ReportFigure> grid) {
        return IntStream.range(0, test(grid).size()).mapToObj(i -> test(grid).getRow(i).officer()).toList();
    }

    private void record(String point, int... minutes) {
        record(MONTH, point, "verifikator", minutes);
    }

    private void record(YearMonth month, String point, String officer, int... minutes) {
        List<FinishedStep> steps = new ArrayList<>();
        ZoneId office = ZoneId.of("Asia/Jakarta");
        for (int i = 0; i < minutes.length; i++) {
            Instant start = LocalDate.from(month.atDay(3)).atTime(9, i).atZone(office).toInstant();
            steps.add(new FinishedStep(new CaseRef(Procedure.B_KK_PRINT, "RPT-V-" + point + "-" + i + "-" + System.nanoTime()),
                    SopStep.B7_VERIFICATION, start, start.plus(Duration.ofMinutes(minutes[i])), officer, point));
        }
        stepClock.recordFinished(steps);
    }
}
