package id.dukcapil.portal.kkprint.internal;

import id.dukcapil.portal.population.Family;
import id.dukcapil.portal.population.Resident;
import id.dukcapil.portal.signing.SignableDocuments.Detail;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/** A family card's facts as the Kepala Dinas reads them beside its preview: number, address, each member with SHDK. */
public final class FamilyDetails {

    private FamilyDetails() {
    }

    public static List<Detail> of(Family family, MessageSource messages, Locale locale) {
        List<Detail> details = new ArrayList<>();
        details.add(new Detail(messages.getMessage("kkprint.field.kk-number", null, locale), family.kkNumber().value()));
        details.add(new Detail(messages.getMessage("kkprint.details.address", null, locale),
                messages.getMessage("kkprint.details.address.value", new Object[] {family.address().street(),
                        family.address().rt(), family.address().rw()}, locale)));
        for (Resident member : family.members()) {
            details.add(new Detail(member.fullName(), messages.getMessage("kkprint.details.member", new Object[] {
                    messages.getMessage(member.relationship().labelKey(), null, locale), member.nik().value()},
                    locale), member.nik().value()));
        }
        return details;
    }
}
