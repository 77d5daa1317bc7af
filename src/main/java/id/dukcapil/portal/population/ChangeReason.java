package id.dukcapil.portal.population;

/** Why a resident's data changed; every change carries one and is audited with before and after. */
public enum ChangeReason {
    /** Koreksi dari akta kelahiran, e.g. at a school visit (SOP D step 5). */
    BIRTH_CERTIFICATE,
    MARRIAGE_CERTIFICATE,
    DIVORCE_CERTIFICATE,
    DEATH_CERTIFICATE_OF_SPOUSE,
    EDUCATION_CERTIFICATE,
    /** A step of the KTP-el lifecycle: recording, enrolment answer. */
    ENROLMENT,
    RESIDENT_STATEMENT;

    public String labelKey() {
        return "population.change-reason." + name();
    }
}
