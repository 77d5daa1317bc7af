/**
 * Storage of the audit chain: appending under the chain-head lock, hashing, reading.
 */
@NullMarked
package id.dukcapil.portal.audit.internal;

import org.jspecify.annotations.NullMarked;
