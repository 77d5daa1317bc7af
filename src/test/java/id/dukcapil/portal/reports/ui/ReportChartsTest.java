package id.dukcapil.portal.reports.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.dukcapil.portal.reports.ReportFigure;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The charts name what they show so that a reader tells the bars apart (issue 54 item 12). */
class ReportChartsTest {

    @Test
    void the_load_chart_names_each_point_whole_where_their_names_begin_alike() {
        Map<String, String> names = Map.of("UKL-320401", "UKL Kecamatan Soreang",
                "UKL-320402", "UKL Kecamatan Katapang", "UKL-320403", "UKL Kecamatan Kutawaringin");
        List<ReportFigure> perPoint = names.keySet().stream().sorted()
                .map(code -> new ReportFigure(null, null, code, null, null, 10, 8, 0, Duration.ofMinutes(3),
                        Duration.ofMinutes(6)))
                .toList();
        ReportCharts charts = new ReportCharts(key -> key, Locale.of("id"));

        String svg = charts.loadPerPoint(perPoint, names::get).svg();

        assertThat(svg).contains("Soreang", "Katapang", "Kutawaringin").doesNotContain("…", "...");
    }
}
