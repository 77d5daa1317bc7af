package id.dukcapil.portal.schoolvisit;

import org.jspecify.annotations.Nullable;

/** What the planner types for a school; checked by {@link Schools}, each field's problem named. */
public record SchoolForm(String npsn, String name, @Nullable SchoolLevel level, String address, String villageCode,
                         String contactName, String contactPhone, @Nullable String contactEmail,
                         String servicePoint) {

    public static SchoolForm empty() {
        return new SchoolForm("", "", null, "", "", "", "", null, "");
    }

    public static SchoolForm of(School school) {
        return new SchoolForm(school.npsn(), school.name(), school.level(), school.address(), school.villageCode(),
                school.contactName(), school.contactPhone(), school.contactEmail(), school.servicePoint());
    }
}
