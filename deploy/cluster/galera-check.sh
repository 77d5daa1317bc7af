#!/bin/sh
# HAProxy's check of one Galera node (haproxy.cfg, "option external-check"; decision 186): the node takes clients only
# while it is ready for writes, as Galera's documentation says a load balancer must ask it. A node cut off from the
# others (no quorum: non-primary) still accepts a connection and a handshake, which is all "option mysql-check" saw;
# here it is down until it is a synced member of the primary component again.
#   wsrep_ready       ON  the node accepts queries (OFF while it is non-primary or joining)
#   wsrep_local_state 4   Synced (1 joining, 2 donor, 3 joined: each still catching up or serving a copy)
# HAProxy passes <proxy address> <proxy port> <server address> <server port>; exit 0 is up. The account is the one
# the database machines made for the check: no password, no rights (SHOW STATUS needs none). Debian: mariadb-client.
status=$(mariadb --no-defaults --protocol=tcp --connect-timeout=1 --host="$3" --port="$4" --user=haproxy_check \
    --batch --skip-column-names \
    --execute="SHOW GLOBAL STATUS WHERE Variable_name IN ('wsrep_ready', 'wsrep_local_state')" 2>/dev/null) || exit 1
printf '%s\n' "$status" | grep -q '^wsrep_ready[[:space:]]ON$' || exit 1
printf '%s\n' "$status" | grep -q '^wsrep_local_state[[:space:]]4$' || exit 1
exit 0
