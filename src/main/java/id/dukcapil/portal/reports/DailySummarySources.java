package id.dukcapil.portal.reports;

import id.dukcapil.portal.shared.pdf.PdfRenderer;
import id.dukcapil.portal.sla.Procedure;
import id.dukcapil.portal.sla.DaySteps;
import id.dukcapil.portal.sla.SopStep;
import id.dukcapil.portal.staff.ServicePoints;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The daily summaries drawn from the step clocks alone: SOP B's KK print day. */
@Configuration(proxyBeanMethods = false)
class DailySummarySources {

    @Bean
    DailySummarySource kkPrintDay(DaySteps daySteps, ServicePoints servicePoints,
                                  PdfRenderer renderer, MessageSource messages) {
        // Steps 1–5 are the citizen's in the IKD app, out of the portal's sight: a request received begins at step 6.
        return new StepDaySummary(Procedure.B_KK_PRINT, "reports.daily.kk.title", "reports.daily.kk.figures",
                SopStep.B6_OPERATOR_CHECK, List.of(SopStep.B7_VERIFICATION, SopStep.B8_SIGNATURE, SopStep.B10_ADM_PRINT),
                SopStep.B6_OPERATOR_CHECK, // step 6 starts when an operator takes the request: its inbox wait is apart
                daySteps, servicePoints, renderer, messages);
    }
}
