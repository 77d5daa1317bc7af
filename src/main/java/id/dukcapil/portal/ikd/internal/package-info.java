/** The IKD module's store. */
@NullMarked
package id.dukcapil.portal.ikd.internal;

import org.jspecify.annotations.NullMarked;
