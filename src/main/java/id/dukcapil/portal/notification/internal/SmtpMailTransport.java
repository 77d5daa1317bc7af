package id.dukcapil.portal.notification.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.util.StringUtils;

/**
 * Delivers over SMTP with the server Spring Boot's {@code spring.mail.*} settings name ({@code MAIL_HOST} etc.).
 * It talks to Jakarta Mail's transport itself, not through {@code JavaMailSender.send}, to keep the server's
 * answer to every message and to tell a refused connection (nothing sent) from a failure after the data went out.
 */
class SmtpMailTransport implements MailTransport {

    private final JavaMailSenderImpl settings;

    SmtpMailTransport(JavaMailSenderImpl settings) {
        this.settings = settings;
    }

    @Override
    public Connection connect() throws MessagingException {
        if (!StringUtils.hasText(settings.getHost())) {
            throw new MessagingException("No mail server configured (MAIL_HOST)");
        }
        Transport transport = settings.getSession().getTransport(protocol());
        transport.connect(settings.getHost(), settings.getPort(), blankToNull(settings.getUsername()),
                blankToNull(settings.getPassword()));
        return new Connection() {
            @Override
            public String deliver(MimeMessage message) throws MessagingException {
                message.saveChanges();
                transport.sendMessage(message, message.getAllRecipients());
                return transport instanceof SMTPTransport smtp && smtp.getLastServerResponse() != null
                        ? smtp.getLastServerResponse().strip() : "accepted";
            }

            @Override
            public void close() {
                try {
                    transport.close();
                } catch (MessagingException ignored) {
                    // Every message of the batch already has its answer; a failed QUIT changes none of them.
                }
            }
        };
    }

    @Override
    public String describe() {
        return protocol() + "://" + settings.getHost() + ":" + settings.getPort();
    }

    private String protocol() {
        return StringUtils.hasText(settings.getProtocol()) ? settings.getProtocol() : "smtp";
    }

    private static String blankToNull(String value) {
        return StringUtils.hasText(value) ? value : null;
    }
}
