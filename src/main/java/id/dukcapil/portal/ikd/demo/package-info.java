/** The demo profile's IKD app: a page that plays the citizen's phone against the gateway API. */
@NullMarked
package id.dukcapil.portal.ikd.demo;

import org.jspecify.annotations.NullMarked;
