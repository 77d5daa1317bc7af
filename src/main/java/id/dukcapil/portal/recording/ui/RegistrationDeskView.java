package id.dukcapil.portal.recording.ui;

import static id.dukcapil.portal.shared.ui.Notifications.unlessRefused;

import id.dukcapil.portal.shared.i18n.PortalMessages;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import id.dukcapil.portal.notification.OfficeChannels;
import id.dukcapil.portal.recording.Applicant;
import id.dukcapil.portal.recording.DayClosing;
import id.dukcapil.portal.shared.ui.BoundForms;
import id.dukcapil.portal.shared.ui.FieldRefusals;
import java.util.Map;
import id.dukcapil.portal.recording.Priority;
import id.dukcapil.portal.recording.RecordingDayReports;
import id.dukcapil.portal.recording.RecordingDocuments;
import id.dukcapil.portal.recording.RecordingNeed;
import id.dukcapil.portal.recording.RegistrationDesk;
import id.dukcapil.portal.recording.Visit;
import id.dukcapil.portal.recording.VisitState;
import id.dukcapil.portal.recording.ui.forms.BiometricForm;
import id.dukcapil.portal.recording.ui.forms.DocumentCheckForm;
import id.dukcapil.portal.recording.ui.forms.NikForm;
import id.dukcapil.portal.recording.ui.forms.RegistrationForms;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.report.TableReportFiles;
import id.dukcapil.portal.shared.ui.DestructiveConfirm;
import id.dukcapil.portal.shared.ui.Notifications;
import id.dukcapil.portal.shared.ui.StepTimer;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import id.dukcapil.portal.population.Resident;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * SOP C step 2 at the registration desk: the resident's NIK (typed, or scanned: a scanner types and presses
 * Enter), the resident in person, the documents ticked, the biometric check's result, and the queue number to print;
 * beside it the visits sent back by the recording desk and the day's register.
 */
@Route("registrasi")
@RolesAllowed(Roles.REGISTRATION_OPERATOR)
@Menu(title = "nav.recording.registration", order = 62, icon = "vaadin:clipboard-user")
class RegistrationDeskView extends VerticalLayout implements HasDynamicTitle {

    final Div applicantPanel = new Div();
    /** The desk's forms' fields, as the desk's tests and the operator know them. */
    final TextField nik;
    final Checkbox inPerson;
    final CheckboxGroup<String> documents;
    final Select<Priority> priority;
    final TextField fault;
    final DayRegister lists;
    /** The lists' grids, as the desk's tests and the operator know them. */
    final Grid<Visit> sentBack;
    final Grid<Visit> register;
    private final RegistrationDesk desk;
    private final RecordingDocuments papers;
    private final OfficeChannels officeChannels;
    private final RegistrationForms forms = new RegistrationForms(this);
    private final FieldRefusals checkRefusals;
    /** The resident's step against its standard (issue 54), beside their name. */
    final StepTimer stepClock = new StepTimer("registration-step-clock");
    private final Clock clock;
    @Nullable Visit visit;
    @Nullable Applicant applicant;

    RegistrationDeskView(RegistrationDesk desk, RecordingDocuments papers, RecordingDayReports reports,
                         TableReportFiles files, DayClosing closing, OfficeChannels officeChannels, Clock clock) {
        this.desk = desk;
        this.clock = clock;
        this.officeChannels = officeChannels;
        this.papers = papers;
        setSizeFull();
        nik = forms.nik;
        inPerson = forms.inPerson;
        documents = forms.documents;
        priority = forms.priority;
        fault = forms.fault;
        nik.addKeyPressListener(Key.ENTER, enter -> lookUp());
        Button find = new Button(getTranslation("recording.registration.find"), click -> lookUp());
        find.setId("recording-find");
        HorizontalLayout search = new HorizontalLayout(nik, find);
        search.setAlignItems(FlexComponent.Alignment.BASELINE);
        checkRefusals = FieldRefusals.of(Map.of("recording.error.in-person", inPerson,
                "recording.error.documents-missing", documents));

        VerticalLayout left = new VerticalLayout(new H3(getTranslation("recording.registration.title")), search,
                applicantPanel);
        left.setPadding(false);
        // Side by side on a desk's screen; on an upright tablet (800 px) the register goes below the resident, whole,
        // its buttons in sight (issue 54: "Antrekan lagi" and "Tutup hari" were off the screen's edge).
        left.getStyle().set("flex", "1 1 26rem").set("max-width", "34rem").set("min-width", "0");
        lists = new DayRegister(desk, reports, files, closing, clock, this::done);
        lists.getStyle().set("flex", "1 1 26rem").set("min-width", "0");
        sentBack = lists.sentBack;
        register = lists.register;
        FlexLayout body = new FlexLayout(left, lists);
        body.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        body.getStyle().set("gap", "var(--lumo-space-m)");
        body.setSizeFull();
        // The point's day at an outpost: said first, the desk's steps are the outpost's until it comes back.
        desk.dayOut().ifPresent(out -> add(DayOutLine.of(out)));
        add(body);
        refreshLists();
        // A reload in the middle of a resident: the desk reopens on them, at the visit's own step.
        // The NIK field stays empty for the next scan: filled, a scan added nothing and Enter reopened the old person.
        desk.inHand().ifPresent(open -> lookUp(open.nik()));
    }

