/** The staff shell's banner of the outside systems away that the signed-in user's work waits on (decision 198). */
@NullMarked
package id.dukcapil.portal.outside.ui;

import org.jspecify.annotations.NullMarked;
