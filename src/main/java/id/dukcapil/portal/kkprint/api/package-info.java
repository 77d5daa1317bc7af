/** The REST API of the IKD gateway and the ADM kiosks, with its key filter and problem details. */
@NullMarked
package id.dukcapil.portal.kkprint.api;

import org.jspecify.annotations.NullMarked;
