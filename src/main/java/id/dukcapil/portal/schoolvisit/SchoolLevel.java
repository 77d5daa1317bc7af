package id.dukcapil.portal.schoolvisit;

/** The kinds of school whose students turn 16 and 17 there. */
public enum SchoolLevel {
    SMA, SMK, MA, SLB;

    public String labelKey() {
        return "schoolvisit.level." + name();
    }
}
