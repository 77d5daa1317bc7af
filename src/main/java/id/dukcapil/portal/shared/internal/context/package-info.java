/**
 * The portal's application context: Spring Boot's servlet web server context on a bean factory that remembers its
 * type look-ups by generic type once the configuration is frozen (decision 169).
 */
@NullMarked
package id.dukcapil.portal.shared.internal.context;

import org.jspecify.annotations.NullMarked;
