#!/usr/bin/env bash
# pgcluster.sh COMMAND [ARGS…]: start a throwaway PostgreSQL cluster in a temporary folder,
# listening on a Unix socket in that folder only (no port to collide with), run COMMAND with CHIBO_TEST_POSTGRES set to its database URL, then
# stop the cluster and remove the folder, whatever COMMAND's outcome (its exit status is
# this script's). PostgreSQL comes from Debian's package (make sysdeps installs it).
# As root, the cluster runs as the "postgres" account the package creates: initdb and the
# server refuse to run as root.
set -euo pipefail

bindir=""
for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && bindir="$d"; done
if [ -z "$bindir" ]; then
  echo "pgcluster: PostgreSQL is not installed (apt-get install postgresql)" >&2
  exit 1
fi

dir=$(mktemp -d /tmp/chibo-pg.XXXXXX)
as=()
if [ "$(id -u)" = 0 ]; then
  chown postgres: "$dir"
  as=(runuser -u postgres --)
fi
chmod 755 "$dir"
port=5432 # the socket's name (.s.PGSQL.5432); nothing listens on TCP

stop() {
  "${as[@]}" "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT

# C.UTF-8 as a production cluster has a UTF-8 locale: lower() there folds Đ to đ.
"${as[@]}" "$bindir/initdb" -D "$dir/data" -U chibo -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; exit 1; }
# A test cluster: no durability needed (fsync off), many connections (each test process
# opens a pool), logs kept in the folder.
"${as[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-p $port -k $dir -c listen_addresses= -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400" \
  start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
"${as[@]}" "$bindir/createdb" -h "$dir" -p "$port" -U chibo chibo

export CHIBO_TEST_POSTGRES="postgres://chibo@/chibo?host=$dir&port=$port&sslmode=disable"
echo "==> PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on the socket in $dir (throwaway)"
set +e
"$@"
status=$?
set -e
exit $status
