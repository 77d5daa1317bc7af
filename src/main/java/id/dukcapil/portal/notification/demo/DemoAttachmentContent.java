package id.dukcapil.portal.notification.demo;

import java.io.InputStream;

/** An attachment as a mail client saves it: its name, type and decoded bytes, read from the stored message. */
public record DemoAttachmentContent(DemoAttachment attachment, InputStream content) {
}
