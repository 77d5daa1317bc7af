/** The outpost's own records of a taken visit, and its client of the Dinas's outpost API. */
@NullMarked
package id.dukcapil.portal.outpost.internal;

import org.jspecify.annotations.NullMarked;
