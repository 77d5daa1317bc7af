package id.dukcapil.portal.notification;

/**
 * A message put into the outbox.
 *
 * @param messageId the Message-ID header it carries on every attempt
 */
public record MessageRef(long id, String messageId) {
}
