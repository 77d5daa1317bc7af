package id.dukcapil.portal.booking.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import id.dukcapil.portal.booking.PointCalendarSettings;
import id.dukcapil.portal.booking.PointSettings;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.ui.BeanRule;
import id.dukcapil.portal.shared.ui.BoundForms;
import id.dukcapil.portal.shared.ui.FieldRefusals;
import id.dukcapil.portal.shared.ui.FilterBar;
import id.dukcapil.portal.shared.ui.Notifications;
import id.dukcapil.portal.shared.ui.VaadinTexts;
import id.dukcapil.portal.shared.ui.WholeNumbers;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The quota calendar's bar for what spans days: a national holiday (every point closed that day) and the chosen
 * point's capacity and staff reserve. Bound to {@link CalendarForms}: no day, no name, a number out of range is told
 * at its field before the service is asked; its refusal is told at the field it is about, what was typed kept.
 */
class PointDaysForm extends FilterBar {

    final DatePicker holiday = VaadinTexts.localized(new DatePicker());
    final TextField holidayName = new TextField();
    final Button addHoliday = new Button();
    final IntegerField capacity = new IntegerField();
    final IntegerField reserve = new IntegerField();
    final Button saveSettings = new Button();
    private final Binder<CalendarForms.Holiday> holidayForm = new Binder<>(CalendarForms.Holiday.class);
    private final Binder<CalendarForms.Settings> settingsForm = new Binder<>(CalendarForms.Settings.class);

    /**
     * @param point       the chosen point's code; throws a {@link RuleViolation} when none is
     * @param afterChange redraws the calendar once days were closed or the settings changed
     */
    PointDaysForm(PointCalendarSettings calendar, Supplier<String> point, Runnable afterChange) {
        holiday.setLabel(getTranslation("booking.calendar.holiday"));
        holidayName.setLabel(getTranslation("booking.calendar.holiday-name"));
        holidayName.setMaxLength(CalendarForms.HOLIDAY_NAME_MAX_LENGTH);
        addHoliday.setText(getTranslation("booking.calendar.add-holiday"));
        capacity.setLabel(getTranslation("booking.calendar.capacity"));
        WholeNumbers.between(capacity, 0, PointSettings.CAPACITY_MAX);
        reserve.setLabel(getTranslation("booking.calendar.reserve"));
        WholeNumbers.between(reserve, 0, PointSettings.CAPACITY_MAX);
        saveSettings.setText(getTranslation("booking.calendar.save-settings"));
        bind();

        FieldRefusals holidayRefusals = FieldRefusals.of(Map.of("booking.calendar.reason-required", holidayName));
        addHoliday.addClickListener(click -> {
            Optional<CalendarForms.Holiday> written = BoundForms.record(holidayForm);
            if (written.isEmpty()) {
                return; // each field says what is wrong; no day was closed
            }
            CalendarForms.Holiday typed = written.get();
            try {
                int cancelled = calendar.addHoliday(typed.day(), typed.name());
                Notifications.success(getTranslation("booking.calendar.closed.done", cancelled));
                afterChange.run();
            } catch (RuleViolation refused) {
                holidayRefusals.show(refused);
            }
        });
        FieldRefusals settingsRefusals = FieldRefusals.of(Map.of("booking.calendar.settings-range", capacity));
        saveSettings.addClickListener(click -> {
            Optional<CalendarForms.Settings> written = BoundForms.record(settingsForm);
            if (written.isEmpty()) {
                return; // each field says what is wrong; nothing was changed
            }
            CalendarForms.Settings typed = written.get();
            PointSettings settings = typed.settings();
            try {
                calendar.changeSettings(point.get(), settings);
            } catch (RuleViolation refused) {
                settingsRefusals.show(refused);
                return;
            }
            Notifications.success(getTranslation("booking.calendar.settings.done", settings.capacity(),
                    settings.reserve()));
            if (settings.reserve() >= settings.capacity()) {
                Notifications.warning(getTranslation("booking.calendar.reserve-takes-all"));
            }
            afterChange.run();
        });
        add(holiday, holidayName, addHoliday, capacity, reserve, saveSettings);
    }

    private void bind() {
        holidayForm.forField(holiday).withValidator(BeanRule.of(CalendarForms.Holiday.class, "day")).bind("day");
        holidayForm.forField(holidayName).withValidator(BeanRule.<String>of(CalendarForms.Holiday.class, "name")
                .withArgs(CalendarForms.HOLIDAY_NAME_MAX_LENGTH)).bind("name");
        holidayForm.readRecord(new CalendarForms.Holiday(null, ""));
        settingsForm.forField(capacity).withValidator(BeanRule.<Integer>of(CalendarForms.Settings.class, "capacity")
                .withArgs(PointSettings.CAPACITY_MAX)).bind("capacity");
        settingsForm.forField(reserve).withValidator(BeanRule.<Integer>of(CalendarForms.Settings.class, "reserve")
                        .withArgs(PointSettings.CAPACITY_MAX))
                // Staff cannot keep more places than the point prints: the service's rule, said at the reserve.
                .withValidator(typed -> typed == null || capacity.getValue() == null || typed <= capacity.getValue(),
                        getTranslation("booking.calendar.settings-range", PointSettings.CAPACITY_MAX))
                .bind("reserve");
    }

    /** Shows the chosen point's settings, as saved. */
    void show(PointSettings settings) {
        settingsForm.readRecord(new CalendarForms.Settings(settings.capacity(), settings.reserve()));
    }
}
