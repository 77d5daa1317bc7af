/** The gateway API of SOP E, behind the IKD gateway's key (the /api/v1/ikd chain). */
@NullMarked
package id.dukcapil.portal.ikd.api;

import org.jspecify.annotations.NullMarked;
