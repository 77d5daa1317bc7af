package id.dukcapil.portal.reports.ui;

import id.dukcapil.portal.reports.ReportFigure;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.Base64;
import java.util.List;
import java.text.SimpleDateFormat;
import java.util.Locale;
import java.util.function.Function;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.batik.svggen.SVGGraphics2D;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.w3c.dom.Document;
import org.jspecify.annotations.Nullable;

/**
 * The dashboard's charts, drawn on the server with JFreeChart onto Batik's SVG canvas (decision 091): no
 * JavaScript chart component and no Node build. Each chart becomes an SVG image in the page.
 */
final class ReportCharts {

    static final int WIDTH = 560;
    static final int HEIGHT = 320;
    private static final Color BLUE = new Color(0x1676f3);
    private static final Color ORANGE = new Color(0xe8730c);
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    /** The SVG text and the chart's title (the image's alternative text). */
    record Chart(String title, String svg) {
        String dataUri() {
            return "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
        }
    }

    private final Function<String, String> text;
    private final Locale locale;

    ReportCharts(Function<String, String> text, Locale locale) {
        this.text = text;
        this.locale = locale;
    }

    /** Share within standard per day, 0–100 %. */
    Chart shareOverTime(List<ReportFigure> perDay) {
        TimeSeries share = new TimeSeries(text.apply("reports.column.within"));
        for (ReportFigure day : perDay) {
            share.add(new Day(day.period().getDayOfMonth(), day.period().getMonthValue(), day.period().getYear()),
                    day.share() * 100);
        }
        String title = text.apply("reports.chart.share-per-day");
        JFreeChart chart = ChartFactory.createTimeSeriesChart(title, null, "%", new TimeSeriesCollection(share),
                false, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.getRangeAxis().setRange(0, 100);
        // The days in the reader's language ("5 Okt"), not the server's ("5-Oct").
        ((DateAxis) plot.getDomainAxis()).setDateFormatOverride(new SimpleDateFormat("d MMM", locale));
        plot.getRenderer().setSeriesPaint(0, BLUE);
        plot.getRenderer().setSeriesStroke(0, new BasicStroke(2f));
        return render(style(chart), title);
    }

    /** Median and 90th percentile per step, in minutes: where a step's durations lie. */
    Chart durationPerStep(List<ReportFigure> perStep) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String median = text.apply("reports.column.median");
        String p90 = text.apply("reports.column.p90");
        perStep.stream().sorted(java.util.Comparator.comparing(f -> f.step().ordinal())).forEach(figure -> {
            String step = stepCode(figure.step());
            data.addValue(figure.median().toMillis() / 60_000d, median, step);
            data.addValue(figure.percentile90().toMillis() / 60_000d, p90, step);
        });
        String title = text.apply("reports.chart.duration-per-step");
        JFreeChart chart = ChartFactory.createBarChart(title, null, text.apply("reports.chart.minutes"), data,
                PlotOrientation.VERTICAL, true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        bars(plot, BLUE, ORANGE);
        return render(style(chart), title);
    }

    /** A step as the duration chart's axis names it, "B7": short enough for the axis; the view gives the key. */
    static String stepCode(id.dukcapil.portal.sla.SopStep step) {
        return step.procedure().name().charAt(0) + step.sopRows();
    }

    /** Steps per service point. */
    Chart loadPerPoint(List<ReportFigure> perPoint, Function<@Nullable String, String> pointName) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String count = text.apply("reports.column.count");
        for (ReportFigure point : perPoint) {
            data.addValue(point.count(), count, pointName.apply(point.servicePoint())); // names, not codes
        }
        String title = text.apply("reports.chart.load-per-point");
        JFreeChart chart = ChartFactory.createBarChart(title, null, count, data, PlotOrientation.HORIZONTAL,
                false, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        ((NumberAxis) plot.getRangeAxis()).setNumberFormatOverride(NumberFormat.getIntegerInstance(locale));
        // A point's whole name: up to two fifths of the width and two lines, where the default cut three of them to
        // the same "UKL Kecamat…" (issue 54 item 12).
        plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(0.4f);
        plot.getDomainAxis().setMaximumCategoryLabelLines(2);
        bars(plot, BLUE);
        return render(style(chart), title);
    }

    private static void bars(CategoryPlot plot, Color... colours) {
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        for (int i = 0; i < colours.length; i++) {
            renderer.setSeriesPaint(i, colours[i]);
        }
    }

    private static JFreeChart style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(FONT.deriveFont(Font.BOLD, 13f));
        chart.getPlot().setBackgroundPaint(new Color(0xf5f7fa));
        return chart;
    }

    private static Chart render(JFreeChart chart, String title) {
        try {
            Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().getDOMImplementation()
                    .createDocument("http://www.w3.org/2000/svg", "svg", null);
            SVGGraphics2D svg = new SVGGraphics2D(document);
            svg.setSVGCanvasSize(new Dimension(WIDTH, HEIGHT));
            chart.draw(svg, new Rectangle2D.Double(0, 0, WIDTH, HEIGHT));
            StringWriter out = new StringWriter();
            svg.stream(out, true);
            return new Chart(title, out.toString());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
