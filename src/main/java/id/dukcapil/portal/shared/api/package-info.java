/**
 * How the portal's JSON APIs answer refusals and failures: RFC 9457 problem details, one shape for every API.
 */
@NamedInterface("api")
@NullMarked
package id.dukcapil.portal.shared.api;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
