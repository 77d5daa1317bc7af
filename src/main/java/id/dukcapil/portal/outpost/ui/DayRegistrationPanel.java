package id.dukcapil.portal.outpost.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import id.dukcapil.portal.outpost.DayDesks;
import id.dukcapil.portal.outpost.DayRegistration;
import id.dukcapil.portal.recording.VisitState;
import id.dukcapil.portal.recording.ui.forms.BiometricForm;
import id.dukcapil.portal.recording.ui.forms.DocumentCheckForm;
import id.dukcapil.portal.recording.ui.forms.RegistrationForms;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.ui.BoundForms;
import id.dukcapil.portal.shared.ui.EnterSubmits;
import id.dukcapil.portal.shared.ui.Notifications;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * SOP C step 2 on the kecamatan's outpost: the Dinas's own forms (the number, the documents, the biometric check), the
 * resident from the day's sealed list, and the number given with the outpost's prefix, said large. The visit in hand
 * comes back after a reload.
 */
class DayRegistrationPanel extends VerticalLayout {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    final RegistrationForms forms = new RegistrationForms(this);
    final Button find = new Button();
    final Button begin = new Button();
    final Button inOrder = new Button();
    final Button giveBack = new Button();
    final Button queue = new Button();
    final Button recordedBefore = new Button();
    final Paragraph who = new Paragraph();
    final Paragraph result = new Paragraph();
    final Grid<DayDesks.Visit> sentBack = new Grid<>();
    private final VerticalLayout documents = new VerticalLayout();
    private final VerticalLayout biometric = new VerticalLayout();
    private final DayRegistration desk;
    private final Supplier<String> operator;
    private final Clock clock;
    private final Runnable changed;
    private DayDesks.@Nullable Resident resident;
    private DayDesks.@Nullable Visit inHand;
    private Instant lookedUpAt = Instant.EPOCH;
    private @Nullable VisitState formsFor;

    DayRegistrationPanel(DayRegistration desk, Supplier<String> operator, Clock clock, Runnable changed) {
        this.desk = desk;
        this.operator = operator;
        this.clock = clock;
        this.changed = changed;
        setPadding(false);
        forms.nik.setId("day-nik");
        forms.inPerson.setId("day-in-person");
        forms.documents.setId("day-documents");
        forms.priority.setId("day-priority");
        forms.fault.setId("day-fault-registration");
        find.setText(getTranslation("recording.registration.find"));
        find.setIcon(VaadinIcon.SEARCH.create());
        find.setId("day-find");
        find.addClickListener(click -> find());
        EnterSubmits.on(find, forms.nik);
        who.setId("day-who");
        result.setId("day-result");
        result.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("font-weight", "600");
        begin.setText(getTranslation("outpost.day.begin"));
        begin.setId("day-begin");
        begin.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        begin.addClickListener(click -> act(() -> desk.begin(resident().nik(), lookedUpAt)));
        inOrder.setText(getTranslation("recording.registration.documents-ok"));
        inOrder.setId("day-in-order");
        inOrder.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        inOrder.addClickListener(click -> BoundForms.record(forms.checkBinder).ifPresent(check -> act(() ->
                desk.documentsInOrder(visit().key(), check.documents(), check.inPerson()))));
        giveBack.setText(getTranslation("outpost.day.give-back"));
        giveBack.setId("day-give-back");
        giveBack.addThemeVariants(ButtonVariant.LUMO_ERROR);
        giveBack.addClickListener(click -> act(() -> desk.returnDocuments(visit().key(), missing())));
        queue.setText(getTranslation("outpost.day.queue"));
        queue.setId("day-queue");
        queue.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        queue.addClickListener(click -> biometricCheck(false));
        recordedBefore.setText(getTranslation("outpost.day.recorded-before"));
        recordedBefore.setId("day-recorded-before");
        recordedBefore.addClickListener(click -> biometricCheck(true));
        documents.setPadding(false);
        documents.add(forms.inPerson, forms.documents, new HorizontalLayout(inOrder, giveBack));
        biometric.setPadding(false);
        biometric.add(forms.priority, forms.fault, new HorizontalLayout(queue, recordedBefore));
        sentBack.setId("day-sent-back");
        sentBack.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        sentBack.addColumn(DayDesks.Visit::ticket).setHeader(getTranslation("recording.report.column.ticket"))
                .setAutoWidth(true).setFlexGrow(0);
        sentBack.addColumn(visit -> visit.fullName() + " · " + visit.failureReason())
                .setHeader(getTranslation("recording.report.column.name"));
        sentBack.addComponentColumn(this::requeueButton).setAutoWidth(true).setFlexGrow(0);
        sentBack.setAllRowsVisible(true);
        HorizontalLayout lookup = new HorizontalLayout(forms.nik, find);
        lookup.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        lookup.setWrap(true);
        add(new H3(getTranslation("recording.registration.title")), lookup, who, begin, documents, biometric, result,
                new H4(getTranslation("outpost.day.sent-back")), sentBack);
        inHand = desk.inHand(operator.get()).orElse(null);
        if (inHand != null) {
            resident = desk.lookup(inHand.nik());
        }
        show();
    }

