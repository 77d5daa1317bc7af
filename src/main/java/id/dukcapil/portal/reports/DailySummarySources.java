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
        return new StepDaySummary(Procedure.B_KK_PRINT, "reports.daily.kk.title", "reports.daily.kk.figures",
                List.of(SopStep.B4_REQUEST_FORM, SopStep.B7_VERIFICATION, SopStep.B8_SIGNATURE, SopStep.B10_ADM_PRINT),
                daySteps, servicePoints, renderer, messages);
    }
}
