package id.dukcapil.portal.schoolvisit.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.binder.Binder;
import id.dukcapil.portal.schoolvisit.Kit;
import id.dukcapil.portal.schoolvisit.School;
import id.dukcapil.portal.schoolvisit.SchoolVisit;
import id.dukcapil.portal.schoolvisit.Schools;
import id.dukcapil.portal.schoolvisit.VisitPlan;
import id.dukcapil.portal.schoolvisit.VisitPlanner;
import id.dukcapil.portal.shared.RuleViolation;
import id.dukcapil.portal.shared.ui.BeanRule;
import id.dukcapil.portal.shared.ui.BoundForms;
import id.dukcapil.portal.shared.ui.VaadinTexts;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.data.domain.PageRequest;

/**
 * The planner's schedule dialog, bound to {@link ScheduleForm}: a school, a day, a team and a kit not chosen are said
 * at their fields before the planner service is asked; what only the service knows (an officer on leave or elsewhere,
 * a kit busy or under repair) is said at its field too, inside the dialog, with what was chosen kept. The
 * coordination's clock runs from the dialog's opening to the visit scheduled.
 */
class ScheduleEditor extends Dialog {

    final ComboBox<School> school = new ComboBox<>();
    final DatePicker date;
    final MultiSelectComboBox<String> team = new MultiSelectComboBox<>();
    final Select<Kit> kit = new Select<>();
    final Paragraph refusal = new Paragraph();
    final Button save = new Button();
    private final Binder<ScheduleForm> binder = new Binder<>(ScheduleForm.class);

    ScheduleEditor(VisitPlanner planner, Schools schools, Clock clock, LocalDate day, Consumer<SchoolVisit> onSaved) {
        Instant began = clock.instant();
        setHeaderTitle(getTranslation("schoolvisit.calendar.schedule"));
        setWidth("min(40rem, 100vw)");
        school.setLabel(getTranslation("schoolvisit.column.school"));
        school.setItems(query -> schools.search(query.getFilter().orElse(""),
                PageRequest.of(query.getPage(), query.getPageSize())).stream());
        school.setItemLabelGenerator(s -> s.name() + " (" + s.npsn() + ")");
        school.setId("schedule-school");
        date = VaadinTexts.localized(new DatePicker(getTranslation("schoolvisit.column.day")));
        date.setMin(LocalDate.now(clock));
        date.setId("schedule-day");
        Map<String, String> officers = planner.officers();
        team.setLabel(getTranslation("schoolvisit.column.team"));
        team.setItems(officers.keySet());
        team.setItemLabelGenerator(username -> officers.getOrDefault(username, username));
        team.setId("schedule-team");
        kit.setLabel(getTranslation("schoolvisit.column.kit"));
        kit.setItems(planner.kits());
        kit.setItemLabelGenerator(k -> k.name()
                + (k.underRepair() ? " · " + getTranslation("schoolvisit.calendar.repair") : ""));
        kit.setId("schedule-kit");
        refusal.setId("schedule-refusal");
        refusal.getStyle().set("color", "var(--lumo-error-text-color)").set("margin", "0");
        refusal.setVisible(false);

        binder.forField(school).withValidator(BeanRule.of(ScheduleForm.class, "school")).bind("school");
        binder.forField(date).withValidator(BeanRule.of(ScheduleForm.class, "day")).bind("day");
        binder.forField(team).withValidator(BeanRule.<Set<String>>of(ScheduleForm.class, "team")
                .withArgs(VisitPlan.TEAM_MAX)).bind("team");
        binder.forField(kit).withValidator(BeanRule.of(ScheduleForm.class, "kit")).bind("kit");
        binder.readBean(new ScheduleForm(null, day, Set.of(), null));

        Map<String, HasValidation> fields = Map.of("school", school, "day", date, "team", team, "kit", kit);
        save.setText(getTranslation("schoolvisit.calendar.schedule"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("schedule-save");
        save.addClickListener(click -> {
            refusal.setVisible(false);
            Optional<ScheduleForm> written = BoundForms.record(binder);
            if (written.isEmpty()) {
                return; // each field says what is missing; nothing was scheduled
            }
            ScheduleForm typed = written.get();
            try {
                SchoolVisit visit = planner.schedule(new VisitPlan(typed.school().id(), typed.day(),
                        Set.copyOf(typed.team()), typed.kit().code(), began));
                close();
                onSaved.accept(visit);
            } catch (RuleViolation violation) {
                // Told at the field each conflict is about, inside the dialog (a toast covered the team field); the
                // kit's and the team's conflicts each at their own field (issue 54).
                ScheduleRefusals.byField(violation).forEach((name, text) -> {
                    HasValidation field = name.isEmpty() ? null : fields.get(name);
                    if (field != null) {
                        field.setErrorMessage(text);
                        field.setInvalid(true);
                    } else {
                        refusal.setText(text);
                        refusal.setVisible(true);
                    }
                });
            }
        });
        add(refusal, new FormLayout(school, date, team, kit));
        getFooter().add(new Button(getTranslation("schoolvisit.action.cancel"), click -> close()), save);
    }
}
