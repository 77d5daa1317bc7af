/**
 * The HTTP API an outpost node calls (issue 53, decision 196): a school visit checked out and its bundle checked in,
 * by a field officer of the visit's team signing in with their own Dinas credentials.
 */
@NullMarked
package id.dukcapil.portal.schoolvisit.api;

import org.jspecify.annotations.NullMarked;
