#!/usr/bin/env bash
# usage: bash test/webdav/start-apache.sh SCRATCH_DIR PORT CORS_ORIGIN USER PASSWORD [-DMTIME_ETAGS]
# Runs Apache in the foreground; SIGTERM to this script's PID stops it (exec keeps the PID).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
export DAV_ROOT="$1" DAV_PORT="$2" CORS_ORIGIN="$3"
apache="$(command -v apache2 || echo /usr/sbin/apache2)"
modfile="$(dpkg -L apache2-bin 2>/dev/null | grep '/mod_dav\.so$' || true)"
export APACHE_LIB="$(dirname "$(dirname "${modfile:-/usr/lib/apache2/modules/mod_dav.so}")")"
mkdir -p "$DAV_ROOT/data" "$DAV_ROOT/lock"
if [ ! -f "$DAV_ROOT/htpasswd" ]; then
  printf '%s:{SHA}%s\n' "$4" "$(printf %s "$5" | openssl sha1 -binary | base64)" > "$DAV_ROOT/htpasswd"
fi
chmod 755 "$DAV_ROOT"; chmod 644 "$DAV_ROOT/htpasswd"
if [ "$(id -u)" = 0 ]; then chown -R www-data:www-data "$DAV_ROOT/data" "$DAV_ROOT/lock"; fi
exec "$apache" -f "$here/apache-webdav.conf" -DFOREGROUND "${@:6}"
