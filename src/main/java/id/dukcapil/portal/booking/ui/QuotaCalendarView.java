package id.dukcapil.portal.booking.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import id.dukcapil.portal.shared.ui.FilterBar;
import id.dukcapil.portal.booking.CalendarDay;
import id.dukcapil.portal.booking.DailySummaryService;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.shared.ui.CurrentRoles;
import java.io.ByteArrayInputStream;
import id.dukcapil.portal.booking.QuotaCalendarService;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.ui.Notifications;
import id.dukcapil.portal.staff.ServicePoint;
import id.dukcapil.portal.staff.ServicePoints;
import id.dukcapil.portal.shared.ui.VaadinTexts;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Objects;

/**
 * The quota calendar of a service point, a month at a time: quota, staff reserve, booked, arrived and printed
 * per day. A planner sets a day's quota, closes a day (its bookings are cancelled and the citizens e-mailed),
 * enters national holidays, and sets the point's daily capacity.
 */
@Route("quota-calendar")
@RolesAllowed({Roles.PLANNER, Roles.MANAGER, Roles.ADMIN})
@Menu(title = "nav.quota-calendar", order = 41, icon = "vaadin:calendar")
class QuotaCalendarView extends VerticalLayout implements HasDynamicTitle {

    final ComboBox<ServicePoint> point = new ComboBox<>();
    final Button previous = new Button(VaadinIcon.ANGLE_LEFT.create());
    final Button next = new Button(VaadinIcon.ANGLE_RIGHT.create());
    final H3 title = new H3();
    final Grid<CalendarDay> days = new Grid<>();
    final IntegerField quota = new IntegerField();
    final Button setQuota = new Button();
    final Button followStock = new Button();
    final TextField reason = new TextField();
    final Button close = new Button();
    final Button reopen = new Button();
    final DatePicker holiday = VaadinTexts.localized(new DatePicker());
    final TextField holidayName = new TextField();
    final Button addHoliday = new Button();
    final IntegerField capacity = new IntegerField();
    final IntegerField reserve = new IntegerField();
    final Button saveSettings = new Button();
    final Anchor summary = new Anchor();
    private final QuotaCalendarService calendar;
    private YearMonth month;

