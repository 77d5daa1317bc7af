package id.dukcapil.portal.shared.tx;

/**
 * The turn of the data a start generates into an empty database (the demo profile's population, cards, requests,
 * schools, certificates): published once per start by {@link DemoDataFiller}, taken by each module's demo in the
 * {@code @Order} of its listener, each under {@link FirstStart#exclusively}. Nothing that taking it fills may be
 * needed to sign in: staff and service points are made before the portal is ready.
 */
public record DemoDataFill() {

    /** The listeners' order: what a later one builds on is filled by an earlier one. */
    public static final int POPULATION = 10;
    public static final int BLANK_CARDS = 20;
    public static final int SIGNING_CERTIFICATE = 30;
    public static final int KK_PRINT_REQUESTS = 40;
    public static final int REPORT_STEPS = 50;
    public static final int SCHOOLS = 60;
    /** Work done through the portal's own services on what the others filled (the Kepala Dinas signs). */
    public static final int WORK_ON_IT = 100;
}
