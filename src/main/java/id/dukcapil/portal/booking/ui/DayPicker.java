package id.dukcapil.portal.booking.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import id.dukcapil.portal.booking.Availability;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A calendar of days with their free places: full and closed days cannot be picked. Used where a citizen books
 * or moves a booking and where a clerk books for a resident; each cell has the id {@code day-<date>}.
 */
class DayPicker extends Div {

    final Div days = new Div();
    final Paragraph chosen = new Paragraph();
    private final String freeKey;
    private @Nullable LocalDate value;
    private Consumer<LocalDate> onPick = day -> { };

    /**
     * @param freeKey the translation of a day's free places, with the number as {0}
     * @param columns the most cells a row: a week on a wide screen; fewer where a cell would be narrower than its
     *                words (styles.css)
     */
    DayPicker(String freeKey, int columns) {
        this.freeKey = freeKey;
        days.getStyle().set("--day-picker-columns", String.valueOf(columns));
        days.addClassName("day-picker");
        setWidthFull();
        add(days, chosen);
    }

    /** Shows the days; {@code current} (the booking's own day, when moving one) is marked and not pickable. */
    void show(List<Availability> available, @Nullable LocalDate current) {
        clear();
        DateTimeFormatter format = DateTimeFormatter.ofPattern("d MMM", getLocale());
        for (Availability day : available) {
            String state = day.date().equals(current) ? getTranslation("bds.booking.current")
                    : day.open() ? getTranslation(freeKey, day.remaining()) : getTranslation("bds.booking.closed");
            // Three short lines (weekday, day, places) that wrap inside the cell: one line was cut on a phone.
            Button cell = new Button(day.date().getDayOfWeek().getDisplayName(TextStyle.SHORT, getLocale()) + "\n"
                    + format.format(day.date()) + "\n" + state);
            cell.setId("day-" + day.date());
            cell.addClassName("day-cell");
            cell.setEnabled(day.open() && day.remaining() > 0 && !day.date().equals(current));
            cell.addClickListener(click -> pick(day.date(), cell));
            days.add(cell);
        }
    }

    /** Picks the day again if it is still offered and open (a refused booking keeps the citizen's choice). */
    void select(@Nullable LocalDate day) {
        if (day == null) {
            return;
        }
        days.getChildren().filter(Button.class::isInstance).map(Button.class::cast)
                .filter(cell -> cell.getId().orElse("").equals("day-" + day) && cell.isEnabled()).findFirst()
                .ifPresent(cell -> pick(day, cell));
    }

    void clear() {
        days.removeAll();
        value = null;
        chosen.setText("");
    }

    Optional<LocalDate> value() {
        return Optional.ofNullable(value);
    }

    void onPick(Consumer<LocalDate> listener) {
        this.onPick = listener;
    }

    private void pick(LocalDate day, Button cell) {
        value = day;
        days.getChildren().forEach(other -> ((Button) other).removeThemeVariants(ButtonVariant.LUMO_PRIMARY));
        cell.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        chosen.setText(getTranslation("bds.booking.chosen",
                DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", getLocale()).format(day)));
        onPick.accept(day);
    }
}
