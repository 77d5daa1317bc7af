/**
 * ADMIN's outbox view (state of every message, send a failed one again) and the demo profile's mailbox view.
 */
@NullMarked
package id.dukcapil.portal.notification.ui;

import org.jspecify.annotations.NullMarked;
