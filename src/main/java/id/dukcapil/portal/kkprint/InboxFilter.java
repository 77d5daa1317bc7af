package id.dukcapil.portal.kkprint;

/** What an inbox shows: every waiting request, or only those over their step's standard. */
public record InboxFilter(boolean overdueOnly) {

    public static InboxFilter empty() {
        return new InboxFilter(false);
    }

    public InboxFilter withOverdueOnly(boolean overdueOnly) {
        return new InboxFilter(overdueOnly);
    }
}
