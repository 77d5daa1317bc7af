package id.dukcapil.portal.population.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import id.dukcapil.portal.population.CardPrint;
import id.dukcapil.portal.population.Eligibility;
import id.dukcapil.portal.population.EnrolmentStatus;
import id.dukcapil.portal.population.FamilyView;
import id.dukcapil.portal.population.Resident;
import id.dukcapil.portal.population.ResidentLookup;
import id.dukcapil.portal.population.ResidentView;
import id.dukcapil.portal.population.Verdict;
import id.dukcapil.portal.shared.Finding;
import id.dukcapil.portal.shared.KkNumber;
import id.dukcapil.portal.shared.Nik;
import id.dukcapil.portal.shared.NumberCheck;
import id.dukcapil.portal.shared.Roles;
import id.dukcapil.portal.shared.region.Regions;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Slice;

/**
 * Resident lookup: type a NIK, a KK number or the beginning of a name; open a family card to see every member's
 * KTP-el status and printed cards. Desk roles see whole NIKs, the others masked ones ({@link ResidentLookup}).
 */
@Route("residents")
@RolesAllowed({Roles.OPERATOR, Roles.VERIFIER, Roles.PRINT_OPERATOR, Roles.REGISTRATION_OPERATOR,
        Roles.RECORDING_OPERATOR, Roles.IKD_OFFICER, Roles.FIELD_OFFICER, Roles.HEAD, Roles.MANAGER, Roles.PLANNER,
        Roles.ADMIN})
@Menu(title = "nav.residents", order = 20, icon = "vaadin:family")
class ResidentLookupView extends VerticalLayout implements HasDynamicTitle {

    /** Fewer letters than this would match a large part of the regency. */
    static final int NAME_MIN_LENGTH = 3;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    final TextField query = new TextField();
    final Button search = new Button();
    final Span maskNote = new Span();
    final Grid<ResidentView> results = new Grid<>();
    final Div familyPanel = new Div();
    final H3 familyTitle = new H3();
    final Span familyAddress = new Span();
    final Grid<ResidentView> members = new Grid<>();
    final Div detail = new Div();
    final H4 detailName = new H4();
    final Div detailFacts = new Div();
    final Grid<CardPrint> cards = new Grid<>();
    private final ResidentLookup lookup;
    private final Regions regions;
    private final Clock clock;
    private String nameQuery = "";
    private @Nullable FamilyView family;

    ResidentLookupView(ResidentLookup lookup, Regions regions, Clock clock) {
        this.lookup = lookup;
        this.regions = regions;
        this.clock = clock;
        setSizeFull();

        query.setPlaceholder(getTranslation("residents.search.placeholder"));
        query.setPrefixComponent(VaadinIcon.SEARCH.create());
        query.setClearButtonVisible(true);
        query.setWidth("28em");
        query.setId("resident-query");
        // A search, not a form: bounded like the longest name it can find (a NIK or KK number is shorter).
        query.setMaxLength(Resident.NAME_MAX_LENGTH);
        query.addKeyPressListener(Key.ENTER, event -> search());
        search.setText(getTranslation("residents.search.button"));
        search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        search.addClickListener(click -> search());
        maskNote.setText(getTranslation("residents.masked-note"));
        maskNote.getElement().getThemeList().add("badge contrast");
        maskNote.setVisible(!lookup.showsWholeNik());
        HorizontalLayout bar = new HorizontalLayout(query, search, maskNote);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);

        residentColumns(results);
        results.addColumn(resident -> getTranslation(resident.relationship().labelKey()))
                .setHeader(getTranslation("residents.column.relationship")).setAutoWidth(true);
        results.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        results.setItemsPageable(page -> {
            if (nameQuery.isEmpty()) {
                return List.of();
            }
            Slice<ResidentView> found = lookup.byName(nameQuery, page);
            if (page.getPageNumber() == 0) {
                sayHowMany(found);
            }
            return found.getContent();
        });
        results.addItemClickListener(click -> lookup.family(click.getItem().familyId())
                .ifPresent(found -> showFamily(found, click.getItem().id())));
        results.setVisible(false);
        results.setId("resident-results");

