package id.dukcapil.portal.schoolvisit.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import id.dukcapil.portal.schoolvisit.Student;
import id.dukcapil.portal.schoolvisit.StudentState;
import id.dukcapil.portal.shared.NaturalOrder;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The visit's roster on the field screen: every student with where they stand, found by a part of a name or a class
 * as typed (issue 54), and the next student still to see one tap away.
 */
class FieldRoster extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    final Grid<Student> grid = new Grid<>();
    /** The roster found by a name or a class as typed, a part of either. */
    final TextField search = new TextField();
    private List<Student> students = List.of();

    /** @param opened told of the student the officer taps */
    FieldRoster(Clock clock, Consumer<Student> opened) {
        // Widths that fit the roster's share of an upright tablet (about 410 px beside the student) and a phone's
        // width (about 340 px): the class wraps between its words and the time's header is one short word, so that
        // names ("Rahmawati" broke at 5rem) and states keep whole words, with no sideways scroll (issue 54).
        grid.addColumn(Student::fullName).setComparator(Comparator.comparing(Student::fullName, NaturalOrder.TEXT))
                .setHeader(getTranslation("schoolvisit.column.name")).setWidth("6.5rem")
                .setFlexGrow(1);
        grid.addColumn(Student::className)
                .setComparator(Comparator.comparing(Student::className, NaturalOrder.TEXT))
                .setHeader(getTranslation("schoolvisit.column.class")).setWidth("4.5rem")
                .setFlexGrow(0);
        grid.addColumn(this::stateText).setSortable(true).setHeader(getTranslation("schoolvisit.column.state"))
                .setWidth("5.5rem").setFlexGrow(1);
        grid.addColumn(s -> s.recordedAt() == null ? "" : TIME.format(s.recordedAt().atZone(clock.getZone())))
                .setComparator(Comparator.comparing(Student::recordedAt, Comparator.nullsFirst(Comparator.naturalOrder())))
                .setHeader(getTranslation("schoolvisit.column.saved")).setWidth("4.5rem").setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setEmptyStateText(getTranslation("schoolvisit.field.empty-roster"));
        grid.asSingleSelect().addValueChangeListener(change -> {
            if (change.getValue() != null) {
                opened.accept(change.getValue());
            }
        });
        grid.setId("field-roster");
        grid.setHeight("min(60vh, 40rem)");
        search.setId("field-roster-search");
        search.setPlaceholder(getTranslation("schoolvisit.field.roster-search"));
        search.setAriaLabel(getTranslation("schoolvisit.field.roster-search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setMaxLength(60);
        search.setWidthFull();
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(change -> grid.setItems(found()));
        add(search, grid);
        setPadding(false);
        setSpacing(false);
    }

    /**
     * The roster as the search finds it. A roster unchanged keeps the grid's rows: new rows would give them new keys,
     * and a tap made while the server answered another (the visit made ready) would name a row it no longer knows.
     * Either way no student stays chosen, as on a roster shown anew.
     */
    void show(List<Student> roster) {
        if (roster.equals(students) && !roster.isEmpty()) {
            grid.deselectAll();
            return;
        }
        students = roster;
        grid.setItems(found());
    }

    /** The students whose name or class holds the search's words, in the roster's order; all without a search. */
    private List<Student> found() {
        String typed = search.getValue().strip().toLowerCase(Locale.ROOT);
        return typed.isEmpty() ? students : students.stream().filter(student ->
                student.fullName().toLowerCase(Locale.ROOT).contains(typed)
                        || student.className().toLowerCase(Locale.ROOT).contains(typed)).toList();
    }

    /**
     * The next student on the roster (as searched) not yet seen at the visit, after this one in the roster's order
     * (from its top again past its end): one tap to the next resident, not a scroll back up the list (issue 54).
     */
    Optional<Student> nextToSee(Student now) {
        List<Student> shown = found(); // within the class or names searched, if any
        int at = -1;
        for (int i = 0; i < shown.size(); i++) {
            if (shown.get(i).id() == now.id()) {
                at = i;
            }
        }
        for (int step = 1; step <= shown.size(); step++) {
            Student candidate = shown.get(Math.floorMod(at + step, shown.size()));
            if (candidate.id() != now.id() && candidate.state() == StudentState.ON_ROSTER
                    && candidate.fieldStep() == null) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Where the student stands in words: the field step they are in, or their state and why SOP D ended. */
    String stateText(Student student) {
        if (student.state() == StudentState.ON_ROSTER && student.fieldStep() != null) {
            return getTranslation(student.fieldStep().labelKey());
        }
        String text = getTranslation(student.state().labelKey());
        if (student.state() == StudentState.ENDED && student.endReason() != null) {
            text = text + " · " + getTranslation(student.endReason().labelKey());
        }
        return student.corrected() ? text + " · " + getTranslation("schoolvisit.field.corrected") : text;
    }
}
