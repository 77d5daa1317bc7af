package id.dukcapil.portal.booking.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.data.binder.Binder;
import id.dukcapil.portal.booking.OpeningHours;
import id.dukcapil.portal.booking.PointCalendarSettings;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.ui.BeanRule;
import id.dukcapil.portal.shared.ui.BoundForms;
import id.dukcapil.portal.shared.ui.DestructiveConfirm;
import id.dukcapil.portal.shared.ui.FieldRefusals;
import id.dukcapil.portal.shared.ui.FilterBar;
import id.dukcapil.portal.shared.ui.Notifications;
import id.dukcapil.portal.staff.ServicePoint;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A point's days of service and hours, as a planner sets them. Saving hours that drop a day with bookings on it says
 * first how many bookings it cancels. Bound to {@link CalendarForms.Hours}: no day, no hour, a closing before the
 * opening is told at its field before the service is asked, as is the service's refusal; what was chosen stays.
 */
class OpeningHoursForm extends FilterBar {

    final CheckboxGroup<DayOfWeek> days = new CheckboxGroup<>();
    final TimePicker opens = new TimePicker();
    final TimePicker closes = new TimePicker();
    final Button save = new Button();
    private final PointCalendarSettings calendar;
    private final Supplier<ServicePoint> point;
    private final Runnable afterChange;
    private final Binder<CalendarForms.Hours> binder = new Binder<>(CalendarForms.Hours.class);
    private final FieldRefusals refusals;

    /**
     * @param point       the chosen point; throws a {@link RuleViolation} when none is
     * @param afterChange redraws the calendar once days were opened or closed
     */
    OpeningHoursForm(PointCalendarSettings calendar, Supplier<ServicePoint> point, Runnable afterChange) {
        this.calendar = calendar;
        this.point = point;
        this.afterChange = afterChange;
        days.setLabel(getTranslation("booking.hours.days"));
        days.setItems(EnumSet.allOf(DayOfWeek.class));
        days.setItemLabelGenerator(day -> day.getDisplayName(TextStyle.SHORT, getLocale()));
        for (TimePicker time : new TimePicker[] {opens, closes}) {
            time.setLocale(getLocale());
            time.setStep(Duration.ofMinutes(30));
            time.setWidth("8em");
        }
        opens.setLabel(getTranslation("booking.hours.opens"));
        closes.setLabel(getTranslation("booking.hours.closes"));
        binder.forField(days).withValidator(BeanRule.of(CalendarForms.Hours.class, "days")).bind("days");
        binder.forField(opens).withValidator(BeanRule.of(CalendarForms.Hours.class, "opens")).bind("opens");
        binder.forField(closes).withValidator(BeanRule.of(CalendarForms.Hours.class, "closes"))
                .withValidator(typed -> typed == null || opens.getValue() == null || typed.isAfter(opens.getValue()),
                        getTranslation("booking.hours.order"))
                .bind("closes");
        binder.readRecord(new CalendarForms.Hours(EnumSet.noneOf(DayOfWeek.class), null, null));
        refusals = FieldRefusals.of(Map.of("booking.hours.no-day", days, "booking.hours.order", closes));
        save.setText(getTranslation("booking.hours.save"));
        save.addClickListener(click -> saveOrConfirm());
        add(days, opens, closes, save);
    }

    /** Shows the chosen point's days and hours. */
    void show(OpeningHours hours) {
        binder.readRecord(new CalendarForms.Hours(hours.days(), hours.opens(), hours.closes()));
    }

    private void saveOrConfirm() {
        Optional<CalendarForms.Hours> written = BoundForms.record(binder);
        if (written.isEmpty()) {
            return; // each field says what is wrong; nothing was saved
        }
        CalendarForms.Hours typed = written.get();
        try {
            ServicePoint chosen = point.get();
            OpeningHours changed = new OpeningHours(typed.days(), Objects.requireNonNull(typed.opens()),
                    Objects.requireNonNull(typed.closes()));
            int cancelling = calendar.bookingsCancelledBy(chosen.code(), changed);
            if (cancelling == 0) {
                save(chosen, changed);
                return;
            }
            DestructiveConfirm.ask(getTranslation("booking.hours.confirm.title"),
                    getTranslation("booking.hours.confirm.text", chosen.name(), cancelling),
                    getTranslation("shared.cancel"), getTranslation("booking.hours.confirm.ok", cancelling),
                    () -> save(chosen, changed));
        } catch (RuleViolation violation) {
            refusals.show(violation);
        }
    }

    private void save(ServicePoint chosen, OpeningHours changed) {
        try {
            int cancelled = calendar.changeOpeningHours(chosen.code(), changed);
            Notifications.success(cancelled == 0 ? getTranslation("booking.hours.saved", chosen.name())
                    : getTranslation("booking.hours.saved.cancelled", chosen.name(), cancelled));
            afterChange.run();
        } catch (RuleViolation violation) {
            refusals.show(violation); // at its field, what was chosen kept
        }
    }
}
