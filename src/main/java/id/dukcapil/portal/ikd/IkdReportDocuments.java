package id.dukcapil.portal.ikd;

import id.dukcapil.portal.audit.PersonalData;
import id.dukcapil.portal.audit.PersonalDataViews;
import id.dukcapil.portal.ikd.internal.DayReportStore;
import id.dukcapil.portal.reports.DailySummarySource;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.i18n.PortalMessages;
import id.dukcapil.portal.shared.report.TableReport;
import id.dukcapil.portal.shared.report.TableReportFiles;
import id.dukcapil.portal.signing.DocumentReturned;
import id.dukcapil.portal.signing.DocumentSigned;
import id.dukcapil.portal.signing.QueuedDocument;
import id.dukcapil.portal.signing.SignableDocuments;
import id.dukcapil.portal.signing.SignatureBlock;
import id.dukcapil.portal.sla.Procedure;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The daily IKD report as other modules take it: the manager's daily summary of any point (reports), and the
 * document the Kepala Dinas signs (signing), rendered again at signing and sent back to the point if its figures
 * are no longer those the officer submitted (decision 085).
 */
@Component
class IkdReportDocuments implements SignableDocuments, DailySummarySource {

    private final DayReportStore store;
    private final IkdDayReports reports;
    private final TableReportFiles files;
    private final MessageSource messages;
    private final PersonalDataViews personalData;

    IkdReportDocuments(DayReportStore store, IkdDayReports reports, TableReportFiles files, MessageSource messages,
                       PersonalDataViews personalData) {
        this.store = store;
        this.personalData = personalData;
        this.reports = reports;
        this.files = files;
        this.messages = messages;
    }

    @Override
    public String sourceType() {
        return IkdDayReports.SOURCE_TYPE;
    }

    @Override
    public Rendering render(String sourceId, SignatureBlock block) {
        DayReportStore.Submitted submitted = store.find(Long.parseLong(sourceId))
                .orElseThrow(() -> new RuleViolation("ikd.report.not-found", sourceId));
        TableReport now = reports.make(submitted.servicePoint(), submitted.day(), PortalMessages.INDONESIAN);
        if (!now.figures().equals(submitted.figures())) {
            return new Rendering.SendBack(messages.getMessage("ikd.report.changed", null, PortalMessages.INDONESIAN));
        }
        String words = messages.getMessage("ikd.report.signature", new Object[] {block.documentNumber(),
                block.signerPosition(), block.signerName(), block.verificationUrl()}, PortalMessages.INDONESIAN);
        return new Rendering.Pdf(files.pdf(now, PortalMessages.INDONESIAN,
                new TableReportFiles.Signature(words, block.verificationUrl())));
    }

    /** The report as the signing queue names it: its service point and its day (the subject ends with the day). */
    @Override
    public Heading heading(QueuedDocument report, Locale locale) {
        LocalDate day = LocalDate.parse(report.subject().substring(report.subject().lastIndexOf(' ') + 1));
        return new Heading(messages.getMessage("signing.verify.kind." + IkdDayReports.KIND, null, locale),
                report.holderName(), messages.getMessage("ikd.signing.about",
                        new Object[] {PortalMessages.DATE.format(day)}, locale));
    }

    @Override
    public Procedure procedure() {
        return Procedure.E_IKD_ACTIVATION;
    }

    /** The day's summary opened from the reports: its register's residents recorded as downloaded (decision 129). */
    @Override
    public byte[] pdf(String servicePoint, LocalDate day, Locale locale) {
        TableReport report = reports.make(servicePoint, day, locale);
        personalData.downloaded("reports/ikd-pdf", report.people().stream().map(PersonalData::nik).toList());
        return files.pdf(report, locale);
    }

    // Conditions: a publication only for this module's reports, not for every signed document (issue 56).
    @ApplicationModuleListener(condition = "#signed.sourceType() == '" + IkdDayReports.SOURCE_TYPE + "'")
    void on(DocumentSigned signed) {
        store.signed(Long.parseLong(signed.sourceId()));
    }

    @ApplicationModuleListener(condition = "#returned.sourceType() == '" + IkdDayReports.SOURCE_TYPE + "'")
    void on(DocumentReturned returned) {
        store.returned(Long.parseLong(returned.sourceId()), returned.reason());
    }
}
