package id.dukcapil.portal.shared.secret;

/**
 * A setting every node must have, with the same value, once the database is external.
 *
 * @param what     what it is, as messages name it ("the audit chain key")
 * @param variable the environment variable that sets it ({@code AUDIT_CHAIN_KEY})
 * @param property the property behind it ({@code portal.audit.chain-key})
 */
public record SharedSetting(String what, String variable, String property) {
}
