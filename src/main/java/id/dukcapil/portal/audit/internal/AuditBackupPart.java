package id.dukcapil.portal.audit.internal;

import id.dukcapil.portal.shared.backup.BackupPart;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The audit's share of a backup (decision 184): the chain's head as the backup is taken (the restore's report holds
 * the restored chain against it), the fingerprint of the chain's key, and the anchors file, which lives outside the
 * database. The key itself is never in a backup: the restore names it.
 */
@Component
class AuditBackupPart implements BackupPart {

    private final AuditEntryReader reader;
    private final AuditChainKey key;
    private final AnchorFile anchors;

    AuditBackupPart(AuditEntryReader reader, AuditChainKey key, AnchorFile anchors) {
        this.reader = reader;
        this.key = key;
        this.anchors = anchors;
    }

    @Override
    public String name() {
        return "audit";
    }

    @Override
    public Map<String, String> facts() {
        AuditEntryReader.ChainHeadRow head = reader.head();
        return Map.of("chain-head-seq", Long.toString(head.lastSeq()), "chain-head-hash", head.lastHash(),
                "chain-key-id", key.id());
    }

    @Override
    public List<BackupFile> files() {
        return List.of(new BackupFile(AnchorFile.FILE_NAME, anchors.path(), anchors.path().toString()));
    }

    @Override
    public List<String> keysNeeded() {
        return List.of(AuditChainKey.SETTING.variable());
    }
}