        familyTitle.setId("family-title");
        familyAddress.setId("family-address");
        residentColumns(members);
        members.addColumn(resident -> getTranslation(resident.relationship().labelKey()))
                .setHeader(getTranslation("residents.column.relationship")).setAutoWidth(true);
        members.addColumn(resident -> getTranslation(resident.maritalStatus().labelKey()))
                .setHeader(getTranslation("residents.column.marital")).setAutoWidth(true);
        members.addThemeVariants(GridVariant.LUMO_COMPACT);
        members.setAllRowsVisible(true);
        members.addItemClickListener(click -> showResident(click.getItem()));
        members.setId("family-members");
        familyPanel.add(familyTitle, familyAddress, members);
        familyPanel.setWidthFull();
        familyPanel.setVisible(false);

        detailFacts.setId("resident-facts");
        cards.addColumn(card -> TIME.format(card.printedAt().atZone(clock.getZone())))
                .setHeader(getTranslation("residents.card.printed-at")).setAutoWidth(true);
        cards.addColumn(CardPrint::servicePoint).setHeader(getTranslation("residents.card.service-point")).setAutoWidth(true);
        cards.addColumn(card -> getTranslation(card.reason().labelKey())).setHeader(getTranslation("residents.card.reason"))
                .setAutoWidth(true);
        cards.addThemeVariants(GridVariant.LUMO_COMPACT);
        cards.setAllRowsVisible(true);
        cards.setId("resident-cards");
        detail.add(detailName, detailFacts, new H4(getTranslation("residents.card.title")), cards);
        detail.setWidthFull();
        detail.setVisible(false);