    /**
     * A NIK shows the resident; a KK number (the KK's barcode scanned) shows the family to choose from. Sixteen
     * digits may be both: then the resident, and the family below.
     */
    void lookUp() {
        if (forms.nikBinder.validate().hasErrors()) {
            forgetUnbegun(); // said at the field; the register is not asked, and the last resident's actions go
            return;
        }
        String typed = nik.getValue().strip();
        Visit unfinished = visit;
        if (unfinished != null && atRegistration(unfinished) && !unfinished.nik().equals(typed)) {
            askAboutUnfinished(unfinished, typed);
            return;
        }
        lookUp(typed);
    }

    private void lookUp(String number) {
        List<Resident> family = desk.familyOf(number);
        try {
            showApplicant(desk.lookup(number));
            if (!family.isEmpty()) {
                applicantPanel.add(new Paragraph(getTranslation("recording.registration.also-kk")));
                addMembers(family);
            }
        } catch (RuleViolation notAResident) {
            if (family.isEmpty()) {
                forgetUnbegun();
                // At the field the operator is typing or scanning in (Enter looks up), not in a message over it.
                Notifications.at(nik, notAResident);
            } else {
                visit = null;
                applicantPanel.removeAll();
                applicantPanel.add(new Paragraph(getTranslation("recording.registration.choose-member")));
                addMembers(family);
            }
        }
    }

    /**
     * A resident looked up whose visit has not begun is no longer on screen once another number is typed: their
     * "Berkas diterima" would begin a visit for the wrong person (issue 54). A visit under way stays.
     */
    private void forgetUnbegun() {
        if (visit == null || !atRegistration(visit)) {
            visit = null;
            applicant = null;
            stepClock.clear();
            applicantPanel.removeAll();
        }
    }

    private static boolean atRegistration(Visit visit) {
        return visit.state() == VisitState.CHECKING || visit.state() == VisitState.BIOMETRIC_CHECK;
    }

    /**
     * Another number while a registration is unfinished: the desk says what is open and asks what to do with it
     * (issue 54: the old visit stayed in the register as "Cek iris/sidik jari" without a word). Going on with the
     * resident is the focused, safe choice; closing records the registration as not finished.
     */
    private void askAboutUnfinished(Visit unfinished, String next) {
        String name = unfinished.fullName();
        DestructiveConfirm.ask(getTranslation("recording.registration.unfinished.header", name),
                getTranslation("recording.registration.unfinished.text", name,
                        getTranslation(unfinished.state().labelKey()), next),
                getTranslation("recording.registration.unfinished.keep", name),
                getTranslation("recording.registration.unfinished.close"), () -> {
                    try {
                        desk.closeUnfinished(unfinished.id());
                    } catch (RuleViolation refused) {
                        Notifications.error(refused);
                        return;
                    }
                    Notifications.success(getTranslation("recording.registration.unfinished.closed", name));
                    visit = null;
                    applicant = null;
                    refreshLists();
                    lookUp(next);
                });
    }

    private void addMembers(List<Resident> family) {
        applicantPanel.add(new FamilyChoice(family, member -> {
            nik.setValue(member);
            lookUp();
        }));
    }

    private void showApplicant(Applicant applicant) {
        this.applicant = applicant;
        visit = applicant.openVisit();
        applicantPanel.removeAll();
        var resident = applicant.resident();
        applicantPanel.add(new H3(resident.fullName()), new Paragraph(getTranslation("recording.registration.who",
                resident.nik().value(), resident.birthPlace(), PortalMessages.DATE.format(resident.birthDate()),
                applicant.familyMembers(), getTranslation(applicant.enrolmentStatus().labelKey()))));
        if (applicant.notEligible() != null) {
            Span refusal = new Span(getTranslation(applicant.notEligible().messageKey(),
                    applicant.notEligible().argsArray()));
            refusal.getElement().getThemeList().add("badge error");
            applicantPanel.add(refusal);
            return;
        }
        if (visit != null) {
            applicantPanel.add(new Paragraph(getTranslation("recording.registration.open-visit",
                    getTranslation(visit.state().labelKey()))));
            switch (visit.state()) { // the desk reopens on the visit's own next step
                case CHECKING -> showCheck(applicant);
                case BIOMETRIC_CHECK -> showBiometricStep();
                default -> {
                }
            }
            return;
        }
        // Step 1 runs from the lookup (the resident at the desk) until the operator has the documents in hand.
        Button received = button("recording.registration.received", "recording-received", () -> {
            visit = desk.begin(resident.nik().value(), applicant.at());
            showCheck(applicant);
        });
        received.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        applicantPanel.add(new Paragraph(getTranslation("recording.registration.hand-over")), received);
    }

