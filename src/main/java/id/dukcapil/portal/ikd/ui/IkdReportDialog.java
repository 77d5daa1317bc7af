package id.dukcapil.portal.ikd.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import id.dukcapil.portal.ikd.IkdDayReports;
import id.dukcapil.portal.shared.report.TableReport;
import id.dukcapil.portal.shared.report.TableReportFiles;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.ui.BeanRule;
import id.dukcapil.portal.shared.ui.BoundForms;
import id.dukcapil.portal.shared.ui.Notifications;
import id.dukcapil.portal.shared.ui.VaadinTexts;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Optional;

/**
 * The officer's daily IKD report of their point: any past day, as PDF or Excel, and the submission (again until it
 * is signed), with where the submitted report stands. The day is bound to a {@link ReportDayForm}: none, or one after
 * today, is said at the date and submits nothing; a refusal (signed meanwhile) is said there too, the day kept.
 */
class IkdReportDialog extends Dialog {

    final DatePicker day = VaadinTexts.localized(new DatePicker());
    final Button submit;
    final Paragraph state = new Paragraph();
    private final Binder<ReportDayForm> binder = new Binder<>(ReportDayForm.class);
    private final IkdDayReports reports;
    private final Clock clock;

    IkdReportDialog(IkdDayReports reports, TableReportFiles files, Clock clock) {
        this.reports = reports;
        this.clock = clock;
        setHeaderTitle(getTranslation("ikd.report.title"));
        day.setLabel(getTranslation("ikd.report.day"));
        day.setValue(LocalDate.now(clock));
        day.setMax(LocalDate.now(clock));
        day.setLocale(getLocale());
        binder.forField(day).withValidator(BeanRule.of(ReportDayForm.class, "day")).bind("day");
        binder.readBean(new ReportDayForm(LocalDate.now(clock)));
        day.addValueChangeListener(change -> showState());
        Anchor pdf = new Anchor(DownloadHandler.fromInputStream(event -> {
            TableReport report = report("ikd/laporan-pdf");
            byte[] bytes = files.pdf(report, getLocale());
            return new DownloadResponse(new ByteArrayInputStream(bytes), report.fileName() + ".pdf",
                    "application/pdf", bytes.length);
        }), getTranslation("ikd.report.pdf"));
        pdf.setId("ikd-report-pdf");
        Anchor xlsx = new Anchor(DownloadHandler.fromInputStream(event -> {
            TableReport report = report("ikd/laporan-xlsx");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            files.xlsx(report, out);
            return new DownloadResponse(new ByteArrayInputStream(out.toByteArray()),
                    report.fileName() + ".xlsx", TableReportFiles.XLSX, out.size());
        }), getTranslation("ikd.report.xlsx"));
        xlsx.setId("ikd-report-xlsx");
        submit = new Button(getTranslation("ikd.report.submit"), click -> {
            Optional<ReportDayForm> written = BoundForms.record(binder);
            if (written.isEmpty()) {
                return; // the date says what is wrong
            }
            try {
                LocalDate chosen = written.get().day();
                reports.submit(chosen);
                Notifications.success(getTranslation("ikd.report.done", chosen));
            } catch (RuleViolation violation) {
                day.setErrorMessage(Notifications.text(violation));
                day.setInvalid(true);
            }
            showState();
        });
        submit.setId("ikd-report-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        state.setId("ikd-report-state");
        add(day, new HorizontalLayout(pdf, xlsx), state);
        getFooter().add(new Button(getTranslation("ikd.report.close"), click -> close()), submit);
        showState();
    }

    private LocalDate chosenDay() {
        return day.getValue() == null ? LocalDate.now(clock) : day.getValue();
    }

    private TableReport report(String download) {
        return reports.mine(chosenDay(), getLocale(), download);
    }

    private void showState() {
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale()).withZone(clock.getZone());
        state.setText(reports.submission(chosenDay()).map(submission -> getTranslation(
                "ikd.report.state." + submission.state(), submission.officerName(),
                time.format(submission.submittedAt()), submission.returnedReason()))
                .orElse(getTranslation("ikd.report.state.none")));
    }
}
