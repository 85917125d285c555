#!/usr/bin/env bash
# Makes sure a local PostgreSQL runs for the tests, and (re)creates the databases named as arguments, empty.
# Installs Debian's postgresql when it is missing and starts its cluster when it is down; never assumes either.
# Connect as postgres://bellhop:bellhop@127.0.0.1:5432/<name> (override the port with PGPORT).
set -euo pipefail
port="${PGPORT:-5432}"
sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"

if ! command -v pg_lsclusters >/dev/null; then
  echo "== installing Debian's postgresql"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq postgresql >/dev/null
fi
read -r version cluster cluster_port status _ < <(pg_lsclusters --no-header | head -n 1) || true
if [ -z "${version:-}" ]; then
  version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
  cluster=main
  $sudo_cmd pg_createcluster "$version" "$cluster" --port "$port" >/dev/null
  cluster_port="$port"; status=down
fi
[ "$cluster_port" = "$port" ] || { echo "postgres.sh: cluster $version/$cluster listens on $cluster_port, not $port" >&2; exit 1; }
[ "$status" = online ] || $sudo_cmd pg_ctlcluster "$version" "$cluster" start

as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }
psql_admin() { PGOPTIONS="-c client_min_messages=warning" as_postgres psql -p "$port" -v ON_ERROR_STOP=1 -q -X -d postgres "$@"; }

psql_admin -c "do \$\$ begin
  if not exists (select from pg_roles where rolname = 'bellhop') then
    create role bellhop login createdb password 'bellhop';
  end if;
end \$\$;"
for name in "$@"; do
  psql_admin -c "drop database if exists \"$name\" with (force)" -c "create database \"$name\" owner bellhop"
done
