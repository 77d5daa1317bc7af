package id.dukcapil.portal.shared;

/**
 * A service point's name for its code, for a module that keeps the code but may not depend on the module that owns
 * the points (the audit log, which every module writes to). The module that owns the points provides it.
 */
public interface ServicePointNames {

    /** The point's name, or the code itself when no point has it. */
    String nameOf(String code);
}
