package id.dukcapil.portal.schoolvisit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import id.dukcapil.portal.schoolvisit.OutpostHold;
import id.dukcapil.portal.schoolvisit.OutpostHolds;
import id.dukcapil.portal.schoolvisit.Outposts;
import id.dukcapil.portal.schoolvisit.SchoolReports;
import id.dukcapil.portal.schoolvisit.SchoolVisit;
import id.dukcapil.portal.schoolvisit.Schools;
import id.dukcapil.portal.schoolvisit.VisitLetters;
import id.dukcapil.portal.schoolvisit.VisitPlanner;
import id.dukcapil.portal.shared.Role;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.report.TableReportFiles;
import id.dukcapil.portal.shared.ui.CurrentRoles;
import id.dukcapil.portal.shared.ui.Notifications;
import id.dukcapil.portal.shared.ui.OpensDialog;
import id.dukcapil.portal.shared.ui.ReasonDialog;
import id.dukcapil.portal.shared.ui.VaadinTexts;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * SOP D step 1 for the planner: the visits of a month or a week, day by day, and a visit scheduled for a school and
 * a day with its team and kit — refused with the conflict named when an officer or the kit is elsewhere, an officer is
 * on leave or the kit is under repair. The kits and officers' leave are kept here too.
 */
@Route("jadwal-sekolah")
@RolesAllowed({Roles.PLANNER, Roles.MANAGER, Roles.ADMIN})
@Menu(title = "nav.schoolvisit.calendar", order = 65, icon = "vaadin:calendar")
class VisitCalendarView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern(VaadinTexts.DATE_FORMAT);

    final Tabs mode = new Tabs();
    final Tab month = new Tab();
    final Tab week = new Tab();
    final Span period = new Span();
    final Div calendar = new Div();
    private final VisitPlanner planner;
    private final OutpostHolds holds;
    private final Outposts outposts;
    private final CurrentRoles roles;
    @Nullable ScheduleEditor scheduleEditor;
    @Nullable ReasonDialog takeBack;
    private final Schools schools;
    private final VisitLetters letters;
    private final SchoolReports reports;
    private final TableReportFiles files;
    private final Clock clock;
    LocalDate anchor;
    @Nullable KitEditor kitEditor;
    @Nullable LeaveEditor leaveEditor;

    VisitCalendarView(VisitPlanner planner, Schools schools, VisitLetters letters, SchoolReports reports,
                      TableReportFiles files, OutpostHolds holds, Outposts outposts, CurrentRoles roles, Clock clock) {
        this.holds = holds;
        this.outposts = outposts;
        this.roles = roles;
        this.reports = reports;
        this.files = files;
        this.planner = planner;
        this.letters = letters;
        this.schools = schools;
        this.clock = clock;
        this.anchor = LocalDate.now(clock);
        setSizeFull();
        month.setLabel(getTranslation("schoolvisit.calendar.month"));
        week.setLabel(getTranslation("schoolvisit.calendar.week"));
        month.setId("calendar-month");
        week.setId("calendar-week");
        mode.add(month, week);
        mode.addSelectedChangeListener(change -> draw());
        Button previous = new Button(getTranslation("schoolvisit.calendar.previous"), click -> move(-1));
        previous.setId("calendar-previous");
        Button next = new Button(getTranslation("schoolvisit.calendar.next"), click -> move(1));
        next.setId("calendar-next");
        Button schedule = new Button(getTranslation("schoolvisit.calendar.schedule"),
                click -> openSchedule(LocalDate.now(clock)));
        schedule.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        schedule.setId("calendar-schedule");
        OpensDialog.button(schedule);
        Button kits = new Button(getTranslation("schoolvisit.calendar.kits"), click -> openKits());
        kits.setId("calendar-kits");
        OpensDialog.button(kits);
        Button leave = OpensDialog.button(new Button(getTranslation("schoolvisit.calendar.leave"), click -> openLeave()));
        leave.setId("calendar-leave");
        period.setId("calendar-period");
        period.getStyle().set("font-weight", "600");
        HorizontalLayout bar = new HorizontalLayout(mode, previous, period, next, schedule, kits, leave);
        bar.setAlignItems(Alignment.CENTER);
        bar.setWrap(true);
        calendar.addClassName("visit-calendar");
        calendar.setId("calendar");
        calendar.setWidthFull();
        Div scroller = new Div(calendar);
        scroller.addClassName("visit-calendar-scroller");
        scroller.setWidthFull();
        scroller.getStyle().set("overflow-x", "auto");
        add(new H2(getTranslation("schoolvisit.calendar.title")), bar, scroller);
        draw();
    }

    /**
     * Scrolls the day into its scroller whenever the scroller overflows in the first seconds: its box and the
     * calendar in it take their sizes a moment after they are drawn (the layout and the buttons are web components),
     * and a box that shrinks again starts at its top.
     */
    private static final String TODAY_IN_SIGHT = """
            const day = this;
            const box = day.closest('.visit-calendar-scroller');
            const sight = new ResizeObserver(() => {
              if (box.scrollHeight > box.clientHeight) {
                day.scrollIntoView({block: 'nearest'});
              }
            });
            sight.observe(box);
            sight.observe(day.parentElement);
            setTimeout(() => sight.disconnect(), 3000);""";

    private void move(int step) {
        anchor = mode.getSelectedTab() == week ? anchor.plusWeeks(step) : anchor.plusMonths(step);
        draw();
    }

    /** The month's weeks (Monday first) or the week, each day with its visits. */
    void draw() {
        boolean weekly = mode.getSelectedTab() == week;
        LocalDate first;
        LocalDate last;
        if (weekly) {
            first = anchor.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            last = first.plusDays(6);
            period.setText(DATE.format(first) + " – " + DATE.format(last));
        } else {
            YearMonth shown = YearMonth.from(anchor);
            first = shown.atDay(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            last = shown.atEndOfMonth().with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
            period.setText(shown.getMonth().getDisplayName(TextStyle.FULL, getLocale()) + " " + shown.getYear());
        }
        Map<LocalDate, List<SchoolVisit>> visits = planner.between(first, last).stream()
                .collect(Collectors.groupingBy(SchoolVisit::day));
        Map<String, String> names = weekly ? planner.officers() : Map.of();
        Map<Long, OutpostHold> out = holds.among(visits.values().stream().flatMap(List::stream)
                .map(SchoolVisit::id).toList());
        calendar.removeAll();
        calendar.getStyle().set("display", "grid").set("grid-template-columns", "repeat(7, minmax(6.5rem, 1fr))")
                .set("gap", "2px").set("min-width", "46rem");
        for (int d = 0; d < 7; d++) {
            Span heading = new Span(DayOfWeek.MONDAY.plus(d).getDisplayName(TextStyle.SHORT, getLocale()));
            heading.getStyle().set("font-weight", "600").set("padding", "var(--lumo-space-xs)");
            calendar.add(heading);
        }
        LocalDate today = LocalDate.now(clock);
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            Div cell = dayCell(day, visits.getOrDefault(day, List.of()), weekly, names, today, out);
            calendar.add(cell);
            if (day.equals(today)) {
                // A month's six weeks are taller than a laptop's window: today's week in sight, not the past ones.
                // Once the calendar's box has its height (the layout around it sizes it after it is drawn).
                cell.getElement().executeJs(TODAY_IN_SIGHT);
            }
        }
    }

    private Div dayCell(LocalDate day, List<SchoolVisit> visits, boolean weekly, Map<String, String> names,
                        LocalDate today, Map<Long, OutpostHold> out) {
        Div cell = new Div();
        cell.setId("day-" + day);
        // min-width 0: a grid cell otherwise grows to its widest chip, which then reads as reaching the next day.
        cell.getStyle().set("border", "1px solid var(--lumo-contrast-10pct)").set("min-height", weekly ? "12rem" : "6rem")
                .set("padding", "var(--lumo-space-xs)").set("font-size", "var(--lumo-font-size-s)")
                .set("min-width", "0").set("overflow", "hidden");
        if (!weekly && day.getMonthValue() != anchor.getMonthValue()) {
            cell.getStyle().set("color", "var(--lumo-secondary-text-color)");
        }
        Span number = new Span(String.valueOf(day.getDayOfMonth()));
        number.getStyle().set("font-weight", day.equals(today) ? "700" : "400");
        cell.add(number);
        if (!day.isBefore(today)) {
            Button add = OpensDialog.button(new Button("+", click -> openSchedule(day)));
            add.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            add.getElement().setAttribute("aria-label", getTranslation("schoolvisit.calendar.schedule-on", DATE.format(day)));
            add.getStyle().set("float", "right");
            cell.add(add);
        }
        for (SchoolVisit visit : visits) {
            Div chip = new Div();
            chip.addClassName("visit-chip");
            chip.getStyle().set("background", "var(--lumo-primary-color-10pct)").set("border-radius", "4px")
                    .set("margin-top", "2px").set("padding", "1px 4px").set("min-width", "0");
            String team = weekly ? visit.team().stream().map(u -> names.getOrDefault(u, u))
                    .collect(Collectors.joining(", ")) : getTranslation("schoolvisit.calendar.officers", visit.team().size());
            // The kit by the name the schedule dialog gives it, not by its code.
            OutpostHold away = out.get(visit.id());
            // A visit out at an outpost says so on its chip, with whom and since when (issue 53).
            String words = visit.schoolName() + " · " + visit.kitName() + " · " + team
                    + (away == null ? "" : " · " + OutLine.text(this, away, clock.getZone()));
            // The week has room for the whole line; a month's day names the school whole, on as many lines as it
            // takes (cut, "SMA Negeri 1 Ban…" named no school), the kit and the team in the tooltip.
            Button open = OpensDialog.button(new Button(weekly ? words : visit.schoolName(), click -> openVisit(visit)));
            open.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            open.setWidthFull();
            open.getStyle().set("justify-content", "flex-start").set("min-width", "0");
            if (!weekly) {
                chip.addClassName("month"); // styles.css: the school's name wraps
            }
            open.setTooltipText(words);
            if (away != null) {
                open.setIcon(com.vaadin.flow.component.icon.VaadinIcon.CAR.create());
                chip.addClassName("out");
            }
            open.setId("visit-" + visit.id());
            chip.add(open);
            cell.add(chip);
        }
        return cell;
    }

    /** The schedule dialog (its own class: the form and its checks); the calendar redrawn on the visit's day. */
    void openSchedule(LocalDate day) {
        scheduleEditor = new ScheduleEditor(planner, schools, clock, day, visit -> {
            Notifications.success(getTranslation("schoolvisit.calendar.scheduled", visit.schoolName(),
                    DATE.format(visit.day())));
            anchor = visit.day();
            draw();
        });
        scheduleEditor.open();
    }

    /** A visit's letter to the school: e-mailed through the outbox, or downloaded with the day's student list. */
    void openVisit(SchoolVisit visit) {
        Dialog dialog = new Dialog(visit.schoolName() + " · " + DATE.format(visit.day()));
        dialog.setWidth("min(32rem, 100vw)");
        Anchor pdf = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = letters.pdf(visit.id());
            return new DownloadResponse(new ByteArrayInputStream(bytes), "surat-kunjungan-" + visit.day() + ".pdf",
                    "application/pdf", bytes.length);
        }), getTranslation("schoolvisit.calendar.letter-pdf"));
        pdf.setTarget(AnchorTarget.BLANK);
        Button send = new Button(getTranslation("schoolvisit.calendar.letter"), click -> {
            try {
                letters.send(visit.id());
                Notifications.success(getTranslation("schoolvisit.calendar.letter-sent", visit.schoolName()));
                dialog.close();
            } catch (RuleViolation violation) {
                Notifications.error(violation);
            }
        });
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.setId("visit-letter-send");
        dialog.add(new com.vaadin.flow.component.html.Paragraph(getTranslation("schoolvisit.field.visit-line",
                DATE.format(visit.day()), getTranslation(visit.state().labelKey()), visit.cardsTaken(),
                visit.cardsLeft())));
        holds.of(visit.id()).ifPresent(away -> dialog.add(OutLine.of(away, clock.getZone())));
        dialog.add(pdf, visitReports(visit));
        dialog.getFooter().add(new Button(getTranslation("schoolvisit.action.close"), click -> dialog.close()), send);
        if (holds.of(visit.id()).isPresent() && roles.hasAny(Role.PLANNER, Role.ADMIN)) {
            dialog.getFooter().addComponentAsFirst(takeBackButton(visit, dialog));
        }
        dialog.open();
    }

    /**
     * A visit out at a laptop that was lost, stolen or broke: the supervisor takes it back with the reason, asked first
     * in words; what that laptop still sends later goes to the reconciliation list.
     */
    private Button takeBackButton(SchoolVisit visit, Dialog dialog) {
        Button button = new Button(getTranslation("schoolvisit.take-back.action"));
        button.addThemeVariants(ButtonVariant.LUMO_ERROR);
        button.setId("visit-take-back");
        OpensDialog.button(button);
        button.addClickListener(click -> {
            takeBack = new ReasonDialog(getTranslation("schoolvisit.take-back.title"),
                    getTranslation("schoolvisit.take-back.confirm"), Outposts.TAKE_BACK_REASON_MAX, reason -> {
                        outposts.takeBack(visit.id(), reason);
                        Notifications.success(getTranslation("schoolvisit.take-back.done", visit.schoolName()));
                        dialog.close();
                        draw();
                    });
            takeBack.addComponentAsFirst(new com.vaadin.flow.component.html.Paragraph(
                    getTranslation("schoolvisit.take-back.text", visit.schoolName())));
            takeBack.open();
        });
        return button;
    }

    /** The visit's report (roster, recorded, printed, waiting for the birthday, corrected), made when clicked. */
    private HorizontalLayout visitReports(SchoolVisit visit) {
        Anchor pdf = ReportDownloads.pdf(download -> reports.visit(visit.id(), getLocale(), download), files,
                "jadwal-sekolah/laporan", getLocale(),
                getTranslation("schoolvisit.calendar.report-pdf"));
        pdf.setId("visit-report-pdf");
        Anchor xlsx = ReportDownloads.xlsx(download -> reports.visit(visit.id(), getLocale(), download), files,
                "jadwal-sekolah/laporan",
                getTranslation("schoolvisit.calendar.report-xlsx"));
        xlsx.setId("visit-report-xlsx");
        HorizontalLayout links = new HorizontalLayout(pdf, xlsx);
        links.setWrap(true);
        return links;
    }

    void openKits() {
        Map<String, String> points = schools.servicePoints().stream()
                .collect(Collectors.toMap(p -> p.code(), p -> p.name(), (a, b) -> a, java.util.LinkedHashMap::new));
        kitEditor = new KitEditor(planner, points);
        kitEditor.open();
    }

    void openLeave() {
        leaveEditor = new LeaveEditor(planner);
        leaveEditor.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("schoolvisit.calendar.title");
    }
}
