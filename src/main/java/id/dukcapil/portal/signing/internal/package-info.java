/**
 * Signing's tables, the local PKCS#12 PAdES signer, signature checks and the demo certificate authority.
 */
@NullMarked
package id.dukcapil.portal.signing.internal;

import org.jspecify.annotations.NullMarked;
