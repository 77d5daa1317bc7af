package id.dukcapil.portal.notification.demo;

/**
 * An attachment of a message in the demo mailbox.
 *
 * @param index its place among the message's attachments, from 0: how the mailbox finds it again to download it
 */
public record DemoAttachment(int index, String fileName, String contentType) {
}
