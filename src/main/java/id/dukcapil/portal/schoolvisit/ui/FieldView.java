package id.dukcapil.portal.schoolvisit.ui;

import static id.dukcapil.portal.shared.ui.Notifications.unlessRefused;

import com.vaadin.flow.component.ScrollOptions;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import id.dukcapil.portal.shared.ui.BeanRule;
import id.dukcapil.portal.shared.ui.WholeNumbers;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import id.dukcapil.portal.population.Resident;
import id.dukcapil.portal.schoolvisit.EnrolmentAnswers;
import id.dukcapil.portal.schoolvisit.FieldDesk;
import id.dukcapil.portal.schoolvisit.FieldStudent;
import id.dukcapil.portal.schoolvisit.OutpostHold;
import id.dukcapil.portal.schoolvisit.OutpostHolds;
import id.dukcapil.portal.schoolvisit.SchoolVisit;
import id.dukcapil.portal.schoolvisit.Student;
import id.dukcapil.portal.schoolvisit.VisitDesk;
import id.dukcapil.portal.schoolvisit.VisitState;
import id.dukcapil.portal.population.CardPrint;
import id.dukcapil.portal.population.Eligibility;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.ServicePointNames;
import id.dukcapil.portal.shared.ui.FitText;
import id.dukcapil.portal.shared.ui.Notifications;
import id.dukcapil.portal.shared.ui.OpensDialog;
import id.dukcapil.portal.shared.ui.StepTimer;
import id.dukcapil.portal.shared.ui.VaadinTexts;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * SOP D at the school, on the team's tablet: the kit and cards out, then student by student the recording status,
 * the registry against the birth certificate, the recording and the card printed on site at 17. Each tap is saved on
 * the server at once; the list shows what is saved, with its time, and after a lost connection "Muat ulang" shows
 * exactly what the server has (decision 096).
 */
