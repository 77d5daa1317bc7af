package id.dukcapil.portal.kkprint;

import id.dukcapil.portal.notification.Channel;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A request with its description and history, for the detail dialog of the inboxes; with where the requester is
 * told of it, so that a desk asked "did you send it?" can say where to look.
 */
public record RequestDetail(InboxRow row, String requesterNik, String description, List<HistoryEntry> history,
                            Optional<ReleaseState> release, Contact contact) {

    /** The requester's e-mail (the QR code and PIN go there), phone, and the channel chosen for the news. */
    public record Contact(@Nullable String email, @Nullable String phone, Channel newsChannel) {
    }

    public RequestDetail {
        history = List.copyOf(history);
    }
}
