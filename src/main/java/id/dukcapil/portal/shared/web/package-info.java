/**
 * What the portal knows of how it is reached: the public address that links in e-mails and documents use, and the
 * address of the client being served.
 */
@NamedInterface("web")
@NullMarked
package id.dukcapil.portal.shared.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
