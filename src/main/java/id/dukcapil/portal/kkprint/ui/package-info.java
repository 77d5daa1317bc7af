/** The operator and verifier inboxes and the ADMIN's API-client view. */
@NullMarked
package id.dukcapil.portal.kkprint.ui;

import org.jspecify.annotations.NullMarked;
