#!/usr/bin/env bash
# Restores a backup of deploy/backup/backup.sh into an EMPTY data folder of an external MariaDB (decision 184): the
# stream opened and prepared, copied back, the server started, the binary log replayed from the backup's position up
# to UNTIL (UTC, "YYYY-MM-DD HH:MM:SS"; empty: all of it). For a Galera cluster: restore one node, bootstrap it
# (galera_new_cluster), then let the others join by SST. Then start one portal with
# --portal.backup.restored-from=<backup> once: it verifies the audit chain against the anchors and reports.
#
#   BACKUP_KEY=... PORTAL_JAR=... DATADIR=/var/lib/mysql UNTIL="2026-11-27 05:10:00" deploy/backup/restore.sh <backup>
set -euo pipefail
backup=${1:?the backup folder}
: "${BACKUP_KEY:?}" "${PORTAL_JAR:?}" "${DATADIR:?}"
export BACKUP_KEY
open() { java -jar "$PORTAL_JAR" backup-open < "$1" | gunzip -c; }
[ -z "$(ls -A "$DATADIR" 2>/dev/null)" ] || { echo "$DATADIR is not empty: a restore goes into an empty one"; exit 2; }
work="$(dirname "$DATADIR")/.restore-$$"; mkdir -p "$work"
open "$backup/database.xbstream.gz.sealed" | mbstream -x -C "$work"
mariadb-backup --prepare --target-dir="$work"
mariadb-backup --copy-back --target-dir="$work" --datadir="$DATADIR"
chown -R mysql:mysql "$DATADIR"
read -r file position _ < "$work/xtrabackup_binlog_info"
echo "Data restored; binary log from $file:$position"
systemctl start mariadb
binlogs=$(ls "$(dirname "$backup")/binlog/external/"*.sealed 2>/dev/null | sort | awk -v f="$file.sealed" '{n=$0; sub(".*/","",n); if (n >= f) print $0}')
if [ -n "$binlogs" ]; then
  mkdir -p "$work/binlog"
  for s in $binlogs; do n=$(basename "$s" .sealed); open "$s" > "$work/binlog/$n"; done
  TZ=UTC mariadb-binlog --start-position="$position" ${UNTIL:+--stop-datetime="$UNTIL"} "$work/binlog/"* | mariadb
fi
rm -rf "$work"
if [ -f "$backup/files/audit-anchors.log.sealed" ] && [ -n "${AUDIT_ANCHORS_DIR:-}" ] && [ ! -f "$AUDIT_ANCHORS_DIR/audit-anchors.log" ]; then
  open "$backup/files/audit-anchors.log.sealed" > "$AUDIT_ANCHORS_DIR/audit-anchors.log"
fi
echo "Restored. Start one portal node with --portal.backup.restored-from=$backup to verify the audit chain."
