#!/usr/bin/env bash
# Runs the example requests with curl against a running demo server:
#   ./kassa server --demo --data-dir /tmp/kassa-demo &   then   sync-server/src/test/http/smoke.sh
set -euo pipefail
BASE="${1:-http://localhost:8080}"
json() { sed -E 's/.*"'"$1"'":"([^"]*)".*/\1/'; }

curl -fsS "$BASE/health"; echo
ADMIN=$(curl -fsS -X POST "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d '{"username":"admin","password":"kassa-demo-admin"}' | json token)
curl -fsS "$BASE/api/v1/admin/stores" -H "Authorization: Bearer $ADMIN"; echo
curl -fsS -X POST "$BASE/api/v1/admin/cards/batches" -H "Authorization: Bearer $ADMIN" \
  -H 'Content-Type: application/json' -d '{"count":3}'; echo
echo "bad CSV (expect a 400 problem naming line 2):"
curl -sS -X POST "$BASE/api/v1/admin/catalog/import?currency=RUB" -H "Authorization: Bearer $ADMIN" \
  -H 'Content-Type: text/csv' --data-binary $'sku,barcodes,name_ru,name_en,category,price_minor,vat_rate,sold_by_weight,flags\nX,,x,,nope,abc,STANDARD,false,\n'; echo
METRICS=$(curl -fsS "$BASE/metrics" -H "Authorization: Bearer $ADMIN")
grep -m 3 http_server_requests_seconds_count <<<"$METRICS"
