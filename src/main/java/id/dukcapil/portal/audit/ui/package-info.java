/**
 * The audit log's screen: search, verify the chain, export to Excel.
 */
@NullMarked
package id.dukcapil.portal.audit.ui;

import org.jspecify.annotations.NullMarked;
