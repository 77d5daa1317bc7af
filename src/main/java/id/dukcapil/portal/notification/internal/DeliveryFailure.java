package id.dukcapil.portal.notification.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.io.InterruptedIOException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.jspecify.annotations.Nullable;

/** What a failed hand-over means for the message, and when to try again. */
public final class DeliveryFailure {

    /** After the n-th failed attempt the next one waits BACKOFF[n-1] (the last one repeats). */
    static final List<Duration> BACKOFF = List.of(Duration.ofSeconds(10), Duration.ofSeconds(30),
            Duration.ofMinutes(2), Duration.ofMinutes(10), Duration.ofHours(1));

    public enum Verdict {
        /** The server said "not now" (4xx), or could not be reached: nothing was accepted. */
        RETRY,
        /** The server said "never" (5xx), or the address is unusable. */
        FAILED,
        /** The connection broke while the message was on its way: it may have been accepted. */
        UNCERTAIN
    }

    private DeliveryFailure() {
    }

    static Duration backoffAfter(int attempts) {
        return BACKOFF.get(Math.min(Math.max(attempts, 1), BACKOFF.size()) - 1);
    }

    static Verdict classify(Exception failure) {
        Integer code = smtpReturnCode(failure);
        if (code != null) {
            return code >= 500 ? Verdict.FAILED : Verdict.RETRY;
        }
        if (failure instanceof SendFailedException) {
            // Refused by Jakarta Mail itself before talking to the server (e.g. no valid recipient).
            return Verdict.FAILED;
        }
        return Verdict.UNCERTAIN;
    }

    /**
     * Whether the failure means the mail server is away (decision 198): no connection (refused, no route, no such
     * host), a connection reset or cut, a time-out. An SMTP answer of any code, or a refusal of an address, means it
     * is there.
     */
    static boolean unreachable(Throwable failure) {
        if (smtpReturnCode(failure) != null) {
            return false;
        }
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof MailConnectException || t instanceof SocketException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException || t instanceof InterruptedIOException) {
                return true;
            }
        }
        return false;
    }

    /** The server's own words, when it gave any. */
    static String answer(Exception failure) {
        StringBuilder text = new StringBuilder(failure.getClass().getSimpleName()).append(": ")
                .append(String.valueOf(failure.getMessage()).strip());
        Throwable cause = next(failure);
        if (cause != null && cause != failure) {
            text.append(" (").append(cause.getClass().getSimpleName()).append(": ")
                    .append(String.valueOf(cause.getMessage()).strip()).append(')');
        }
        return text.toString();
    }

    private static @Nullable Integer smtpReturnCode(Throwable failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            switch (t) {
                case SMTPSendFailedException e -> { return e.getReturnCode(); }
                case SMTPAddressFailedException e -> { return e.getReturnCode(); }
                case SMTPSenderFailedException e -> { return e.getReturnCode(); }
                default -> { }
            }
        }
        return null;
    }

    private static @Nullable Throwable next(Throwable t) {
        if (t instanceof MessagingException m && m.getNextException() != null && m.getNextException() != t) {
            return m.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }
}
