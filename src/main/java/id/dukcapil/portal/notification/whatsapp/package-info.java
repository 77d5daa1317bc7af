/**
 * WhatsApp as an outbox channel: approved templates sent through the WhatsApp Business Cloud API, and the webhook
 * that brings their statuses (delivered, read, failed) and the citizens' STOP replies back (decision 140).
 */
@NullMarked
package id.dukcapil.portal.notification.whatsapp;

import org.jspecify.annotations.NullMarked;
