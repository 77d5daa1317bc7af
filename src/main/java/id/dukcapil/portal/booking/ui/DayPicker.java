package id.dukcapil.portal.booking.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import id.dukcapil.portal.booking.Availability;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A month calendar of days with their free places: full and closed days cannot be picked. Used where a citizen books
 * or moves a booking and where a clerk books for a resident; each cell has the id {@code day-<date>}.
 * <p>
 * Seven columns, Monday first, under one row of weekday names, each month under its own name: a weekday keeps its
 * column (a flow of cells put Monday in a different column on every row), and a cell needs only the day's number
 * and its free places, so that the whole horizon fits a phone's width and most of its height (issue 36, item 8). The
 * cell's full words (the date and its places) are its accessible name and, once picked, the line under the calendar.
 */
class DayPicker extends Div {

    final Div days = new Div();
    final Paragraph chosen = new Paragraph();
    private final Paragraph legend = new Paragraph();
    private final String freeKey;
    private @Nullable LocalDate value;
    private Consumer<LocalDate> onPick = day -> { };

    /** @param freeKey the translation of a day's free places, with the number as {0} */
    DayPicker(String freeKey) {
        this.freeKey = freeKey;
        days.addClassName("day-picker");
        legend.addClassName("day-picker-legend");
        chosen.addClassName("day-picker-chosen");
        setWidthFull();
        add(days, legend, chosen);
    }

    /** Shows the days; {@code current} (the booking's own day, when moving one) is marked and not pickable. */
    void show(List<Availability> available, @Nullable LocalDate current) {
        clear();
        if (available.isEmpty()) {
            return;
        }
        for (DayOfWeek weekday : DayOfWeek.values()) {
            Span name = new Span(weekday.getDisplayName(TextStyle.SHORT, getLocale()));
            name.addClassName("day-picker-weekday");
            name.getElement().setAttribute("aria-hidden", "true");
            days.add(name);
        }
        DateTimeFormatter monthName = DateTimeFormatter.ofPattern("LLLL yyyy", getLocale());
        YearMonth month = null;
        for (Availability day : available) {
            if (!YearMonth.from(day.date()).equals(month)) {
                month = YearMonth.from(day.date());
                Div heading = new Div(monthName.format(month));
                heading.addClassName("day-picker-month");
                days.add(heading);
                for (int blank = 1; blank < day.date().getDayOfWeek().getValue(); blank++) {
                    days.add(new Span());
                }
            }
            days.add(cell(day, current));
        }
        legend.setText(getTranslation("booking.day-picker.legend")
                + (current == null ? "" : " " + getTranslation("booking.day-picker.legend.current")));
    }

    private Button cell(Availability day, @Nullable LocalDate current) {
        boolean own = day.date().equals(current);
        Span date = new Span(String.valueOf(day.date().getDayOfMonth()));
        date.addClassName("day-cell-date");
        Span places = new Span(own ? "•" : day.open() ? String.valueOf(day.remaining()) : "–");
        places.addClassName("day-cell-places");
        Button cell = new Button();
        cell.getElement().appendChild(date.getElement(), places.getElement());
        cell.setId("day-" + day.date());
        cell.addClassName("day-cell");
        cell.setAriaLabel(longDate(day.date()) + ": " + state(day, own));
        cell.setEnabled(day.open() && day.remaining() > 0 && !own);
        cell.addClickListener(click -> pick(day, cell));
        return cell;
    }

    private String state(Availability day, boolean own) {
        return own ? getTranslation("bds.booking.current")
                : day.open() ? getTranslation(freeKey, day.remaining()) : getTranslation("bds.booking.closed");
    }

    /** Picks the day again if it is still offered and open (a refused booking keeps the citizen's choice). */
    void select(@Nullable LocalDate day) {
        if (day == null) {
            return;
        }
        cells().filter(cell -> cell.getId().orElse("").equals("day-" + day) && cell.isEnabled()).findFirst()
                .ifPresent(Button::click);
    }

    void clear() {
        days.removeAll();
        value = null;
        chosen.setText("");
        legend.setText("");
    }

    Optional<LocalDate> value() {
        return Optional.ofNullable(value);
    }

    void onPick(Consumer<LocalDate> listener) {
        this.onPick = listener;
    }

    private Stream<Button> cells() {
        return days.getChildren().filter(Button.class::isInstance).map(Button.class::cast);
    }

    private void pick(Availability day, Button cell) {
        value = day.date();
        cells().forEach(other -> other.removeThemeVariants(ButtonVariant.LUMO_PRIMARY));
        cell.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        chosen.setText(getTranslation("bds.booking.chosen", longDate(day.date()) + " · " + state(day, false)));
        onPick.accept(day.date());
    }

    private String longDate(LocalDate day) {
        return DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", getLocale()).format(day);
    }
}
