/**
 * Sign-in, the user's own password, and the ADMIN's administration of staff accounts.
 */
@NullMarked
package id.dukcapil.portal.staff.ui;

import org.jspecify.annotations.NullMarked;
