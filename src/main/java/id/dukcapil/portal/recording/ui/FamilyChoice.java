package id.dukcapil.portal.recording.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import id.dukcapil.portal.population.Resident;
import java.util.List;
import java.util.function.Consumer;

/** A family card's members, one button each (name and relationship): the operator chooses who stands at the desk. */
class FamilyChoice extends Div {

    /** @param choose given the NIK of the member chosen */
    FamilyChoice(List<Resident> family, Consumer<String> choose) {
        for (Resident member : family) {
            Button button = new Button(member.fullName() + " · " + getTranslation(member.relationship().labelKey()),
                    click -> choose.accept(member.nik().value()));
            button.setId("member-" + member.nik().value());
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            add(new Div(button));
        }
    }
}
