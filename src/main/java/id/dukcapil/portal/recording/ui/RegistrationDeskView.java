package id.dukcapil.portal.recording.ui;

import static id.dukcapil.portal.shared.ui.Notifications.unlessRefused;

import id.dukcapil.portal.shared.i18n.PortalMessages;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import id.dukcapil.portal.audit.PersonalData;
import id.dukcapil.portal.audit.PersonalDataViews;
import id.dukcapil.portal.notification.Channel;
import id.dukcapil.portal.notification.OfficeChannels;
import id.dukcapil.portal.recording.Applicant;
import id.dukcapil.portal.recording.DayClosing;
import id.dukcapil.portal.recording.VisitState;
import id.dukcapil.portal.shared.ui.DestructiveConfirm;
import id.dukcapil.portal.shared.ui.OpensDialog;
import java.util.Map;
import java.util.stream.Collectors;
import id.dukcapil.portal.recording.Priority;
import id.dukcapil.portal.recording.RecordingDayReports;
import id.dukcapil.portal.recording.RecordingDocuments;
import id.dukcapil.portal.recording.RecordingNeed;
import id.dukcapil.portal.recording.RegistrationDesk;
import id.dukcapil.portal.recording.Visit;
import id.dukcapil.portal.shared.Email;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.report.TableReport;
import id.dukcapil.portal.shared.report.TableReportFiles;
import id.dukcapil.portal.shared.ui.FitText;
import id.dukcapil.portal.shared.ui.ListedRows;
import id.dukcapil.portal.shared.ui.Notifications;
import id.dukcapil.portal.shared.ui.RowActions;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import id.dukcapil.portal.population.Resident;
import id.dukcapil.portal.shared.PhoneNumber;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    final TextField nik = new TextField();
    final Div applicantPanel = new Div();
    final Checkbox inPerson = new Checkbox();
    final CheckboxGroup<String> documents = new CheckboxGroup<>();
    final Select<Priority> priority = new Select<>();
    final TextField fault = new TextField();
    final Grid<Visit> sentBack = new Grid<>();
    final Grid<Visit> register = new Grid<>();
    /** Each row keeps its data key while listed: what a click on its button names (decision 163). */
    private final ListedRows<Visit> sentBackRows = ListedRows.of(sentBack, Visit::id);
    private final RegistrationDesk desk;
    private final RecordingDocuments papers;
    private final DayClosing closing;
    private final Clock clock;
    private final PersonalDataViews personalData;
    private final OfficeChannels officeChannels;
    @Nullable Visit visit;
    @Nullable Applicant applicant;

    RegistrationDeskView(RegistrationDesk desk, RecordingDocuments papers, RecordingDayReports reports,
                         TableReportFiles files, DayClosing closing, PersonalDataViews personalData,
                         OfficeChannels officeChannels, Clock clock) {
        this.desk = desk;
        this.officeChannels = officeChannels;
        this.personalData = personalData;
        this.closing = closing;
        this.papers = papers;
        this.clock = clock;
        setSizeFull();
        nik.setLabel(getTranslation("recording.registration.nik"));
        nik.setMaxLength(Nik.LENGTH);
        nik.setAllowedCharPattern("[0-9]");
        nik.setAutofocus(true);
        nik.setId("recording-nik");
        nik.addKeyPressListener(Key.ENTER, enter -> lookUp());
        Button find = new Button(getTranslation("recording.registration.find"), click -> lookUp());
        find.setId("recording-find");
        HorizontalLayout search = new HorizontalLayout(nik, find);
        search.setAlignItems(FlexComponent.Alignment.BASELINE);
        inPerson.setLabel(getTranslation("recording.registration.in-person"));
        documents.setItemLabelGenerator(code -> getTranslation("recording.document." + code));
        documents.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
        priority.setLabel(getTranslation("recording.registration.priority"));
        priority.setItems(Priority.values());
        priority.setItemLabelGenerator(p -> p == null ? getTranslation("recording.registration.no-priority")
                : getTranslation(p.labelKey()));
        priority.setEmptySelectionAllowed(true);
        priority.setEmptySelectionCaption(getTranslation("recording.registration.no-priority"));
        fault.setLabel(getTranslation("recording.fault.label"));
        fault.setPlaceholder(getTranslation("recording.fault.placeholder"));
        fault.setMaxLength(200);
        fault.setWidthFull();

        sentBack.addColumn(Visit::ticket).setHeader(getTranslation("recording.report.column.ticket")).setAutoWidth(true);
        sentBack.addColumn(Visit::fullName).setHeader(getTranslation("recording.report.column.name"));
        sentBack.addColumn(Visit::failureReason).setHeader(getTranslation("recording.registration.reason"));
        RowActions.<Visit>of(Visit::id).button("requeue-", getTranslation("recording.registration.requeue"),
                sent -> true, sent -> unlessRefused(() -> {
                    Visit again = desk.requeue(sent.id());
                    done(getTranslation("recording.registration.requeued", again.ticket()));
                })).addTo(sentBack);
        sentBack.setEmptyStateText(getTranslation("recording.registration.none-sent-back"));
        sentBack.setAllRowsVisible(true);
        register.addColumn(v -> TIME.format(v.startedAt().atZone(clock.getZone())))
                .setHeader(getTranslation("recording.report.column.time")).setAutoWidth(true).setFlexGrow(0);
        register.addColumn(v -> v.ticket() == null ? "–" : v.ticket())
                .setHeader(getTranslation("recording.report.column.ticket")).setAutoWidth(true).setFlexGrow(0);
        register.addColumn(Visit::fullName).setHeader(getTranslation("recording.report.column.name"));
        register.addColumn(v -> getTranslation(v.closedFrom() != null ? "recording.closed." + v.closedFrom()
                        : v.state().labelKey()))
                .setHeader(getTranslation("recording.report.column.outcome"));
        register.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        register.setEmptyStateText(getTranslation("recording.registration.empty-register"));
        Anchor pdf = new Anchor(DownloadHandler.fromInputStream(event -> {
            var report = reports.mine(java.time.LocalDate.now(clock), getLocale());
            downloaded("registrasi/register-pdf", report);
            byte[] bytes = files.pdf(report, getLocale());
            return new DownloadResponse(new ByteArrayInputStream(bytes), report.fileName() + ".pdf",
                    "application/pdf", bytes.length);
        }), getTranslation("recording.registration.report-pdf"));
        pdf.setTarget(AnchorTarget.BLANK);
        Anchor xlsx = new Anchor(DownloadHandler.fromInputStream(event -> {
            var report = reports.mine(java.time.LocalDate.now(clock), getLocale());
            downloaded("registrasi/register-xlsx", report);
            var out = new java.io.ByteArrayOutputStream();
            files.xlsx(report, out);
            return new DownloadResponse(new ByteArrayInputStream(out.toByteArray()), report.fileName() + ".xlsx",
                    TableReportFiles.XLSX, out.size());
        }), getTranslation("recording.registration.report-xlsx"));

        Button closeDay = new Button(getTranslation("recording.close.button"), click -> confirmClose());
        closeDay.setId("recording-close-day");
        closeDay.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        OpensDialog.button(closeDay);

        VerticalLayout left = new VerticalLayout(new H3(getTranslation("recording.registration.title")), search,
                applicantPanel);
        left.setPadding(false);
        left.setWidth("34rem");
        left.getStyle().set("flex", "0 0 auto");
        VerticalLayout right = new VerticalLayout(new H3(getTranslation("recording.registration.sent-back")), sentBack,
                new HorizontalLayout(new H3(getTranslation("recording.registration.register")), pdf, xlsx,
                        closeDay), register);
        right.setPadding(false);
        right.setSizeFull();
        HorizontalLayout body = new HorizontalLayout(left, right);
        body.setSizeFull();
        add(body);
        refreshLists();
        // A reload in the middle of a resident: the desk reopens on them, at the visit's own step.
        desk.inHand().ifPresent(open -> {
            nik.setValue(open.nik());
            lookUp();
        });
    }

    /**
     * A NIK shows the resident; a KK number (the KK's barcode scanned) shows the family to choose from. Sixteen
     * digits may be both: then the resident, and the family below.
     */
    void lookUp() {
        nik.setInvalid(false);
        List<Resident> family = desk.familyOf(nik.getValue());
        try {
            showApplicant(desk.lookup(nik.getValue()));
            if (!family.isEmpty()) {
                familyShown(family);
                applicantPanel.add(new Paragraph(getTranslation("recording.registration.also-kk")));
                addMembers(family);
            }
        } catch (RuleViolation notAResident) {
            if (family.isEmpty()) {
                // At the field the operator is typing or scanning in (Enter looks up), not in a message over it.
                Notifications.at(nik, notAResident);
            } else {
                familyShown(family);
                visit = null;
                applicantPanel.removeAll();
                applicantPanel.add(new Paragraph(getTranslation("recording.registration.choose-member")));
                addMembers(family);
            }
        }
    }

    /** The typed number was a KK number: its family is listed to choose from. */
    private void familyShown(List<Resident> family) {
        List<PersonalData> shown = new java.util.ArrayList<>();
        shown.add(PersonalData.kk(nik.getValue()));
        family.forEach(member -> shown.add(PersonalData.of(member.nik())));
        personalData.viewed("registrasi", shown);
    }

    /** The day's register names every resident of the day: each is in the file, so each is recorded first. */
    private void downloaded(String download, TableReport report) {
        personalData.downloaded(download, report.people().stream().map(PersonalData::nik).toList());
    }

    private void addMembers(List<Resident> family) {
        for (Resident member : family) {
            Button choose = new Button(member.fullName() + " · " + getTranslation(member.relationship().labelKey()),
                    click -> {
                        nik.setValue(member.nik().value());
                        lookUp();
                    });
            choose.setId("member-" + member.nik().value());
            choose.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            applicantPanel.add(new Div(choose));
        }
    }

    private void showApplicant(Applicant applicant) {
        this.applicant = applicant;
        visit = applicant.openVisit();
        applicantPanel.removeAll();
        var resident = applicant.resident();
        personalData.viewed("registrasi", PersonalData.of(resident.nik()));
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
        applicantPanel.add(new H3(current.fullName()));
        documents.setItems(applicant.documents());
        documents.clear();
        inPerson.clear();
        Button inOrder = button("recording.registration.documents-ok", "recording-documents-ok", () -> {
            visit = desk.documentsInOrder(current.id(), Set.copyOf(documents.getValue()), inPerson.getValue());
            showBiometricStep();
        });
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
        applicantPanel.add(new H3(current.fullName()), what);
        Button queue = button(need == RecordingNeed.RECORD_AGAIN ? "recording.registration.record-again"
                : "recording.registration.not-recorded", "recording-not-recorded", () -> {
            visit = desk.biometricCheck(current.id(), false, priority.getValue(), fault.getValue());
            afterBiometricCheck(visit);
        });
        queue.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button recorded = button(need == RecordingNeed.ALREADY_RECORDED ? "recording.registration.explain"
                : "recording.registration.already-recorded", "recording-already-recorded", () -> {
            visit = desk.biometricCheck(current.id(), true, null, fault.getValue());
            afterBiometricCheck(visit);
        });
        fault.clear();
        switch (need) {
            case CHECK_BIOMETRICS -> applicantPanel.add(priority, fault, new HorizontalLayout(queue, recorded));
            case RECORD_AGAIN -> applicantPanel.add(priority, fault, new HorizontalLayout(queue));
            case ALREADY_RECORDED -> {
                recorded.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                applicantPanel.add(fault, new HorizontalLayout(recorded));
            }
        }
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
        Span number = new Span(queued.ticket());
        number.setId("recording-ticket");
        // Its own line: the print link beside it read as one word with it ("001Cetak tiket antrean").
        number.getStyle().set("font-size", "4rem").set("font-weight", "700").set("display", "block");
        Anchor print = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] pdf = papers.queueTicket(queued);
            return new DownloadResponse(new ByteArrayInputStream(pdf), "antrean-" + queued.ticket() + ".pdf",
                    "application/pdf", pdf.length);
        }), getTranslation("recording.registration.print-ticket"));
        print.setTarget(AnchorTarget.BLANK);
        applicantPanel.add(new Paragraph(getTranslation("recording.registration.queued", queued.fullName())), number,
                print, turnNotice(queued));
        nik.clear();
        nik.focus();
        refreshLists();
    }

    /**
     * The desk asks whether the resident wants to be told when their turn nears, and where: an e-mail address, or a
     * mobile number for WhatsApp or SMS; nothing to do if not. A wrong address or number is told at its field, what
     * was typed kept; once asked, the form says so and cannot ask twice.
     */
    private Details turnNotice(Visit queued) {
        RadioButtonGroup<Channel> channel = new RadioButtonGroup<>(getTranslation("recording.registration.turn-channel"));
        channel.setId("recording-turn-channel");
        channel.setItems(officeChannels.offered()); // only what can reach the resident here
        channel.setItemLabelGenerator(value -> getTranslation("recording.registration.turn-by." + value.name()));
        channel.setValue(Channel.EMAIL);
        TextField email = new TextField(getTranslation("recording.registration.turn-email"));
        email.setId("recording-turn-email");
        email.setMaxLength(Email.MAX_LENGTH);
        email.setWidth("22em"); // a citizen's address whole, as long ones are (nama.panjang@kantor-desa.go.id)
        email.setMaxWidth("100%");
        TextField phone = new TextField(getTranslation("recording.registration.turn-phone"));
        phone.setId("recording-turn-phone");
        phone.setMaxLength(PhoneNumber.MAX_LENGTH);
        phone.setVisible(false);
        channel.addValueChangeListener(chosen -> {
            email.setVisible(chosen.getValue() == Channel.EMAIL);
            phone.setVisible(chosen.getValue() != Channel.EMAIL);
        });
        Select<Locale> language = new Select<>();
        language.setLabel(getTranslation("recording.registration.turn-language"));
        language.setItems(Locale.of("id"), Locale.ENGLISH);
        language.setItemLabelGenerator(locale -> getTranslation("recording.language." + locale.getLanguage()));
        language.setValue(Locale.of("id"));
        FitText.toItems(language);
        Button ask = new Button(getTranslation("recording.registration.turn-ask"));
        ask.setId("recording-turn-ask");
        ask.addClickListener(click -> {
            Channel by = channel.getValue();
            TextField reach = by == Channel.EMAIL ? email : phone;
            try {
                desk.askTurnNotice(queued.id(), by, reach.getValue(), language.getValue());
            } catch (RuleViolation refused) {
                if (refused.messageKeys().contains(Email.INVALID) || refused.messageKeys().contains(PhoneNumber.INVALID)) {
                    Notifications.at(reach, refused);
                } else {
                    Notifications.error(refused);
                }
                return;
            }
            reach.setInvalid(false);
            for (HasValue<?, ?> field : List.of(channel, email, phone, language)) {
                field.setReadOnly(true);
            }
            ask.setEnabled(false);
            Notifications.success(getTranslation("recording.registration.turn-asked-by." + by.name(), queued.ticket(),
                    RegistrationDesk.TURN_NOTICE_AHEAD));
        });
        HorizontalLayout form = new HorizontalLayout(channel, email, phone, language, ask);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        return new Details(getTranslation("recording.registration.turn-notice", RegistrationDesk.TURN_NOTICE_AHEAD),
                form);
    }

    /** Says what closing will close, by the state each open visit is in, before it does. */
    void confirmClose() {
        Map<VisitState, Integer> open = closing.openToday();
        int total = open.values().stream().mapToInt(Integer::intValue).sum();
        if (total == 0) {
            Notifications.success(getTranslation("recording.close.none"));
            return;
        }
        String which = open.entrySet().stream()
                .map(entry -> entry.getValue() + " " + getTranslation(entry.getKey().labelKey()).toLowerCase(getLocale()))
                .collect(Collectors.joining(", "));
        DestructiveConfirm.ask(getTranslation("recording.close.title"), getTranslation("recording.close.text", which),
                getTranslation("shared.cancel"), getTranslation("recording.close.confirm", total),
                () -> unlessRefused(() -> {
                    int closed = closing.closeToday();
                    done(getTranslation("recording.close.done", closed));
                }));
    }

    private void done(String message) {
        Notifications.success(message);
        applicantPanel.removeAll();
        visit = null;
        nik.clear();
        nik.focus();
        refreshLists();
    }

    void refreshLists() {
        sentBackRows.show(desk.sentBack());
        register.setItems(desk.today());
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
