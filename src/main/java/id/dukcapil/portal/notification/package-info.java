/**
 * Messages that are never lost: modules put an {@link OutgoingMail} into the {@link Outbox} in the transaction of
 * the action that causes it; a scheduled sender on one node delivers it over SMTP with retries, or, in the demo
 * profile without a mail server, into the demo mailbox that ADMIN can read. With a {@link Reach} it goes on the
 * recipient's channels in order, WhatsApp and SMS before e-mail, the first that delivers taking it (decision 140).
 */
@ApplicationModule(allowedDependencies = {"audit", "outside", "shared :: *"})
@NullMarked
package id.dukcapil.portal.notification;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
