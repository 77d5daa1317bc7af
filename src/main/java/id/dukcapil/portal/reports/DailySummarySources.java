package id.dukcapil.portal.reports;

import id.dukcapil.portal.shared.pdf.PdfRenderer;
import id.dukcapil.portal.sla.Procedure;
import id.dukcapil.portal.sla.SlaStandards;
import id.dukcapil.portal.sla.SopStep;
import id.dukcapil.portal.sla.StepReports;
import id.dukcapil.portal.staff.ServicePoints;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The daily summaries drawn from the step clocks alone: SOP B's KK print day and SOP E's IKD day. */
@Configuration(proxyBeanMethods = false)
class DailySummarySources {

    @Bean
    DailySummarySource kkPrintDay(StepReports stepReports, SlaStandards standards, ServicePoints servicePoints,
                                  PdfRenderer renderer, MessageSource messages) {
        return new StepDaySummary(Procedure.B_KK_PRINT, "reports.daily.kk.title", "reports.daily.kk.figures",
                List.of(SopStep.B4_REQUEST_FORM, SopStep.B7_VERIFICATION, SopStep.B8_SIGNATURE, SopStep.B10_ADM_PRINT),
                stepReports, standards, servicePoints, renderer, messages);
    }

    /** SOP E's daily IKD report of a point: registered, face verified, QR scanned, activated. */
    @Bean
    DailySummarySource ikdDay(StepReports stepReports, SlaStandards standards, ServicePoints servicePoints,
                              PdfRenderer renderer, MessageSource messages) {
        return new StepDaySummary(Procedure.E_IKD_ACTIVATION, "reports.daily.ikd.title", "reports.daily.ikd.figures",
                List.of(SopStep.E3_SELFIE, SopStep.E4_SCAN_ACTIVATION_QR, SopStep.E5_PIN_EMAIL_ACTIVATE,
                        SopStep.E6_ARCHIVE_AND_REPORT),
                stepReports, standards, servicePoints, renderer, messages);
    }
}
