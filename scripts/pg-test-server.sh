#!/usr/bin/env bash
# Runs a command beside a throwaway PostgreSQL server: installs Debian's postgresql when missing,
# initdb's a cluster in a temporary folder (as the `postgres` OS user when run as root: initdb
# refuses root), starts it on a free loopback port, runs the command with
# GONGWEN_TEST_POSTGRES=postgres://gongwen@127.0.0.1:PORT/gongwen set, and stops the cluster and
# removes the folder when the command ends, however it ends. The server also speaks TLS, with a
# self-signed certificate made by openssl in the folder for 127.0.0.1 and localhost, whose file is
# GONGWEN_TEST_POSTGRES_CA (the TLS tests trust it through sslrootcert=); without openssl, no TLS.
#
#   scripts/pg-test-server.sh swift test --filter Postgres
#   scripts/pg-test-server.sh bash -c 'gongwen ingest corpus --db "$GONGWEN_TEST_POSTGRES"'
set -euo pipefail

bindir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

if [ -z "$(bindir)" ] || [ ! -x "$(bindir)/initdb" ]; then
  echo "pg-test-server: installing postgresql" >&2
  SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql postgresql-contrib >&2
fi
BIN=$(bindir)

# As root, the cluster belongs to the postgres user (created by the package; made here if absent).
if [ "$(id -u)" = 0 ]; then
  id -u postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  as_owner() { runuser -u postgres -- "$@"; }
else
  as_owner() { "$@"; }
fi

DIR=$(mktemp -d "${TMPDIR:-/tmp}/gongwen-pg.XXXXXX")
chmod 755 "$DIR"
[ "$(id -u)" = 0 ] && chown postgres "$DIR"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

stop() {
  as_owner "$BIN/pg_ctl" -D "$DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
}
trap stop EXIT INT TERM

as_owner "$BIN/initdb" -D "$DIR/data" -U gongwen --auth=trust --encoding=UTF8 --locale=C >"$DIR/initdb.log" 2>&1 \
  || { cat "$DIR/initdb.log" >&2; exit 1; }
SSL=""
if command -v openssl >/dev/null && openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost \
    -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" -keyout "$DIR/server.key" -out "$DIR/server.crt" >"$DIR/openssl.log" 2>&1; then
  chmod 600 "$DIR/server.key"
  [ "$(id -u)" = 0 ] && chown postgres "$DIR/server.key" "$DIR/server.crt"
  SSL="-c ssl=on -c ssl_cert_file=$DIR/server.crt -c ssl_key_file=$DIR/server.key"
  export GONGWEN_TEST_POSTGRES_CA="$DIR/server.crt"
fi
# fsync off: the cluster is thrown away; a test that kills a writer kills the client, not the server.
as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
  -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 $SSL" \
  start >/dev/null || { cat "$DIR/server.log" >&2; exit 1; }
as_owner "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U gongwen gongwen

export GONGWEN_TEST_POSTGRES="postgres://gongwen@127.0.0.1:$PORT/gongwen"
echo "pg-test-server: PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') at $GONGWEN_TEST_POSTGRES${SSL:+ (TLS: $GONGWEN_TEST_POSTGRES_CA)}" >&2
"$@"
