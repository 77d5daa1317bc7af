/** The outside systems' state table ({@code outside_system}) and the meters read from it. */
@NullMarked
package id.dukcapil.portal.outside.internal;

import org.jspecify.annotations.NullMarked;
