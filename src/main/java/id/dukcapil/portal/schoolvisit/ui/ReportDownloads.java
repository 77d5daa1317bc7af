package id.dukcapil.portal.schoolvisit.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import id.dukcapil.portal.shared.report.TableReport;
import id.dukcapil.portal.shared.report.TableReportFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Locale;
import java.util.function.Function;

/**
 * The PDF and Excel links of a table report, made when clicked so that the figures are those of that moment. The
 * report is asked for by its file's name ({@code download} and {@code -pdf} or {@code -xlsx}): the service records
 * the students it names as downloaded (decision 129).
 */
final class ReportDownloads {

    private ReportDownloads() {
    }

    static Anchor pdf(Function<String, TableReport> report, TableReportFiles files,
                      String download, Locale locale, String label) {
        Anchor anchor = new Anchor(DownloadHandler.fromInputStream(event -> {
            TableReport made = report.apply(download + "-pdf");
            byte[] bytes = files.pdf(made, locale);
            return new DownloadResponse(new ByteArrayInputStream(bytes), made.fileName() + ".pdf", "application/pdf",
                    bytes.length);
        }), label);
        anchor.setTarget(AnchorTarget.BLANK);
        return anchor;
    }

    static Anchor xlsx(Function<String, TableReport> report, TableReportFiles files,
                       String download, String label) {
        return new Anchor(DownloadHandler.fromInputStream(event -> {
            TableReport made = report.apply(download + "-xlsx");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            files.xlsx(made, out);
            return new DownloadResponse(new ByteArrayInputStream(out.toByteArray()), made.fileName() + ".xlsx",
                    TableReportFiles.XLSX, out.size());
        }), label);
    }
}
