package id.dukcapil.portal.reports.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import id.dukcapil.portal.reports.ReportFilter;
import id.dukcapil.portal.reports.ReportWorkbook;
import id.dukcapil.portal.shared.ui.Downloads;
import id.dukcapil.portal.shared.ui.Notifications;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;

/**
 * The Excel button of the reports screen: makes the period's workbook in the background, into a temporary file, while
 * a progress bar moves (a year of steps takes a while), then saves it with one click and leaves a link to save it
 * again. The three parts sit in the screen's filter bar.
 */
final class WorkbookExport {

    final Button export = new Button();
    final ProgressBar progress = new ProgressBar(0, 1);
    final Div download = new Div();

    private final ReportWorkbook workbook;
    private final Executor executor;
    private final Supplier<@Nullable ReportFilter> filter;
    private final Supplier<Locale> locale;
    private final FigureTexts texts;

    /** @param filter the screen's filter, null while it is incomplete */
    WorkbookExport(ReportWorkbook workbook, Executor executor, Supplier<@Nullable ReportFilter> filter,
                   Supplier<Locale> locale, FigureTexts texts) {
        this.workbook = workbook;
        this.executor = executor;
        this.filter = filter;
        this.locale = locale;
        this.texts = texts;
        export.setId("reports-export");
        export.setText(export.getTranslation("reports.export"));
        export.setIcon(VaadinIcon.DOWNLOAD.create());
        export.addClickListener(click -> start());
        progress.setId("reports-progress");
        progress.setVisible(false);
        progress.setWidth("12em");
        download.setId("reports-download");
    }

    Component[] parts() {
        return new Component[] {export, progress, download};
    }

    /** Makes the workbook in the background, into a temporary file, while the progress bar moves. */
    void start() {
        ReportFilter chosen = filter.get();
        if (chosen == null) {
            return;
        }
        UI ui = UI.getCurrent();
        Locale language = locale.get();
        export.setEnabled(false);
        progress.setValue(0);
        progress.setVisible(true);
        download.removeAll();
        ui.setPollInterval(500);
        // The workbook is made in the manager's name on the executor's thread: Spring Security carries the context over.
        executor.execute(new DelegatingSecurityContextRunnable(() -> {
            try {
                Path file = Files.createTempFile("laporan-", ".xlsx");
                file.toFile().deleteOnExit();
                long steps;
                try (OutputStream out = Files.newOutputStream(file)) {
                    steps = workbook.write(chosen, language, out, done -> ui.access(() -> progress.setValue(done)));
                }
                ui.access(() -> ready(chosen, file, steps));
            } catch (IOException | RuntimeException e) {
                ui.access(() -> {
                    done();
                    Notifications.error(export.getTranslation("reports.export.failed"));
                });
            }
        }));
    }

    private void ready(ReportFilter chosen, Path file, long steps) {
        done();
        String name = workbook.fileName(chosen);
        DownloadHandler handler = DownloadHandler.fromInputStream(event -> {
            try {
                return new DownloadResponse(Files.newInputStream(file), name, ReportWorkbook.CONTENT_TYPE,
                        Files.size(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, Downloads.safe(name));
        Anchor link = new Anchor(handler, export.getTranslation("reports.export.download", name));
        link.getElement().setAttribute("download", true);
        link.setId("reports-download-link");
        download.add(link);
        // One click: the Excel button's click saves the workbook once it is made; the link stays to save it again.
        link.getElement().executeJs("this.click()");
        Notifications.success(export.getTranslation("reports.export.ready", texts.number(steps)));
    }

    private void done() {
        progress.setVisible(false);
        export.setEnabled(true);
        export.getUI().ifPresent(ui -> ui.setPollInterval(-1));
    }
}
