#!/usr/bin/env bash
# deploy/nginx-run.sh LOGFILE NGINX-ARGS...: run nginx in the foreground with its error log on
# stderr, redacted before it reaches LOGFILE. nginx writes the request line (with `?token=` and
# conversation ids, which are phone numbers on WhatsApp) into every upstream error, and its
# error log format cannot be changed. exec keeps nginx's pid for the supervisor.
set -euo pipefail
log=$1; shift
exec "$@" 2> >(exec sed -u -E \
  -e 's/([?&]token=)[^&" ]*/\1[weggelaten]/g' \
  -e 's#/conversations/[^/?" ]+#/conversations/-#g' \
  -e 's/[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+/[e-mail]/g' \
  -e 's/(\+|00)?[0-9]{9,13}/[nummer]/g' >>"$log")
