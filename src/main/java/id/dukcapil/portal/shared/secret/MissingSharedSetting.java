package id.dukcapil.portal.shared.secret;

/**
 * The portal refuses to start: with an external database, a setting every node must share is not set, and making a
 * value of this node's own would split the cluster (two audit keys in one log, a PIN that fails on the other node).
 */
public final class MissingSharedSetting extends IllegalStateException {

    private final SharedSetting setting;
    private final String action;

    /**
     * @param action what the operator does, in a sentence or two
     */
    public MissingSharedSetting(SharedSetting setting, String action) {
        super(setting.variable() + " is not set: with an external database every node needs " + setting.what()
                + " from its configuration, the same on every node. " + action);
        this.setting = setting;
        this.action = action;
    }

    public SharedSetting setting() {
        return setting;
    }

    public String action() {
        return action;
    }
}