    QuotaCalendarView(QuotaCalendarService calendar, DailySummaryService summaries, ServicePoints servicePoints,
                      Clock clock) {
        this.calendar = calendar;
        this.month = YearMonth.now(clock);
        setSizeFull();
        point.setLabel(getTranslation("booking.calendar.point"));
        point.setItems(servicePoints.active());
        point.setItemLabelGenerator(ServicePoint::name);
        point.addValueChangeListener(change -> refresh());
        previous.addClickListener(click -> {
            month = month.minusMonths(1);
            refresh();
        });
        next.addClickListener(click -> {
            month = month.plusMonths(1);
            refresh();
        });
        previous.setAriaLabel(getTranslation("booking.calendar.previous"));
        next.setAriaLabel(getTranslation("booking.calendar.next"));

        DateTimeFormatter date = DateTimeFormatter.ofPattern("dd");
        days.addColumn(day -> date.format(day.day()) + " " + day.day().getDayOfWeek().getDisplayName(TextStyle.SHORT, getLocale()))
                .setHeader(getTranslation("booking.calendar.day")).setAutoWidth(true);
        days.addColumn(day -> day.quota() + (day.quotaOverride() != null ? " *" : ""))
                .setHeader(getTranslation("booking.calendar.quota")).setAutoWidth(true);
        days.addColumn(CalendarDay::reserve).setHeader(getTranslation("booking.calendar.reserve")).setAutoWidth(true);
        days.addColumn(CalendarDay::booked).setHeader(getTranslation("booking.calendar.booked")).setAutoWidth(true);
        days.addColumn(CalendarDay::arrived).setHeader(getTranslation("booking.calendar.arrived")).setAutoWidth(true);
        days.addColumn(CalendarDay::printed).setHeader(getTranslation("booking.calendar.printed")).setAutoWidth(true);
        days.addColumn(day -> day.closed() ? closedText(day) : getTranslation("booking.calendar.open"))
                .setHeader(getTranslation("booking.calendar.state")).setFlexGrow(1);
        days.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        days.setPartNameGenerator(day -> day.closed() ? "closed-day" : null);

        quota.setLabel(getTranslation("booking.calendar.quota"));
        quota.setMin(0);
        setQuota.setText(getTranslation("booking.calendar.set-quota"));
        setQuota.addClickListener(click -> act(() -> calendar.overrideQuota(pointCode(), selectedDay().day(), quota.getValue())));
        followStock.setText(getTranslation("booking.calendar.follow-stock"));
        followStock.addClickListener(click -> act(() -> calendar.overrideQuota(pointCode(), selectedDay().day(), null)));
        reason.setLabel(getTranslation("booking.calendar.reason"));
        reason.setMaxLength(QuotaCalendarService.REASON_MAX_LENGTH);
        close.setText(getTranslation("booking.calendar.close"));
        close.addThemeVariants(ButtonVariant.LUMO_ERROR);
        close.addClickListener(click -> act(() -> {
            int cancelled = calendar.closeDay(pointCode(), selectedDay().day(), reason.getValue());
            Notifications.success(getTranslation("booking.calendar.closed.done", cancelled));
        }));
        reopen.setText(getTranslation("booking.calendar.reopen"));
        reopen.addClickListener(click -> act(() -> calendar.reopenDay(pointCode(), selectedDay().day())));
        holiday.setLabel(getTranslation("booking.calendar.holiday"));
        holidayName.setLabel(getTranslation("booking.calendar.holiday-name"));
        addHoliday.setText(getTranslation("booking.calendar.add-holiday"));
        addHoliday.addClickListener(click -> act(() -> {
            if (holiday.getValue() == null) {
                throw new RuleViolation("booking.calendar.choose-day");
            }
            int cancelled = calendar.addHoliday(holiday.getValue(), holidayName.getValue());
            Notifications.success(getTranslation("booking.calendar.closed.done", cancelled));
        }));
        capacity.setLabel(getTranslation("booking.calendar.capacity"));
        reserve.setLabel(getTranslation("booking.calendar.reserve"));
        saveSettings.setText(getTranslation("booking.calendar.save-settings"));
        saveSettings.addClickListener(click -> act(() -> calendar.changeSettings(pointCode(),
                new QuotaCalendarService.PointSettings(value(capacity), value(reserve)))));

        summary.setText(getTranslation("booking.calendar.summary"));
        summary.setHref(DownloadHandler.fromInputStream(event -> {
            byte[] pdf = summaries.pdf(pointCode(), selectedDay().day(), getLocale());
            return new DownloadResponse(new ByteArrayInputStream(pdf), "ringkasan-" + pointCode() + "-"
                    + selectedDay().day() + ".pdf", "application/pdf", pdf.length);
        }), AttachmentType.DOWNLOAD);
        summary.setVisible(CurrentRoles.hasAny(Role.MANAGER, Role.ADMIN));
        // A day's summary needs its day: the link works once one is chosen (it failed silently before).
        summary.setEnabled(false);
        summary.getElement().setAttribute("title", getTranslation("booking.calendar.summary.choose"));
        days.addSelectionListener(selection -> {
            boolean chosen = !selection.getAllSelectedItems().isEmpty();
            summary.setEnabled(chosen);
            summary.getElement().setAttribute("title", chosen ? "" : getTranslation("booking.calendar.summary.choose"));
        });

        add(new FilterBar(point, previous, title, next, summary), days, new FilterBar(quota, setQuota, followStock, reason, close, reopen),
                new FilterBar(holiday, holidayName, addHoliday, capacity, reserve, saveSettings));
        setFlexGrow(1, days);
        servicePoints.active().stream().findFirst().ifPresent(point::setValue);
    }

    private void refresh() {
        title.setText(month.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, getLocale()) + " " + month.getYear());
        if (point.getValue() == null) {
            days.setItems(List.of());
            return;
        }
        days.setItems(calendar.month(pointCode(), month));
        QuotaCalendarService.PointSettings settings = calendar.settings(pointCode());
        capacity.setValue(settings.capacity());
        reserve.setValue(settings.reserve());
    }

    private void act(Runnable action) {
        try {
            action.run();
            refresh();
        } catch (RuleViolation violation) {
            Notifications.error(violation);
        }
    }

    private String closedText(CalendarDay day) {
        String reasonText = Objects.requireNonNullElse(day.closedReason(), "");
        return getTranslation("booking.calendar.closed") + (reasonText.isEmpty() ? ""
                : ": " + (reasonText.startsWith("booking.") ? getTranslation(reasonText) : reasonText));
    }

    private CalendarDay selectedDay() {
        return days.getSelectedItems().stream().findFirst()
                .orElseThrow(() -> new RuleViolation("booking.calendar.choose-day"));
    }

    private String pointCode() {
        ServicePoint selected = point.getValue();
        if (selected == null) {
            throw new RuleViolation("booking.calendar.choose-point");
        }
        return selected.code();
    }

    private static int value(IntegerField field) {
        return field.getValue() == null ? 0 : field.getValue();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.quota-calendar") + " · Dukcapil Portal";
    }
}
