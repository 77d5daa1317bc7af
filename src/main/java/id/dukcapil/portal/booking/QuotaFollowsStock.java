package id.dukcapil.portal.booking;

import id.dukcapil.portal.blanko.BlankoStockChanged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A point's future quotas are recounted when its blank-card stock changes (after that change commits). */
@Component
class QuotaFollowsStock {

    private final QuotaCalendarService calendar;

    QuotaFollowsStock(QuotaCalendarService calendar) {
        this.calendar = calendar;
    }

    @ApplicationModuleListener
    void on(BlankoStockChanged change) {
        calendar.refresh(change.servicePoint());
    }
}
