package id.dukcapil.portal.kkprint;

import java.util.List;
import java.util.Optional;

/** A request with its description and history, for the detail dialog of the inboxes. */
public record RequestDetail(InboxRow row, String requesterNik, String description, List<HistoryEntry> history,
                            Optional<ReleaseState> release) {

    public RequestDetail {
        history = List.copyOf(history);
    }
}