    private void find() {
        if (forms.nikBinder.validate().hasErrors()) {
            return;
        }
        try {
            lookedUpAt = clock.instant();
            resident = desk.lookup(forms.nik.getValue());
            inHand = resident.openVisit();
            result.setText("");
        } catch (RuleViolation refused) {
            resident = null;
            inHand = null;
            Notifications.at(forms.nik, refused);
        }
        show();
    }

    private void biometricCheck(boolean alreadyRecorded) {
        Optional<BiometricForm> check = BoundForms.record(forms.biometricBinder);
        check.ifPresent(form -> act(() -> desk.biometricCheck(visit().key(), alreadyRecorded, form.priority(),
                form.fault())));
    }

    /** The documents not ticked, and "not in person" if so: why they are returned. */
    private Set<String> missing() {
        Set<String> reasons = new LinkedHashSet<>(resident().documents());
        reasons.removeAll(forms.documents.getValue());
        if (!forms.inPerson.getValue()) {
            reasons.add("NOT_IN_PERSON");
        }
        return reasons; // none: every document here, in person, the desk says there is no reason

    }

    private void act(Supplier<DayDesks.Visit> step) {
        try {
            inHand = step.get();
            tell(inHand);
            changed.run();
        } catch (RuleViolation refused) {
            Notifications.error(refused);
        }
        show();
    }

    /** What the resident is told, large: their number, why the documents went back, or the explanation. */
    private void tell(DayDesks.Visit visit) {
        switch (visit.state()) {
            case QUEUED -> result.setText(getTranslation("outpost.day.number", visit.ticket()));
            case DOCUMENTS_RETURNED -> result.setText(getTranslation("recording.registration.returned",
                    visit.fullName()));
            case ALREADY_RECORDED -> result.setText(visit.explanation());
            default -> result.setText("");
        }
        if (visit.state().finished() || visit.state() == VisitState.QUEUED) {
            forms.nextNumber();
            resident = null;
            inHand = null;
        }
    }

    private void show() {
        DayDesks.Resident shown = resident;
        who.setVisible(shown != null);
        if (shown != null) {
            String status = getTranslation(shown.enrolmentStatus().labelKey())
                    + (shown.waitsForCentre() ? " · " + getTranslation("outpost.student.waiting-centre") : "");
            String refusal = shown.refusal() == null ? ""
                    : " · " + getTranslation(shown.refusal(), shown.refusalArgs().toArray());
            who.setText(shown.fullName() + " · " + DAY.format(shown.birthDate()) + " · " + status + refusal);
        }
        VisitState state = inHand == null ? null : inHand.state();
        begin.setVisible(shown != null && inHand == null && shown.refusal() == null);
        documents.setVisible(state == VisitState.CHECKING);
        biometric.setVisible(state == VisitState.BIOMETRIC_CHECK);
        // The forms are emptied when a visit comes to their step, not at every redraw: a refused click keeps the ticks.
        if (state != formsFor) {
            if (state == VisitState.CHECKING && shown != null) {
                forms.checkDocuments(shown.documents());
                forms.checkBinder.readBean(DocumentCheckForm.empty());
            }
            if (state == VisitState.BIOMETRIC_CHECK) {
                forms.biometricBinder.readBean(BiometricForm.empty());
            }
            formsFor = state;
        }
        // A visit of today past the registration desk (queued, called, recorded): said, with its number.
        if (inHand != null && state != VisitState.CHECKING && state != VisitState.BIOMETRIC_CHECK) {
            result.setText(getTranslation("recording.registration.open-visit", (inHand.ticket() == null ? "-"
                    : inHand.ticket()) + " · " + getTranslation("recording.state." + state.name())));
        }
        sentBack.setItems(desk.sentBack());
    }

    private Button requeueButton(DayDesks.Visit visit) {
        Button requeue = new Button(getTranslation("outpost.day.requeue"));
        requeue.addThemeVariants(ButtonVariant.LUMO_SMALL);
        requeue.setId("day-requeue-" + visit.ticket());
        requeue.addClickListener(click -> {
            if (Notifications.unlessRefused(() -> desk.requeue(visit.key()))) {
                Notifications.success(getTranslation("outpost.day.requeued", visit.ticket()));
                changed.run();
            }
            show();
        });
        return requeue;
    }

    private DayDesks.Resident resident() {
        if (resident == null) {
            throw new RuleViolation("outpost.day.find-first");
        }
        return resident;
    }

    private DayDesks.Visit visit() {
        if (inHand == null) {
            throw new RuleViolation("outpost.day.find-first");
        }
        return inHand;
    }
}
