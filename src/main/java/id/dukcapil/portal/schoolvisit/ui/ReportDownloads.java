package id.dukcapil.portal.schoolvisit.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import id.dukcapil.portal.audit.PersonalData;
import id.dukcapil.portal.audit.PersonalDataViews;
import id.dukcapil.portal.shared.report.TableReport;
import id.dukcapil.portal.shared.report.TableReportFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The PDF and Excel links of a table report, made when clicked so that the figures are those of that moment. The
 * students a report names are recorded as downloaded before the file goes (decision 129).
 */
final class ReportDownloads {

    private ReportDownloads() {
    }

    static Anchor pdf(Supplier<TableReport> report, TableReportFiles files, PersonalDataViews personalData,
                      String download, Locale locale, String label) {
        Anchor anchor = new Anchor(DownloadHandler.fromInputStream(event -> {
            TableReport made = made(report, personalData, download + "-pdf");
            byte[] bytes = files.pdf(made, locale);
            return new DownloadResponse(new ByteArrayInputStream(bytes), made.fileName() + ".pdf", "application/pdf",
                    bytes.length);
        }), label);
        anchor.setTarget(AnchorTarget.BLANK);
        return anchor;
    }

    static Anchor xlsx(Supplier<TableReport> report, TableReportFiles files, PersonalDataViews personalData,
                       String download, String label) {
        return new Anchor(DownloadHandler.fromInputStream(event -> {
            TableReport made = made(report, personalData, download + "-xlsx");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            files.xlsx(made, out);
            return new DownloadResponse(new ByteArrayInputStream(out.toByteArray()), made.fileName() + ".xlsx",
                    TableReportFiles.XLSX, out.size());
        }), label);
    }

    private static TableReport made(Supplier<TableReport> report, PersonalDataViews personalData, String download) {
        TableReport made = report.get();
        personalData.downloaded(download, made.people().stream().map(PersonalData::nik).toList());
        return made;
    }
}