@Route("lapangan")
@RolesAllowed({Roles.FIELD_OFFICER, Roles.OPERATOR, Roles.RECORDING_OPERATOR, Roles.PRINT_OPERATOR})
@Menu(title = "nav.schoolvisit.field", order = 66, icon = "vaadin:car")
class FieldView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern(VaadinTexts.DATE_FORMAT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    final Select<SchoolVisit> visits = new Select<>();
    final Div visitPanel = new Div();
    final FieldRoster rosterColumn;
    /** The roster and its search, as the field screen's tests and the officer know them. */
    final Grid<Student> roster;
    final TextField rosterSearch;
    final Div studentPanel = new Div();
    final Span saved = new Span();
    final Paragraph visitLine = new Paragraph();
    final IntegerField cards = new IntegerField();
    private final Binder<FieldForms.SetOut> setOutBinder = new Binder<>(FieldForms.SetOut.class);
    @Nullable CorrectionEditor correction;
    private final FieldDesk desk;
    private final VisitDesk visitDesk;
    private final OutpostHolds holds;
    /** The shown visit's checkout while it is out at an outpost: its changes are made there (issue 53). */
    @Nullable OutpostHold away;
    private final EnrolmentAnswers enrolment;
    private final ServicePointNames pointNames;
    private final Clock clock;
    @Nullable SchoolVisit visit;
    @Nullable FieldStudent current;
    /** Set while the visits' list is shown anew, whose visit is then shown once. */
    private boolean listing;
    /** The student's step against its standard (issue 54), beside their name. */
    final StepTimer stepClock = new StepTimer("field-step-clock");
    private final StepButtons buttons = new StepButtons(this, this::studentSaved);

    FieldView(FieldDesk desk, VisitDesk visitDesk, EnrolmentAnswers enrolment, ServicePointNames pointNames,
              OutpostHolds holds, Clock clock) {
        this.desk = desk;
        this.holds = holds;
        this.visitDesk = visitDesk;
        this.pointNames = pointNames;
        this.enrolment = enrolment;
        this.clock = clock;
        setWidthFull();
        addClassName("field-view");
        // Room below the last button, so that it can be scrolled clear of the messages at the screen's foot.
        getStyle().set("padding-bottom", "14rem");
        visits.setLabel(getTranslation("schoolvisit.field.visit"));
        visits.setItemLabelGenerator(v -> v.schoolName() + " · " + getTranslation(v.state().labelKey()));
        visits.addValueChangeListener(change -> {
            if (!listing) { // the list shown anew shows its visit once, after (showVisits)
                show(change.getValue());
            }
        });
        visits.setId("field-visit");
        visits.addClassName("value-wraps"); // a long school's name wraps whole on a phone (styles.css: .field-view)
        saved.setId("field-saved");
        visitLine.setId("field-visit-line");
        saved.addClassName("field-saved");
        cards.setLabel(getTranslation("schoolvisit.field.cards"));
        WholeNumbers.between(cards, 0, VisitDesk.CARDS_MAX);
        cards.setStepButtonsVisible(true);
        setOutBinder.forField(cards).withValidator(BeanRule.<Integer>of(FieldForms.SetOut.class, "cards")
                .withArgs(VisitDesk.CARDS_MAX)).bind("cards");
        setOutBinder.readBean(new FieldForms.SetOut(0));
        cards.setId("field-cards");

        rosterColumn = new FieldRoster(clock, student -> {
            if (visit != null) {
                unlessRefused(() -> showStudent(desk.student(visit.id(), student.id())));
                // Beside the roster on a tablet nothing moves; below it on a phone, the panel comes into view.
                studentPanel.scrollIntoView(new ScrollOptions(ScrollOptions.Behavior.AUTO,
                        ScrollOptions.Alignment.NEAREST, ScrollOptions.Alignment.NEAREST));
            }
        });
        roster = rosterColumn.grid;
        rosterSearch = rosterColumn.search;

        Button reload = new Button(getTranslation("schoolvisit.field.reload"), click -> reload());
        reload.setId("field-reload");
        HorizontalLayout top = new HorizontalLayout(visits, reload, saved);
        top.setAlignItems(Alignment.BASELINE);
        top.setWrap(true);
        top.setWidthFull(); // on a phone the visit's choice takes the screen's width, not its long name's
        studentPanel.setId("field-student");
        studentPanel.addClassName("field-student");
        // Side by side from an upright tablet (800 px) up, so that one student's work sits beside the list and the
        // next student is one tap away, not a scroll down and up (issue 36, item 7); one above the other on a phone.
        // On an upright tablet the roster keeps room for its four columns and the student's work about 340 px, its
        // buttons and fields whole (issue 54: at about 280 px "Perekaman gagal" was cut).
        FlexLayout body = new FlexLayout(rosterColumn, studentPanel);
        body.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        body.getStyle().set("gap", "var(--lumo-space-m)");
        body.setWidthFull();
        rosterColumn.getStyle().set("flex", "3 1 24rem").set("min-width", "0");
        studentPanel.getStyle().set("flex", "2 1 20rem").set("min-width", "0");
        add(new H2(getTranslation("schoolvisit.field.title")), top, visitPanel, body);
        List<SchoolVisit> today = visitDesk.today();
        showVisits(today, today.isEmpty() ? -1 : today.getFirst().id());
        if (today.isEmpty()) {
            visitPanel.add(new Paragraph(getTranslation("schoolvisit.field.no-visit")));
        } else {
            // A reload, a lost connection or a second tablet: the screen reopens on the student in the officer's hands.
            desk.inHand(today.getFirst().id()).ifPresent(this::showStudent);
        }
    }

    private void show(@Nullable SchoolVisit chosen) {
        visit = chosen;
        current = null;
        studentPanel.removeAll();
        visitPanel.removeAll();
        if (chosen == null) {
            rosterColumn.show(List.of());
            return;
        }
        visitLine.setText(visitLine(chosen));
        visitPanel.add(visitLine);
        away = holds.of(chosen.id()).orElse(null);
        if (away != null) {
            visitPanel.add(OutLine.of(away, clock.getZone()));
        }
        // Out at an outpost, the visit's actions are offered as a closed visit's are, none: the Dinas refuses them.
        switch (away == null ? chosen.state() : VisitState.CLOSED) {
            case PLANNED -> {
                Button setOut = buttons.button("schoolvisit.field.set-out", "field-set-out", () -> {
                    if (setOutBinder.validate().isOk()) { // else said at the field; the visit stays planned
                        visitChanged(visitDesk.setOut(chosen.id(), cards.getValue()), "schoolvisit.field.set-out-done");
                    }
                });
                setOut.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                HorizontalLayout row = new HorizontalLayout(cards, setOut);
                row.setAlignItems(Alignment.BASELINE);
                visitPanel.add(row);
            }
            case UNDERWAY -> {
                Button ready = buttons.button("schoolvisit.field.ready", "field-ready",
                        () -> visitChanged(visitDesk.ready(chosen.id()), "schoolvisit.field.ready-done"));
                Button close = new Button(getTranslation("schoolvisit.field.close"),
                        click -> unlessRefused(() -> new CloseVisitDialog(visitDesk.visit(chosen.id()),
                                () -> visitChanged(visitDesk.close(chosen.id()), "schoolvisit.field.closed")).open()));
                close.setId("field-close");
                OpensDialog.button(close);
                visitPanel.add(new HorizontalLayout(ready, close));
            }
            case CLOSED -> { }
        }
        rosterColumn.show(desk.roster(chosen.id()));
    }

    /**
     * Today's visits to choose from, the select wide enough for the longest school's name and state, and the visit
     * {@code chosen} shown once. The roster is not emptied between the list and its visit: a student tapped while the
     * server answered (the visit made ready) keeps its row and opens (FieldRoster#show).
     */
    private void showVisits(List<SchoolVisit> today, long chosen) {
        listing = true;
        try {
            visits.setItems(today);
            FitText.toItems(visits);
            visits.setValue(today.stream().filter(v -> v.id() == chosen).findFirst().orElse(null));
        } finally {
            listing = false;
        }
        show(visits.getValue());
    }

    private void visitChanged(SchoolVisit changed, String messageKey) {
        Notifications.success(getTranslation(messageKey, changed.schoolName()));
        savedNow();
        showVisits(visitDesk.today(), changed.id());
    }

    /** What the server has now: the visit, the roster and the open student, after a lost connection too. */
    void reload() {
        long openStudent = current == null ? -1 : current.student().id();
        unlessRefused(() -> {
            showVisits(visitDesk.today(), visit == null ? -1 : visit.id());
            if (visit != null && openStudent >= 0) {
                showStudent(desk.student(visit.id(), openStudent));
            }
            Notifications.success(getTranslation("schoolvisit.field.reloaded"));
        });
    }

    private void showStudent(FieldStudent student) {
        current = student;
        studentPanel.removeAll();
        Resident resident = student.resident();
        Student s = student.student();
        desk.step(s.id()).ifPresentOrElse(
                step -> stepClock.show(step.startedAt(), step.standard(), clock.instant()), stepClock::clear);
        HorizontalLayout named = new HorizontalLayout(new H3(resident.fullName()), stepClock);
        named.setAlignItems(FlexComponent.Alignment.BASELINE);
        named.getStyle().set("flex-wrap", "wrap");
        studentPanel.add(named);
        Span state = new Span(rosterColumn.stateText(s));
        state.setId("field-student-state");
        state.getElement().getThemeList().add("badge");
        studentPanel.add(state, new Paragraph(getTranslation("schoolvisit.field.registry", resident.nik().value(),
                resident.birthPlace(), DATE.format(resident.birthDate()), getTranslation("sex." + resident.sex().name()),
                orDash(resident.fatherName()), orDash(resident.motherName()), s.className())));
        long visitId = visit == null ? -1 : visit.id();
        long id = s.id();
        if (away != null) {
            studentPanel.add(OutLine.of(away, clock.getZone()));
            return;
        }
        if (visit == null || visit.state() != VisitState.UNDERWAY) {
            studentPanel.add(new Paragraph(getTranslation("schoolvisit.field.set-out-first")));
            return;
        }
        switch (s.state()) {
            case ON_ROSTER -> studentActions(student, visitId, id);
            case WAITING -> studentPanel.add(new CardStep(student, visitId, desk, enrolment, buttons));
            case PRINTED, HANDED_OVER -> studentPanel.add(new Paragraph(getTranslation(
                    "schoolvisit.field.printed-note")));
            case ENDED -> studentPanel.add(new EndedNote(student, pointNames, clock.getZone()));
        }
        rosterColumn.nextToSee(s).ifPresent(next -> {
            Button nextStudent = new Button(getTranslation("schoolvisit.field.next", next.fullName()),
                    VaadinIcon.ARROW_RIGHT.create(), click -> roster.select(next));
            nextStudent.setIconAfterText(true);
            nextStudent.setId("field-next");
            nextStudent.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            studentPanel.add(new Div(nextStudent));
        });
    }

    private void studentActions(FieldStudent student, long visitId, long id) {
        if (student.student().fieldStep() == null) {
            if (!student.sixteenOnDay() && visit != null) {
                Paragraph young = new Paragraph(getTranslation("schoolvisit.field.under-16", DATE.format(visit.day()),
                        DATE.format(Eligibility.birthday(student.resident().birthDate(),
                                Eligibility.SCHOOL_RECORDING_AGE))));
                young.setId("field-under-16");
                studentPanel.add(young);
                return;
            }
            primary("schoolvisit.field.begin", "field-begin", () -> desk.begin(visitId, id));
            return;
        }
        switch (student.student().fieldStep()) {
            case STATUS -> {
                studentPanel.add(new Paragraph(getTranslation("schoolvisit.field.status-found",
                        getTranslation(student.enrolmentStatus().labelKey()))));
                if (!student.cardsPrinted().isEmpty()) {
                    // Said before the tap: this student leaves SOP D at step 3 and why.
                    CardPrint last = student.cardsPrinted().getLast();
                    Paragraph cards = new Paragraph(getTranslation("schoolvisit.field.card-printed-before",
                            student.resident().fullName(), DATE.format(last.printedAt().atZone(clock.getZone())),
                            pointNames.nameOf(last.servicePoint())));
                    cards.setId("field-cards-printed");
                    studentPanel.add(cards);
                }
                primary("schoolvisit.field.status-checked", "field-status-checked",
                        () -> desk.statusChecked(visitId, id));
            }
            case SIAK -> {
                studentPanel.add(new Paragraph(getTranslation("schoolvisit.field.compare")));
                Button differs = buttons.button("schoolvisit.field.differs", "field-differs",
                        () -> studentSaved(desk.registryDiffers(visitId, id)));
                HorizontalLayout row = new HorizontalLayout(buttons.primary("schoolvisit.field.matches",
                        "field-matches", () -> desk.registryMatches(visitId, id)), differs);
                row.setWrap(true);
                studentPanel.add(row);
            }
            case UPDATE -> correctionForm(student, visitId, id);
            case RECORDING -> studentPanel.add(new RecordingStep(desk, visitId, id, buttons, this::recordingFailed));
        }
    }

    /** Step 6's failure saved: the student shown as the server has them, and said so in the panel. */
    private void recordingFailed(FieldStudent student) {
        studentSaved(student);
        Paragraph message = new Paragraph(getTranslation("schoolvisit.field.recording-failed-saved",
                student.resident().fullName()));
        message.setId("field-recording-failed-saved");
        message.getElement().setAttribute("role", "status");
        studentPanel.addComponentAtIndex(1, message);
    }

    private void correctionForm(FieldStudent student, long visitId, long id) {
        correction = new CorrectionEditor(desk, student, visitId, id, this::studentSaved);
        studentPanel.add(correction);
    }

    private void primary(String key, String id, Supplier<FieldStudent> action) {
        studentPanel.add(buttons.primary(key, id, action));
    }

    private void studentSaved(FieldStudent student) {
        if (visit != null) {
            visit = visitDesk.visit(visit.id());
            visitLine.setText(visitLine(visit));
            rosterColumn.show(desk.roster(visit.id()));
        }
        showStudent(student);
        savedNow();
        // Said in the panel, not in a toast: on a tablet a toast at the bottom would cover the next step's button.
        Paragraph message = new Paragraph(getTranslation("schoolvisit.field.saved-student",
                student.resident().fullName(), rosterColumn.stateText(student.student())));
        message.setId("field-student-saved");
        message.getElement().setAttribute("role", "status");
        message.addClassName("field-student-saved");
        message.getStyle().set("color", "var(--lumo-success-text-color)");
        studentPanel.addComponentAtIndex(1, message);
    }

    private String visitLine(SchoolVisit shown) {
        return getTranslation("schoolvisit.field.visit-line", DATE.format(shown.day()),
                getTranslation(shown.state().labelKey()), shown.cardsTaken(), shown.cardsLeft());
    }

    private void savedNow() {
        saved.setText(getTranslation("schoolvisit.field.saved-at", TIME.format(clock.instant().atZone(clock.getZone()))));
    }

    private static String orDash(@Nullable String text) {
        return text == null || text.isBlank() ? "–" : text;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("schoolvisit.field.title");
    }
}
