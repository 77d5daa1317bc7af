package id.dukcapil.portal.reports;

/** What a report's figures are per. */
public enum Breakdown {
    STEP, SERVICE_POINT, OFFICER, DAY, WEEK;

    public String labelKey() {
        return "reports.breakdown." + name();
    }
}
