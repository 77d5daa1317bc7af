package id.dukcapil.portal.outpost;

import id.dukcapil.portal.outpost.internal.NodeEntity;
import id.dukcapil.portal.outpost.internal.NodeRepository;
import java.time.Clock;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * This node's own key, made at its first take of any work and kept: the Dinas knows this outpost by it; and its row, the
 * lock two takes at once meet on.
 */
@Component
class NodeKeys {

    private final NodeRepository nodes;
    private final TransactionTemplate transactions;
    private final Clock clock;

    NodeKeys(NodeRepository nodes, TransactionTemplate transactions, Clock clock) {
        this.nodes = nodes;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Within a take's transaction: the node's row locked, and refused in words if it holds any work (a visit or a
     * day) by then. Two takes at once, of either kind, go one after the other: the second finds the first's work.
     */
    void refuseUnlessFree(java.util.function.BooleanSupplier holdsWork) {
        nodes.findLockedById(NodeEntity.THIS_NODE);
        if (holdsWork.getAsBoolean()) {
            throw new id.dukcapil.portal.shared.RuleViolation("outpost.error.one-out");
        }
    }

    String key() {
        try {
            return transactions.execute(status -> nodes.findById(NodeEntity.THIS_NODE)
                    .orElseGet(() -> nodes.saveAndFlush(NodeEntity.made(clock.instant())))).key();
        } catch (DataIntegrityViolationException madeAtTheSameMoment) {
            return nodes.findById(NodeEntity.THIS_NODE).orElseThrow().key();
        }
    }
}
