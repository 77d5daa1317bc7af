/**
 * SMS as an outbox channel: texts submitted to the operator's gateway over SMPP 3.4 (jSMPP), delivery receipts
 * and STOP replies taken from the same bound session (decision 140).
 */
@NullMarked
package id.dukcapil.portal.notification.sms;

import org.jspecify.annotations.NullMarked;