        add(bar, results, familyPanel, detail);
    }

    private void residentColumns(Grid<ResidentView> grid) {
        grid.addColumn(ResidentView::nik).setHeader(getTranslation("residents.column.nik")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(ResidentView::fullName).setHeader(getTranslation("residents.column.name")).setFlexGrow(1);
        grid.addColumn(resident -> DATE.format(resident.birthDate())).setHeader(getTranslation("residents.column.birth-date"))
                .setAutoWidth(true);
        grid.addColumn(resident -> getTranslation(resident.sex().labelKey())).setHeader(getTranslation("residents.column.sex"))
                .setAutoWidth(true);
        grid.addColumn(resident -> getTranslation(resident.enrolmentStatus().labelKey()))
                .setHeader(getTranslation("residents.column.enrolment")).setAutoWidth(true);
    }

    void search() {
        String text = query.getValue().strip();
        query.setInvalid(false);
        query.setHelperText(null);
        if (text.chars().anyMatch(Character::isDigit)) {
            searchNumber(text);
        } else {
            searchName(text);
        }
    }

    /** Sixteen digits are a NIK or a KK number: the NIK is tried first, a family card second. */
    private void searchNumber(String text) {
        NumberCheck<Nik> nik = Nik.check(text, regions);
        NumberCheck<KkNumber> kk = KkNumber.check(text, regions);
        Optional<ResidentView> resident = nik.optional().flatMap(lookup::resident);
        Optional<FamilyView> found = resident.flatMap(person -> lookup.family(person.familyId()));
        if (found.isEmpty()) {
            found = kk.optional().flatMap(lookup::family);
        }
        if (found.isPresent()) {
            results.setVisible(false);
            showFamily(found.get(), resident.map(ResidentView::id).orElse(-1L));
            List<Finding> warnings = resident.isPresent() ? nik.warnings() : kk.warnings();
            if (!warnings.isEmpty()) {
                query.setHelperText(text(warnings));
            }
            return;
        }
        if (!nik.valid() && !kk.valid()) {
            refuse(text(nik.errors()));
        } else {
            refuse(getTranslation("residents.search.not-found", text.replaceAll("\\s+", "")));
        }
    }

    private void searchName(String text) {
        if (Resident.nameKey(text).length() < NAME_MIN_LENGTH) {
            refuse(getTranslation("residents.search.too-short", NAME_MIN_LENGTH));
            return;
        }
        nameQuery = text;
        familyPanel.setVisible(false);
        detail.setVisible(false);
        results.setVisible(true);
        results.getDataProvider().refreshAll();
    }

    /**
     * How many the name search found, from its first page (a name is never counted across the regency): the number,
     * or that there are more than a page and a fuller name narrows them (issue 54, desks low).
     */
    private void sayHowMany(Slice<ResidentView> first) {
        int shown = first.getNumberOfElements();
        query.setHelperText(shown == 0 ? getTranslation("residents.search.none-named", nameQuery)
                : first.hasNext() ? getTranslation("residents.search.more-than", shown)
                : getTranslation("residents.search.found", shown));
    }

    /** Says what is wrong with the search and hides what an earlier search found, so nobody reads it as the answer. */
    private void refuse(String message) {
        results.setVisible(false);
        familyPanel.setVisible(false);
        detail.setVisible(false);
        query.setErrorMessage(message);
        query.setInvalid(true);
    }

    private void showFamily(FamilyView shown, long selectedResidentId) {
        family = shown;
        familyTitle.setText(getTranslation("residents.family.title", shown.kkNumber()));
        var address = shown.address();
        familyAddress.setText(getTranslation("residents.family.address", address.street(), address.rt(), address.rw(),
                shown.villageName(), shown.districtName()));
        members.setItems(shown.members());
        familyPanel.setVisible(true);
        shown.members().stream().filter(member -> member.id() == selectedResidentId).findFirst()
                .or(() -> shown.members().stream().findFirst())
                .ifPresentOrElse(this::showResident, () -> detail.setVisible(false));
    }

    private void showResident(ResidentView resident) {
        members.select(resident);
        detailName.setText(resident.fullName() + " · " + resident.nik());
        detailFacts.removeAll();
        LocalDate today = LocalDate.now(clock);
        fact("birth", getTranslation("residents.detail.birth", resident.birthPlace(), DATE.format(resident.birthDate()),
                Eligibility.ageOn(resident.birthDate(), today)));
        fact("religion", getTranslation("residents.detail.religion", getTranslation(resident.religion().labelKey())));
        fact("education", getTranslation("residents.detail.education", getTranslation(resident.education().labelKey())));
        fact("occupation", getTranslation("residents.detail.occupation", resident.occupation()));
        fact("parents", getTranslation("residents.detail.parents", dash(resident.fatherName()), dash(resident.motherName())));
        if (!resident.nikMasked()) {
            fact("contact", getTranslation("residents.detail.contact", dash(resident.phone()), dash(resident.email())));
        }
        fact("enrolment", getTranslation("residents.detail.enrolment", getTranslation(resident.enrolmentStatus().labelKey())));
        fact("recording", verdictText(Eligibility.ktpRecording(resident.birthDate(), resident.maritalStatus(), today),
                resident.enrolmentStatus()));
        if (!resident.nikDisagreements().isEmpty()) {
            Span disagreement = fact("nik-disagreements", text(resident.nikDisagreements()));
            disagreement.getElement().getThemeList().add("badge error");
        }
        List<CardPrint> printed = family == null ? List.of() : family.cardsOf(resident);
        cards.setItems(printed);
        detail.setVisible(true);
    }

    private String verdictText(Verdict recording, EnrolmentStatus status) {
        if (status != EnrolmentStatus.NOT_RECORDED) {
            return getTranslation("residents.detail.recorded");
        }
        return recording.refusal().map(reason -> getTranslation(reason.messageKey(), reason.argsArray()))
                .orElseGet(() -> getTranslation("residents.detail.recording-due"));
    }

    private Span fact(String id, String text) {
        Span fact = new Span(text);
        fact.setId("fact-" + id);
        fact.getStyle().set("display", "block");
        detailFacts.add(fact);
        return fact;
    }

    private String text(List<Finding> findings) {
        return findings.stream().map(finding -> getTranslation(finding.messageKey(), finding.argsArray()))
                .collect(Collectors.joining(" "));
    }

    private static String dash(@Nullable String value) {
        return value == null || value.isBlank() ? "—" : value;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.residents") + " · Dukcapil Portal";
    }
}
