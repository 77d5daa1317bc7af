package id.dukcapil.portal.recording;

/** Visitors the office calls before the others. */
public enum Priority {
    ELDERLY, DISABLED, PREGNANT;

    public String labelKey() {
        return "recording.priority." + name();
    }
}
