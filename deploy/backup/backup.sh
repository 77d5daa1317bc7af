#!/usr/bin/env bash
# A consistent online backup of an external MariaDB or a Galera node (decision 184), for a timer (daily) on ONE
# machine of the cluster: Debian's mariadb-backup streams the data files while the server runs, the stream is gzipped
# and sealed with the portal's cipher (AES-256-GCM, BACKUP_KEY) into $BACKUP_DIR/<time>/, with the audit anchors and
# a manifest; then the retention (7 daily, 4 weekly, 12 monthly). Keys are never written into the backup.
#
#   BACKUP_DIR=/mnt/backup BACKUP_KEY=... PORTAL_JAR=/opt/portal/portal.jar AUDIT_ANCHORS_DIR=/srv/portal/anchors \
#   MARIADB_OPTIONS=/etc/mysql/backup.cnf deploy/backup/backup.sh
#
# MARIADB_OPTIONS names an options file ([client] user=backup, password=..., socket or host) of an account with
# RELOAD, PROCESS, LOCK TABLES, BINLOG MONITOR (and REPLICATION SLAVE for binlog-follow.sh).
set -euo pipefail
: "${BACKUP_DIR:?}" "${BACKUP_KEY:?}" "${PORTAL_JAR:?}" "${MARIADB_OPTIONS:?}"
export BACKUP_KEY
name=$(date -u +%Y%m%dT%H%M%SZ)
partial="$BACKUP_DIR/.partial-$name"
rm -rf "$partial"; mkdir -p "$partial/files"
started=$(date +%s%3N)
seal() { gzip -c | java -jar "$PORTAL_JAR" backup-seal; }

# --galera-info notes the cluster's position (a Galera node); the binary log position is in xtrabackup_binlog_info.
mariadb-backup --defaults-extra-file="$MARIADB_OPTIONS" --backup --galera-info --stream=xbstream \
    --target-dir="$partial" | seal > "$partial/database.xbstream.gz.sealed"
if [ -n "${AUDIT_ANCHORS_DIR:-}" ] && [ -f "$AUDIT_ANCHORS_DIR/audit-anchors.log" ]; then
  seal < "$AUDIT_ANCHORS_DIR/audit-anchors.log" > "$partial/files/audit-anchors.log.sealed"
fi
{
  echo "format=2"
  echo "taken-at=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "database.server=external MariaDB (mariadb-backup --stream=xbstream)"
  echo "keys.needed=BACKUP_KEY,AUDIT_CHAIN_KEY,IKD_PIN_KEY,SIGNING_STORAGE_KEY"
  echo "took.millis=$(( $(date +%s%3N) - started ))"
  echo "size.bytes=$(du -sb "$partial" | cut -f1)"
  (cd "$partial" && find . -name '*.sealed' -printf '%P\n' | sort | while read -r f; do
     echo "$f.bytes=$(stat -c %s "$f")"; echo "$f.sha256=$(sha256sum "$f" | cut -d' ' -f1)"; done)
} > "$partial/manifest.properties"
mv "$partial" "$BACKUP_DIR/$name"
echo "Backup $BACKUP_DIR/$name taken"

# Retention: the newest of the last 7 days, the first of the last 4 ISO weeks and of the last 12 months.
cd "$BACKUP_DIR"
keep=$( { ls -d [0-9]*T*Z 2>/dev/null | sort | awk '{d=substr($1,1,8); last[d]=$1} END {for (d in last) print last[d]}' | sort | tail -7
          ls -d [0-9]*T*Z 2>/dev/null | sort | while read -r b; do echo "$(date -d "${b:0:8}" +%G-W%V) $b"; done | awk '!seen[$1]++ {print $2}' | tail -4
          ls -d [0-9]*T*Z 2>/dev/null | sort | awk '!seen[substr($1,1,6)]++' | tail -12
          ls -d [0-9]*T*Z 2>/dev/null | sort | tail -1; } | sort -u)
for b in $(ls -d [0-9]*T*Z 2>/dev/null); do
  grep -qx "$b" <<<"$keep" || { rm -rf "$b"; echo "Backup $b past the retention: deleted"; }
done
