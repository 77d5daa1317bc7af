package id.dukcapil.portal.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import id.dukcapil.portal.FreePorts;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.test.context.TestComponent;

/**
 * The real SMTP server of the test run: one GreenMail for the whole test JVM, on a port chosen when it starts
 * ({@link TestMailServerEnvironment} points {@code spring.mail.*} at it). Tests stop and start it to play an
 * outage of the mail server.
 */
@TestComponent
public class TestMailServer {

    private static final Object LOCK = new Object();
    private static int port;
    private static GreenMail server;

    static int startOnce() {
        synchronized (LOCK) {
            if (server == null) {
                port = FreePorts.next();
                server = newServer();
                server.start();
            }
            return port;
        }
    }

    public void stop() {
        synchronized (LOCK) {
            server.stop();
        }
    }

    /** Starts it again on the same port, keeping nothing of what it received before. */
    public void start() {
        synchronized (LOCK) {
            if (!server.isRunning()) {
                server = newServer();
                server.start();
            }
        }
    }

    public List<MimeMessage> received() {
        synchronized (LOCK) {
            return Arrays.asList(server.getReceivedMessages());
        }
    }

    /** Every copy the server received of the message with this Message-ID. */
    public List<MimeMessage> receivedWithMessageId(String messageId) {
        return received().stream().filter(message -> messageId.equals(messageIdOf(message))).toList();
    }

    /**
     * The plain text of the message with this Message-ID, once the server has it (within 30 s): where a test reads
     * a secret (an OTP, a PIN), as the recipient would; the outbox no longer keeps it once sent.
     */
    public static String awaitText(String messageId) {
        List<MimeMessage> copies = org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> {
                    synchronized (LOCK) {
                        return Arrays.stream(server.getReceivedMessages())
                                .filter(message -> messageId.equals(messageIdOf(message))).toList();
                    }
                }, list -> !list.isEmpty());
        try {
            return textOf(copies.getFirst());
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String textOf(jakarta.mail.Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.isMimeType("multipart/*")) {
            jakarta.mail.Multipart multipart = (jakarta.mail.Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = textOf(multipart.getBodyPart(i));
                if (!text.isEmpty()) {
                    return text;
                }
            }
        }
        return "";
    }

    private static String messageIdOf(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static GreenMail newServer() {
        return new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

}