    /** Step 2's document check: the resident in person, every document ticked; or the documents back. */
    private void showCheck(Applicant applicant) {
        Visit current = java.util.Objects.requireNonNull(visit);
        applicantPanel.removeAll();
        applicantPanel.add(named(current));
        forms.checkDocuments(applicant.documents());
        Button inOrder = new Button(getTranslation("recording.registration.documents-ok"), click -> {
            Optional<DocumentCheckForm> written = BoundForms.record(forms.checkBinder);
            if (written.isEmpty()) {
                return; // each field says what is missing; the visit stays at the check
            }
            DocumentCheckForm checked = written.get();
            try {
                visit = desk.documentsInOrder(current.id(), Set.copyOf(checked.documents()), checked.inPerson());
            } catch (RuleViolation refused) {
                checkRefusals.show(refused);
                return;
            }
            showBiometricStep();
        });
        inOrder.setId("recording-documents-ok");
        inOrder.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button giveBack = button("recording.registration.return", "recording-return", () -> {
            Set<String> reasons = new LinkedHashSet<>(applicant.documents());
            reasons.removeAll(documents.getValue());
            if (!inPerson.getValue()) {
                reasons.add("NOT_IN_PERSON");
            }
            visit = desk.returnDocuments(current.id(), reasons);
            done(getTranslation("recording.registration.returned", current.fullName()));
        });
        applicantPanel.add(inPerson, documents, new HorizontalLayout(inOrder, giveBack));
        refreshLists();
    }

    /**
     * The register's answer first: a recording it knows is explained (no queue number to give), a failed enrolment
     * is queued; only "not recorded" asks for the officer's iris/fingerprint check. One primary action each.
     */
    private void showBiometricStep() {
        applicantPanel.removeAll();
        Visit current = java.util.Objects.requireNonNull(visit);
        RecordingNeed need = applicant == null ? RecordingNeed.CHECK_BIOMETRICS : applicant.need();
        Paragraph what = new Paragraph(getTranslation(need.labelKey()));
        what.setId("recording-need");
        applicantPanel.add(named(current), what);
        Button queue = button(need == RecordingNeed.RECORD_AGAIN ? "recording.registration.record-again"
                : "recording.registration.not-recorded", "recording-not-recorded", () -> biometricChecked(current,
                false));
        queue.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button recorded = button(need == RecordingNeed.ALREADY_RECORDED ? "recording.registration.explain"
                : "recording.registration.already-recorded", "recording-already-recorded", () -> biometricChecked(
                current, true));
        forms.biometricBinder.readBean(BiometricForm.empty());
        switch (need) {
            case CHECK_BIOMETRICS -> applicantPanel.add(priority, fault, new HorizontalLayout(queue, recorded));
            case RECORD_AGAIN -> applicantPanel.add(priority, fault, new HorizontalLayout(queue));
            case ALREADY_RECORDED -> {
                recorded.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                applicantPanel.add(fault, new HorizontalLayout(recorded));
            }
        }
    }

    /** The resident's name and the clock of the step the visit is in. */
    private HorizontalLayout named(Visit current) {
        desk.step(current.id()).ifPresentOrElse(
                step -> stepClock.show(step.startedAt(), step.standard(), clock.instant()), stepClock::clear);
        HorizontalLayout named = new HorizontalLayout(new H3(current.fullName()), stepClock);
        named.setAlignItems(FlexComponent.Alignment.BASELINE);
        return named;
    }

    /** The check's result sent only when its form is valid (a fault too long is said at the field). */
    private void biometricChecked(Visit current, boolean alreadyRecorded) {
        Optional<BiometricForm> written = BoundForms.record(forms.biometricBinder);
        if (written.isEmpty()) {
            return;
        }
        BiometricForm checked = written.get();
        visit = desk.biometricCheck(current.id(), alreadyRecorded, alreadyRecorded ? null : checked.priority(),
                checked.fault());
        afterBiometricCheck(visit);
    }

    /** The register may have changed since the resident was looked up: the screen shows what the desk did. */
    private void afterBiometricCheck(Visit checked) {
        if (checked.ticket() != null) {
            showTicket(checked);
            return;
        }
        applicantPanel.removeAll();
        Paragraph explanation = new Paragraph(checked.explanation());
        explanation.setId("recording-explanation");
        applicantPanel.add(new H3(getTranslation("recording.state.ALREADY_RECORDED")), explanation);
        refreshLists();
    }

    private void showTicket(Visit queued) {
        applicantPanel.removeAll();
        applicantPanel.add(new QueuedTicket(queued, papers, desk, officeChannels));
        forms.nextNumber();
        refreshLists();
    }

    void done(String message) {
        Notifications.success(message);
        applicantPanel.removeAll();
        visit = null;
        forms.nextNumber();
        refreshLists();
    }

    /** Says what closing will close before it does. */
    void confirmClose() {
        lists.confirmClose();
    }

    void refreshLists() {
        lists.refresh();
    }

    private Button button(String key, String id, Runnable action) {
        Button button = new Button(getTranslation(key), click -> unlessRefused(action));
        button.setId(id);
        return button;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("recording.registration.title");
    }
}
