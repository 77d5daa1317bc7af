package id.dukcapil.portal.schoolvisit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.select.Select;
import id.dukcapil.portal.PortalViewTest;
import id.dukcapil.portal.schoolvisit.Kit;
import id.dukcapil.portal.schoolvisit.School;
import java.time.LocalDate;
import java.util.Set;

/** The planner's schedule dialog on the visit calendar, filled in and saved as the planner does. */
final class ScheduleDialog {

    private ScheduleDialog() {
    }

    /** On the calendar's screen: the school, the day, the officer as the team, the kit; saved. */
    @SuppressWarnings("unchecked")
    static void schedule(PortalViewTest screen, School school, LocalDate day, String officer, String kitCode) {
        screen.test(screen.find(Button.class).id("calendar-schedule")).click();
        ComboBox<School> schoolBox = screen.find(ComboBox.class).id("schedule-school");
        schoolBox.setValue(school);
        screen.find(DatePicker.class).id("schedule-day").setValue(day);
        MultiSelectComboBox<String> team = screen.find(MultiSelectComboBox.class).id("schedule-team");
        team.setValue(Set.of(officer));
        Select<Kit> kit = screen.find(Select.class).id("schedule-kit");
        kit.setValue(kit.getListDataView().getItems().filter(k -> k.code().equals(kitCode)).findFirst().orElseThrow());
        screen.test(screen.find(Button.class).id("schedule-save")).click();
    }
}
