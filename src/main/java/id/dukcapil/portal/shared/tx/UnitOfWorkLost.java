package id.dukcapil.portal.shared.tx;

import org.springframework.dao.TransientDataAccessException;

/**
 * A unit of work found, before its commit, that what it wrote earlier in its transaction is no longer there: the
 * server rolled the transaction back without the statement saying so (Galera has eaten the deadlock of a statement
 * that a replicated write set aborted). Nothing may be committed on top of it; it is tried again whole.
 */
public class UnitOfWorkLost extends TransientDataAccessException {

    public UnitOfWorkLost(String what) {
        super(what);
    }
}
