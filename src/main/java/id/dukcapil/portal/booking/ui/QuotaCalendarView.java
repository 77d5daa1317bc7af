package id.dukcapil.portal.booking.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import id.dukcapil.portal.shared.ui.BoundForms;
import id.dukcapil.portal.shared.ui.FilterBar;
import id.dukcapil.portal.booking.CalendarDay;
import id.dukcapil.portal.booking.DailySummaryService;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.shared.ui.CurrentRoles;
import id.dukcapil.portal.shared.ui.Downloads;
import id.dukcapil.portal.booking.PointCalendarSettings;
import id.dukcapil.portal.booking.QuotaCalendarService;
import id.dukcapil.portal.booking.PointSettings;
import id.dukcapil.portal.shared.ui.BeanRule;
import id.dukcapil.portal.shared.ui.FieldRefusals;
import id.dukcapil.portal.shared.ui.WholeNumbers;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.ui.FitText;
import id.dukcapil.portal.shared.ui.Notifications;
import id.dukcapil.portal.shared.ui.OpensDialog;
import id.dukcapil.portal.shared.ui.ReasonDialog;
import id.dukcapil.portal.staff.ServicePoint;
import id.dukcapil.portal.staff.ServicePoints;
import id.dukcapil.portal.shared.ui.VaadinTexts;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
    final Button close = new Button();
    final Button reopen = new Button();
    final PointDaysForm pointDays;
    final Anchor summary = new Anchor();
    final OpeningHoursForm hours;
    private final QuotaCalendarService calendar;
    private final PointCalendarSettings pointSettings;
    private final Binder<CalendarForms.DayQuota> quotaForm = new Binder<>(CalendarForms.DayQuota.class);
    private final Clock clock;
    private YearMonth month;

    private final CurrentRoles roles;

    QuotaCalendarView(QuotaCalendarService calendar, PointCalendarSettings pointSettings, DailySummaryService summaries,
                      ServicePoints servicePoints, Clock clock, CurrentRoles roles) {
        this.roles = roles;
        this.calendar = calendar;
        this.pointSettings = pointSettings;
        this.clock = clock;
        this.month = YearMonth.now(clock);
        setSizeFull();
        point.setLabel(getTranslation("booking.calendar.point"));
        point.setItems(servicePoints.active());
        point.setItemLabelGenerator(ServicePoint::name);
        FitText.toItems(point);
        point.addValueChangeListener(change -> showMonth());
        previous.addClickListener(click -> {
            month = month.minusMonths(1);
            showMonth();
        });
        next.addClickListener(click -> {
            month = month.plusMonths(1);
            showMonth();
        });
        previous.setAriaLabel(getTranslation("booking.calendar.previous"));
        next.setAriaLabel(getTranslation("booking.calendar.next"));

        DateTimeFormatter date = DateTimeFormatter.ofPattern("dd");
        days.addColumn(day -> date.format(day.day()) + " " + day.day().getDayOfWeek().getDisplayName(TextStyle.SHORT, getLocale()))
                .setComparator(CalendarDay::day).setHeader(getTranslation("booking.calendar.day")).setAutoWidth(true);
        days.addColumn(day -> day.quota() + (day.quotaOverride() != null ? " *" : ""))
                .setComparator(CalendarDay::quota).setHeader(getTranslation("booking.calendar.quota")).setAutoWidth(true);
        days.addColumn(CalendarDay::reserve).setComparator(CalendarDay::reserve).setHeader(getTranslation("booking.calendar.reserve")).setAutoWidth(true);
        days.addColumn(CalendarDay::booked).setComparator(CalendarDay::booked).setHeader(getTranslation("booking.calendar.booked")).setAutoWidth(true);
        days.addColumn(CalendarDay::arrived).setComparator(CalendarDay::arrived).setHeader(getTranslation("booking.calendar.arrived")).setAutoWidth(true);
        days.addColumn(CalendarDay::printed).setComparator(CalendarDay::printed).setHeader(getTranslation("booking.calendar.printed")).setAutoWidth(true);
        days.addColumn(this::stateText).setSortable(true)
                .setHeader(getTranslation("booking.calendar.state")).setFlexGrow(1);
        days.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        days.setPartNameGenerator(day -> day.closed() ? "closed-day" : null);

        quota.setLabel(getTranslation("booking.calendar.quota"));
        WholeNumbers.between(quota, 0, PointSettings.CAPACITY_MAX);
        quotaForm.forField(quota).withValidator(BeanRule.<Integer>of(CalendarForms.DayQuota.class, "quota")
                .withArgs(PointSettings.CAPACITY_MAX)).bind("quota");
        quotaForm.readRecord(new CalendarForms.DayQuota(null));
        setQuota.setText(getTranslation("booking.calendar.set-quota"));
        FieldRefusals quotaRefusals = FieldRefusals.of(Map.of("booking.calendar.quota-range", quota));
        setQuota.addClickListener(click -> {
            Optional<CalendarForms.DayQuota> written = BoundForms.record(quotaForm);
            if (written.isEmpty()) {
                return; // the field says what is wrong; no quota was set
            }
            CalendarForms.DayQuota typed = written.get();
            try {
                quotaSet(calendar.overrideQuota(pointCode(), selectedDay().day(), typed.quota()),
                        "booking.calendar.quota.done");
                refresh();
            } catch (RuleViolation refused) {
                quotaRefusals.show(refused); // a quota out of range at the field; no day chosen as a message
            }
        });
        followStock.setText(getTranslation("booking.calendar.follow-stock"));
        followStock.addClickListener(click -> act(() -> quotaSet(
                calendar.overrideQuota(pointCode(), selectedDay().day(), null), "booking.calendar.follow-stock.done")));
        close.addThemeVariants(ButtonVariant.LUMO_ERROR);
        close.addClickListener(click -> act(this::confirmClose));
        OpensDialog.button(close);
        reopen.setText(getTranslation("booking.calendar.reopen"));
        reopen.addClickListener(click -> act(() -> {
            LocalDate day = selectedDay().day();
            calendar.reopenDay(pointCode(), day);
            Notifications.success(getTranslation("booking.calendar.reopen.done", format(day)));
        }));
        pointDays = new PointDaysForm(pointSettings, this::pointCode, this::refresh);
        hours = new OpeningHoursForm(pointSettings, this::chosenPoint, this::refresh);
        closeLabel();

        summary.setText(getTranslation("booking.calendar.summary"));
        summary.setVisible(roles.hasAny(Role.MANAGER, Role.ADMIN));
        // A day's summary needs its day: the link works once one is chosen (it failed silently before).
        summary.setEnabled(false);
        summary.getElement().setAttribute("title", getTranslation("booking.calendar.summary.choose"));
        days.addSelectionListener(selection -> {
            boolean chosen = !selection.getAllSelectedItems().isEmpty();
            summary.setEnabled(chosen);
            if (chosen) { // named for its point and day, in its address too (a saved PDF keeps the name)
                String code = pointCode();
                LocalDate day = selectedDay().day();
                var locale = getLocale();
                summary.setHref(Downloads.named("ringkasan-" + code + "-" + day + ".pdf", "application/pdf",
                        () -> summaries.pdf(code, day, locale)), AttachmentType.DOWNLOAD);
            }
            summary.getElement().setAttribute("title", chosen ? "" : getTranslation("booking.calendar.summary.choose"));
            closeLabel();
        });

        add(new FilterBar(point, previous, title, next, summary), days, new FilterBar(quota, setQuota, followStock, close, reopen),
                pointDays, hours);
        setFlexGrow(1, days);
        servicePoints.active().stream().findFirst().ifPresent(point::setValue);
    }

    /**
     * A month shown afresh opens at today when today is in it: the planner's work starts there, and from the first of
     * the month today was below the fold. A refresh after an action keeps the rows where the planner left them.
     */
    private void showMonth() {
        refresh();
        LocalDate today = LocalDate.now(clock);
        if (point.getValue() != null && YearMonth.from(today).equals(month)) {
            days.scrollToIndex(today.getDayOfMonth() - 1);
        }
    }

    private void refresh() {
        title.setText(month.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, getLocale()) + " " + month.getYear());
        if (point.getValue() == null) {
            days.setItems(List.of());
            return;
        }
        days.setItems(calendar.month(pointCode(), month));
        pointDays.show(pointSettings.settings(pointCode()));
        hours.show(calendar.openingHours(pointCode()));
    }

    /**
     * Closing cancels bookings: the planner is told the day, the point and how many bookings, and asked why, before it
     * happens (decision 150). With no row chosen the button closes today, as its label says. A closure refused (no
     * reason, a past day) keeps the dialog open with what was typed.
     */
    private void confirmClose() {
        String point = pointCode();
        LocalDate day = dayToClose();
        int booked = calendar.ensureDay(point, day).booked();
        ReasonDialog confirm = new ReasonDialog(getTranslation("booking.calendar.close.confirm.title", format(day)),
                getTranslation("booking.calendar.close.confirm.ok", format(day)), QuotaCalendarService.REASON_MAX_LENGTH,
                why -> {
                    int cancelled = calendar.closeDay(point, day, why);
                    Notifications.success(getTranslation("booking.calendar.closed.done", cancelled));
                    refresh();
                });
        Paragraph what = new Paragraph(getTranslation("booking.calendar.close.confirm.text", format(day),
                chosenPoint().name(), booked));
        what.setWidth("30em"); // as wide as the reason under it: unbounded, the dialog filled the window's width
        what.setMaxWidth("100%");
        confirm.addComponentAsFirst(what);
        confirm.reason.setLabel(getTranslation("booking.calendar.reason"));
        confirm.reason.setRequired(true);
        confirm.open();
        confirm.reason.focus();
    }

    private LocalDate dayToClose() {
        return days.getSelectedItems().stream().findFirst().map(CalendarDay::day).orElseGet(() -> LocalDate.now(clock));
    }

    /** The button names the day it closes: today until a row is chosen. */
    private void closeLabel() {
        close.setText(days.getSelectedItems().isEmpty() ? getTranslation("booking.calendar.close")
                : getTranslation("booking.calendar.close.day", format(dayToClose())));
    }

    /** Says what the quota now is, and when the staff reserve leaves citizens no place. */
    private void quotaSet(CalendarDay day, String key) {
        Notifications.success(getTranslation(key, format(day.day()), day.quota()));
        if (day.quota() > 0 && day.reserve() >= day.quota()) {
            Notifications.warning(getTranslation("booking.calendar.reserve-takes-all"));
        }
    }

    private String format(LocalDate day) {
        return DateTimeFormatter.ofPattern(VaadinTexts.DATE_FORMAT).format(day);
    }

    private void act(Runnable action) {
        Notifications.unlessRefused(() -> {
            action.run();
            refresh();
        });
    }

    private String stateText(CalendarDay day) {
        if (!day.closed()) {
            return getTranslation(day.quota() > 0 && day.reserve() >= day.quota() ? "booking.calendar.open.staff-only"
                    : "booking.calendar.open");
        }
        String reasonText = Objects.requireNonNullElse(day.closedReason(), "");
        return getTranslation("booking.calendar.closed") + (reasonText.isEmpty() ? ""
                : ": " + (reasonText.startsWith("booking.") ? getTranslation(reasonText) : reasonText));
    }

    private CalendarDay selectedDay() {
        return days.getSelectedItems().stream().findFirst()
                .orElseThrow(() -> new RuleViolation("booking.calendar.choose-day"));
    }

    private String pointCode() {
        return chosenPoint().code();
    }

    private ServicePoint chosenPoint() {
        ServicePoint selected = point.getValue();
        if (selected == null) {
            throw new RuleViolation("booking.calendar.choose-point");
        }
        return selected;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.quota-calendar") + " · Dukcapil Portal";
    }
}
