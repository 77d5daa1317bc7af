package id.dukcapil.portal.sla;

/** What a step-clock report groups by. */
public enum ReportDimension {
    PROCEDURE, STEP, OFFICER, SERVICE_POINT, DAY
}
