/**
 * The outbox's storage, the scheduled sender, the templates and the two transports (SMTP, demo mailbox).
 */
@NullMarked
package id.dukcapil.portal.notification.internal;

import org.jspecify.annotations.NullMarked;
