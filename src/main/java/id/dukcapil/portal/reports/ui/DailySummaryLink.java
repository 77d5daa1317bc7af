package id.dukcapil.portal.reports.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import id.dukcapil.portal.reports.DailySummaries;
import id.dukcapil.portal.shared.ui.Downloads;
import id.dukcapil.portal.shared.ui.FilterBar;
import id.dukcapil.portal.shared.ui.FitText;
import id.dukcapil.portal.shared.ui.VaadinTexts;
import id.dukcapil.portal.sla.Procedure;
import id.dukcapil.portal.staff.ServicePoint;
import java.time.LocalDate;
import java.util.List;

/**
 * Any day's summary of any service point, for the procedures that have one: a link that renders the PDF when it is
 * opened, enabled once a procedure, a point and a day are chosen.
 */
class DailySummaryLink extends FilterBar {

    final ComboBox<Procedure> dailyProcedure = new ComboBox<>();
    final ComboBox<ServicePoint> dailyPoint = new ComboBox<>();
    final DatePicker dailyDay = VaadinTexts.localized(new DatePicker());
    final Anchor dailyOpen = new Anchor();
    private final DailySummaries daily;

    DailySummaryLink(DailySummaries daily, List<ServicePoint> points, LocalDate today) {
        this.daily = daily;
        dailyProcedure.setId("reports-daily-procedure");
        dailyProcedure.setLabel(getTranslation("reports.daily.procedure"));
        dailyProcedure.setItems(daily.procedures());
        dailyProcedure.setItemLabelGenerator(value -> getTranslation(value.labelKey()));
        FitText.toItems(dailyProcedure);
        dailyPoint.setId("reports-daily-point");
        dailyPoint.setLabel(getTranslation("reports.daily.service-point"));
        dailyPoint.setItems(points);
        dailyPoint.setItemLabelGenerator(ServicePoint::name);
        FitText.toItems(dailyPoint);
        dailyDay.setId("reports-daily-day");
        dailyDay.setLabel(getTranslation("reports.daily.day"));
        dailyDay.setValue(today);
        dailyOpen.setId("reports-daily-open");
        dailyOpen.setText(getTranslation("reports.daily.open"));
        dailyOpen.setTarget(AnchorTarget.BLANK);
        dailyOpen.setEnabled(false);
        dailyProcedure.addValueChangeListener(change -> link());
        dailyPoint.addValueChangeListener(change -> link());
        dailyDay.addValueChangeListener(change -> link());
        add(dailyProcedure, dailyPoint, dailyDay, dailyOpen);
    }

    private void link() {
        Procedure chosen = dailyProcedure.getValue();
        ServicePoint point = dailyPoint.getValue();
        LocalDate day = dailyDay.getValue();
        dailyOpen.setEnabled(chosen != null && point != null && day != null);
        if (chosen == null || point == null || day == null) {
            dailyOpen.removeHref();
            return;
        }
        var locale = getLocale();
        dailyOpen.setHref(Downloads.named(DailySummaries.fileName(chosen, point.code(), day), "application/pdf",
                () -> daily.pdf(chosen, point.code(), day, locale)).inline());
    }
}
