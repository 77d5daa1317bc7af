/**
 * Staff accounts in the database, and how Spring Security signs them in and locks them out.
 */
@NullMarked
package id.dukcapil.portal.staff.internal;

import org.jspecify.annotations.NullMarked;
