/**
 * The JSON API of the BDS app ({@code /api/v1/bds}): its controllers, its stateless bearer-token security and
 * its RFC 9457 problem details.
 */
@NullMarked
package id.dukcapil.portal.booking.api;

import org.jspecify.annotations.NullMarked;
