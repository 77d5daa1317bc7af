#!/usr/bin/env bash
# The binary log of an external MariaDB (or the Galera node that takes the writes), followed as it is written and
# sealed into $BACKUP_DIR/binlog/external/ (decision 184), for a service that always runs (systemd, Restart=always):
# mariadb-binlog reads it as a replica would (--read-from-remote-server --raw --stop-never); every 20 s the files it has
# closed are sealed and the raw copies removed. The file the follower has open is on this machine as it is written
# (raw, not yet sealed): a lost database server costs nothing that reached it. Keep BACKUP_DIR on another machine.
#
#   BACKUP_DIR=/mnt/backup BACKUP_KEY=... PORTAL_JAR=... MARIADB_OPTIONS=/etc/mysql/backup.cnf FIRST_BINLOG=binlog.000001 \
#   deploy/backup/binlog-follow.sh
set -euo pipefail
: "${BACKUP_DIR:?}" "${BACKUP_KEY:?}" "${PORTAL_JAR:?}" "${MARIADB_OPTIONS:?}" "${FIRST_BINLOG:?}"
export BACKUP_KEY
raw="$BACKUP_DIR/binlog/.raw"; sealed="$BACKUP_DIR/binlog/external"
mkdir -p "$raw" "$sealed"
cd "$raw"
mariadb-binlog --defaults-extra-file="$MARIADB_OPTIONS" --read-from-remote-server --raw --stop-never \
    --result-file="$raw/" "$FIRST_BINLOG" &
follower=$!
trap 'kill $follower' EXIT
while kill -0 $follower 2>/dev/null; do
  sleep 20
  newest=$(ls | sort | tail -1)
  for f in $(ls | sort); do
    [ "$f" = "$newest" ] && continue
    gzip -c "$f" | java -jar "$PORTAL_JAR" backup-seal > "$sealed/$f.sealed.partial"
    mv "$sealed/$f.sealed.partial" "$sealed/$f.sealed" && rm "$f"
  done
done
