/** The KK print requests' tables, lifecycle and key store: JDBC with conditional updates. */
@NullMarked
package id.dukcapil.portal.kkprint.internal;

import org.jspecify.annotations.NullMarked;
