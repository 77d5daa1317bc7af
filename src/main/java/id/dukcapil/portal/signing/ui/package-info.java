/**
 * The signing queue (HEAD), the certificates view (ADMIN) and the public verification page.
 */
@NullMarked
package id.dukcapil.portal.signing.ui;

import org.jspecify.annotations.NullMarked;
