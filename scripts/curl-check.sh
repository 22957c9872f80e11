#!/usr/bin/env bash
# Checks a running cpn-nodesim against docs/node-api.md with curl: every endpoint, a job from
# submission to completion, reservations, a per-node base URL, the fault API, alarms and silences, OAuth sign-in with PKCE
# (needs openssl for the challenge), identifier registration and a set of bad requests.
# Usage: scripts/curl-check.sh [path/to/cpn-nodesim]   (default build/bin/cpn-nodesim)
set -u
SIM=${1:-build/bin/cpn-nodesim}
TOKEN=curl-check-dev-token
READER=curl-check-read-token
APPLICANT=curl-check-apply-token
[ -x "$SIM" ] || { echo "not executable: $SIM" >&2; exit 2; }

OUT=$(mktemp)
BODY=$(mktemp)
HDRS=$(mktemp)
BIG=$(mktemp)
head -c 70000 /dev/zero | tr '\0' ' ' >"$BIG"
CPN_DEV_TOKEN=$TOKEN CPN_READ_TOKEN=$READER CPN_APPLY_TOKEN=$APPLICANT "$SIM" --port 0 --job-speedup 36000 >"$OUT" 2>/dev/null &
PID=$!
cleanup() { kill "$PID" 2>/dev/null; wait "$PID" 2>/dev/null; rm -f "$OUT" "$BODY" "$HDRS" "$BIG"; }
trap cleanup EXIT
for _ in $(seq 100); do grep -q 'listening on' "$OUT" && break; sleep 0.05; done
BASE=$(sed -n 's/^cpn-nodesim listening on //p' "$OUT")
[ -n "$BASE" ] || { echo "cpn-nodesim did not start" >&2; exit 2; }
echo "cpn-nodesim at $BASE"

FAILURES=0
# check <expected status> <expected content type> <method> <path> [curl args...]
check() {
    local want=$1 wanttype=$2 method=$3 path=$4
    shift 4
    local got type
    got=$(curl -s -o "$BODY" -D "$HDRS" -w '%{http_code}' -X "$method" -H 'Expect:' "$@" "$BASE$path")
    type=$(grep -i '^content-type:' "$HDRS" | head -1 | cut -d' ' -f2- | tr -d '\r')
    local verdict=ok
    if [ "$got" != "$want" ] || [ "${type%%;*}" != "$wanttype" ]; then
        verdict="FAIL (expected $want $wanttype)"
        FAILURES=$((FAILURES + 1))
    fi
    printf '%-4s %-6s %-48s %s %-26s %s\n' "$got" "$method" "$path" "$verdict" "$type" "$(head -c 100 "$BODY" | tr '\n' ' ' | sed 's/_token":"[^"]*/_token":"(hidden)/g')"
}
AUTH=(-H "Authorization: Bearer $TOKEN")
JSON=(-H 'Content-Type: application/json')
J=application/json
P=application/problem+json

echo "--- protocol endpoints"
check 200 $J GET /api/v1/node "${AUTH[@]}"
check 200 $J GET /api/v1/nodes "${AUTH[@]}"
check 200 $J GET /api/v1/links "${AUTH[@]}"
check 200 $J GET /api/v1/metrics "${AUTH[@]}"
CURSOR=$(sed -n 's/.*"cursor":"\([0-9]*\)".*/\1/p' "$BODY")
check 200 $J GET "/api/v1/metrics?since=$CURSOR&limit=10" "${AUTH[@]}"
check 200 $J GET /api/v1/offers "${AUTH[@]}"
check 200 $J GET "/api/v1/offers?model=ascend-910b" "${AUTH[@]}"
check 200 $J GET /api/v1/jobs "${AUTH[@]}"

echo "--- a per-node base URL"
check 200 $J GET /n/guian/api/v1/node "${AUTH[@]}"
check 200 $J GET /n/guizhou-hub/api/v1/nodes "${AUTH[@]}"
check 200 $J GET /n/guizhou-hub/api/v1/metrics "${AUTH[@]}"

echo "--- a job: submit, poll to completed, cancel gives 409"
check 201 $J POST /api/v1/jobs "${AUTH[@]}" "${JSON[@]}" \
    -d '{"name":"curl-check","kind":"batch","nodeId":"guian","requirements":{"acceleratorModel":"ascend-910b","accelerators":8,"cpuCores":64,"durationHours":0.01}}'
JOB=$(sed -n 's/.*"id":"\(job-[0-9]*\)".*/\1/p' "$BODY")
grep -qi "^location: $BASE/api/v1/jobs/$JOB" "$HDRS" || { echo "FAIL: Location header"; FAILURES=$((FAILURES + 1)); }
for _ in $(seq 50); do
    curl -s "${AUTH[@]}" "$BASE/api/v1/jobs/$JOB" | grep -q '"state":"completed"' && break
    sleep 0.1
done
check 200 $J GET "/api/v1/jobs/$JOB" "${AUTH[@]}"
grep -q '"state":"completed"' "$BODY" || { echo "FAIL: job did not complete"; FAILURES=$((FAILURES + 1)); }
check 200 $J GET "/n/guian/api/v1/jobs/$JOB" "${AUTH[@]}"
check 409 $P POST "/api/v1/jobs/$JOB/cancel" "${AUTH[@]}"
check 201 $J POST /n/guian/api/v1/jobs "${AUTH[@]}" "${JSON[@]}" \
    -d '{"name":"long","kind":"training","requirements":{"acceleratorModel":"h800","accelerators":16,"durationHours":1000}}'
JOB2=$(sed -n 's/.*"id":"\(job-[0-9]*\)".*/\1/p' "$BODY")
check 200 $J POST "/n/guian/api/v1/jobs/$JOB2/cancel" "${AUTH[@]}"

echo "--- reservations: hold, a job on it, cancel, a vanished offer and too few units are 409"
check 201 $J POST /api/v1/reservations "${AUTH[@]}" "${JSON[@]}" -d '{"offerId":"guian.ascend-910b","count":8,"hours":1}'
RSV=$(sed -n 's/.*"id":"\(rsv-[0-9]*\)".*/\1/p' "$BODY")
grep -qi "^location: $BASE/api/v1/reservations/$RSV" "$HDRS" || { echo "FAIL: reservation Location header"; FAILURES=$((FAILURES + 1)); }
check 200 $J GET /api/v1/reservations "${AUTH[@]}"
check 200 $J GET "/n/guian/api/v1/reservations/$RSV" "${AUTH[@]}"
check 201 $J POST /n/guian/api/v1/jobs "${AUTH[@]}" "${JSON[@]}" \
    -d '{"name":"reserved","kind":"training","reservationId":"'"$RSV"'","requirements":{"acceleratorModel":"ascend-910b","accelerators":8,"durationHours":0.01}}'
check 200 $J GET "/api/v1/reservations/$RSV" "${AUTH[@]}"
grep -q '"state":"used"' "$BODY" || { echo "FAIL: reservation not used by the job"; FAILURES=$((FAILURES + 1)); }
check 409 $P POST "/api/v1/reservations/$RSV/cancel" "${AUTH[@]}"
check 201 $J POST /api/v1/reservations "${AUTH[@]}" "${JSON[@]}" -d '{"offerId":"guian.cpu","count":4,"hours":1}'
RSV2=$(sed -n 's/.*"id":"\(rsv-[0-9]*\)".*/\1/p' "$BODY")
check 200 $J POST "/api/v1/reservations/$RSV2/cancel" "${AUTH[@]}"
check 409 $P POST /api/v1/reservations "${AUTH[@]}" "${JSON[@]}" -d '{"offerId":"guian.h800","count":9999999,"hours":1}'
check 409 $P POST /api/v1/reservations "${AUTH[@]}" "${JSON[@]}" -d '{"offerId":"atlantis.h800","count":1,"hours":1}'
check 400 $P POST /api/v1/reservations "${AUTH[@]}" "${JSON[@]}" -d '{"offerId":"guian.h800","count":0,"hours":1}'
check 403 $P POST /api/v1/reservations -H "Authorization: Bearer $READER" "${JSON[@]}" -d '{"offerId":"guian.h800","count":1,"hours":1}'
check 404 $P GET /api/v1/reservations/rsv-999999 "${AUTH[@]}"

echo "--- the simulator's fault API"
check 200 $J GET /sim/v1/faults "${AUTH[@]}"
check 201 $J POST /sim/v1/faults "${AUTH[@]}" "${JSON[@]}" -d '{"kind":"node-down","target":"zhongwei"}'
check 503 $P GET /n/zhongwei/api/v1/node "${AUTH[@]}"
grep -qi '^retry-after:' "$HDRS" || { echo "FAIL: no Retry-After on 503"; FAILURES=$((FAILURES + 1)); }
check 409 $P POST /api/v1/reservations "${AUTH[@]}" "${JSON[@]}" -d '{"offerId":"zhongwei.ascend-910b","count":1,"hours":1}'
check 201 $J POST /sim/v1/faults "${AUTH[@]}" "${JSON[@]}" -d '{"kind":"link-congested","target":"l-guizhou-hub-guian"}'
check 201 $J POST /sim/v1/faults "${AUTH[@]}" "${JSON[@]}" -d '{"kind":"slow","target":"qingyang","delayMs":200}'
check 200 $J GET /n/qingyang/api/v1/node "${AUTH[@]}"
check 201 $J POST /sim/v1/faults "${AUTH[@]}" "${JSON[@]}" -d '{"kind":"malformed","target":"horinger","mode":"nan"}'
check 200 $J GET /n/horinger/api/v1/node "${AUTH[@]}"
grep -q 'NaN' "$BODY" || { echo "FAIL: malformed nan body has no NaN"; FAILURES=$((FAILURES + 1)); }
check 200 $J DELETE /sim/v1/faults/node-down/zhongwei "${AUTH[@]}"
check 404 $P DELETE /sim/v1/faults/node-down/zhongwei "${AUTH[@]}"
check 200 $J DELETE /sim/v1/faults "${AUTH[@]}"

echo "--- alarms: a node down raises one, acknowledged, commented, silenced; the fault cleared clears it"
check 201 $J POST /sim/v1/faults "${AUTH[@]}" "${JSON[@]}" -d '{"kind":"node-down","target":"zhongwei"}'
ALARM=
for _ in $(seq 50); do
    ALARM=$(curl -s "${AUTH[@]}" "$BASE/api/v1/alarms" | grep -o '"id":"alm-[0-9]*","kind":"node-down","raisedAt":[0-9]*,"revision":[0-9]*,"severity":"[a-z]*","silenced":false,"source":{"id":"zhongwei"' | head -1 | sed -n 's/"id":"\(alm-[0-9]*\)".*/\1/p')
    [ -n "$ALARM" ] && break
    sleep 0.1
done
[ -n "$ALARM" ] || { echo "FAIL: no node-down alarm for zhongwei"; FAILURES=$((FAILURES + 1)); }
check 200 $J GET /api/v1/alarms "${AUTH[@]}"
ALARM_CURSOR=$(sed -n 's/.*"cursor":"\([0-9-]*\)".*/\1/p' "$BODY")
check 200 $J POST "/api/v1/alarms/$ALARM/ack" "${AUTH[@]}" "${JSON[@]}" -d '{"comment":"curl-check is on it"}'
check 200 $J GET "/api/v1/alarms?since=$ALARM_CURSOR" "${AUTH[@]}"
grep -q '"by":"developer"' "$BODY" || { echo "FAIL: the cursor did not report the acknowledgement"; FAILURES=$((FAILURES + 1)); }
check 201 $J POST "/api/v1/alarms/$ALARM/comments" "${AUTH[@]}" "${JSON[@]}" -d '{"text":"crew on the way"}'
check 200 $J POST "/api/v1/alarms/$ALARM/unack" "${AUTH[@]}"
check 409 $P POST "/api/v1/alarms/$ALARM/unack" "${AUTH[@]}"
check 400 $P POST "/api/v1/alarms/$ALARM/ack" "${AUTH[@]}" "${JSON[@]}" -d '{"comment":""}'
check 403 $P POST "/api/v1/alarms/$ALARM/ack" -H "Authorization: Bearer $READER" "${JSON[@]}" -d '{"comment":"x"}'
check 404 $P POST /api/v1/alarms/alm-999999/ack "${AUTH[@]}" "${JSON[@]}" -d '{"comment":"x"}'
UNTIL=$(( $(date +%s) * 1000 + 3600000 ))
check 201 $J POST /api/v1/silences "${AUTH[@]}" "${JSON[@]}" \
    -d '{"target":{"kind":"node","id":"zhongwei"},"until":'"$UNTIL"',"reason":"curl-check maintenance"}'
SILENCE=$(sed -n 's/.*"id":"\(sil-[0-9]*\)".*/\1/p' "$BODY")
check 200 $J GET /api/v1/silences -H "Authorization: Bearer $READER"
check 200 $J DELETE "/api/v1/silences/$SILENCE" "${AUTH[@]}"
check 404 $P DELETE "/api/v1/silences/$SILENCE" "${AUTH[@]}"
check 200 $J DELETE /sim/v1/faults "${AUTH[@]}"

echo "--- OAuth: metadata, sign-in with a PKCE code, scopes by role, refresh, revocation"
H=text/html
FORM=application/x-www-form-urlencoded
REDIRECT=http://127.0.0.1:53682/callback
check 200 $J GET /.well-known/oauth-authorization-server
grep -q '"code_challenge_methods_supported":\["S256"\]' "$BODY" || { echo "FAIL: metadata lacks S256"; FAILURES=$((FAILURES + 1)); }
check 401 $P GET /api/v1/metrics
grep -qi '^www-authenticate: Bearer' "$HDRS" || { echo "FAIL: no WWW-Authenticate on 401"; FAILURES=$((FAILURES + 1)); }
b64url() { base64 | tr '+/' '-_' | tr -d '=\n'; }
VERIFIER=$(head -c 32 /dev/urandom | b64url)
CHALLENGE=$(printf %s "$VERIFIER" | openssl dgst -sha256 -binary | b64url)
AUTHZ="response_type=code&client_id=cpn-console&redirect_uri=$REDIRECT&state=curl-state"
check 302 text/plain GET "/oauth/authorize?$AUTHZ&scope=metrics:read"
grep -qi '^location: .*error=invalid_request' "$HDRS" || { echo "FAIL: no PKCE is not invalid_request"; FAILURES=$((FAILURES + 1)); }
check 400 $H GET "/oauth/authorize?response_type=code&client_id=cpn-console&redirect_uri=http://evil.example/cb&state=s&code_challenge=$CHALLENGE&code_challenge_method=S256"
# sign_in USER PASSWORD SCOPE: the code from the redirect, in $CODE
sign_in() {
    check 200 $H GET "/oauth/authorize?$AUTHZ&scope=$3&code_challenge=$CHALLENGE&code_challenge_method=S256"
    local rid
    rid=$(sed -n 's/.*name="request_id" value="\([^"]*\)".*/\1/p' "$BODY")
    check 302 text/plain POST /oauth/authorize -H "Content-Type: $FORM" --data-urlencode "request_id=$rid" \
        --data-urlencode "username=$1" --data-urlencode "password=$2"
    CODE=$(tr -d '\r' <"$HDRS" | sed -n 's/^[Ll]ocation: .*[?&]code=\([^&]*\).*/\1/p')
    grep -qi '^location: .*state=curl-state' "$HDRS" || { echo "FAIL: state not returned"; FAILURES=$((FAILURES + 1)); }
}
# exchange VERIFIER: the token answer in $BODY
exchange() {
    check "$2" $J POST /oauth/token -d grant_type=authorization_code -d client_id=cpn-console \
        --data-urlencode "redirect_uri=$REDIRECT" --data-urlencode "code=$CODE" --data-urlencode "code_verifier=$1"
}
json_field() { sed -n 's/.*"'"$1"'":"\([^"]*\)".*/\1/p' "$BODY"; }
check 200 $H GET "/oauth/authorize?$AUTHZ&scope=metrics:read&code_challenge=$CHALLENGE&code_challenge_method=S256"
RID=$(sed -n 's/.*name="request_id" value="\([^"]*\)".*/\1/p' "$BODY")
check 401 $H POST /oauth/authorize -H "Content-Type: $FORM" -d "request_id=$RID&username=operator&password=wrong"
grep -q 'Wrong user name or password' "$BODY" || { echo "FAIL: no wrong-password message"; FAILURES=$((FAILURES + 1)); }
sign_in operator operator 'metrics:read%20jobs:write'
exchange "$(head -c 32 /dev/urandom | b64url)" 400
grep -q '"error":"invalid_grant"' "$BODY" || { echo "FAIL: wrong verifier not invalid_grant"; FAILURES=$((FAILURES + 1)); }
sign_in operator operator 'metrics:read%20jobs:write'
exchange "$VERIFIER" 200
OPERATOR=$(json_field access_token)
check 200 $J GET /api/v1/metrics -H "Authorization: Bearer $OPERATOR"
check 403 $P POST /api/v1/jobs -H "Authorization: Bearer $OPERATOR" "${JSON[@]}" -d '{}'
exchange "$VERIFIER" 400
sign_in planner planner 'node:read%20metrics:read%20jobs:write'
exchange "$VERIFIER" 200
PLANNER=$(json_field access_token)
REFRESH=$(json_field refresh_token)
check 201 $J POST /n/guian/api/v1/jobs -H "Authorization: Bearer $PLANNER" "${JSON[@]}" \
    -d '{"name":"oauth","kind":"batch","requirements":{"cpuCores":8,"durationHours":0.01}}'
check 200 $J POST /oauth/token -d grant_type=refresh_token -d client_id=cpn-console --data-urlencode "refresh_token=$REFRESH"
check 400 $J POST /oauth/token -d grant_type=refresh_token -d client_id=cpn-console --data-urlencode "refresh_token=$REFRESH"
sign_in planner planner 'metrics:read'
exchange "$VERIFIER" 200
PLANNER=$(json_field access_token)
REFRESH=$(json_field refresh_token)
check 200 $J POST /oauth/revoke --data-urlencode "token=$REFRESH"
check 401 $P GET /api/v1/metrics -H "Authorization: Bearer $PLANNER"
grep -qi '^www-authenticate: Bearer error="invalid_token"' "$HDRS" || { echo "FAIL: revoked token not invalid_token"; FAILURES=$((FAILURES + 1)); }
check 200 $J POST /oauth/revoke -d token=never-issued

echo "--- identifier registration: apply, approve as a registrar, suspend, reinstate, revoke, reject"
APPLICATION='{"nodeId":"gy-finance","name":"Guiyang finance cloud","tier":"industry","role":"industry","sector":"FIN","province":"CN-GZ","city":"Guiyang","lat":26.65,"lon":106.63,"baseUrl":"https://gy-finance.example.cn","contact":"noc@gy-finance.example.cn"}'
check 201 $J POST /n/guizhou-hub/api/v1/registry -H "Authorization: Bearer $APPLICANT" "${JSON[@]}" -d "$APPLICATION"
REG=$(sed -n 's/.*"id":"\(reg-[0-9]*\)".*/\1/p' "$BODY")
grep -qi "^location: .*/n/guizhou-hub/api/v1/registry/$REG" "$HDRS" || { echo "FAIL: no Location for $REG"; FAILURES=$((FAILURES + 1)); }
check 409 $P POST /n/guizhou-hub/api/v1/registry -H "Authorization: Bearer $APPLICANT" "${JSON[@]}" -d "$APPLICATION"
check 422 $P POST /api/v1/registry -H "Authorization: Bearer $APPLICANT" "${JSON[@]}" -d "${APPLICATION/gy-finance/gy-lost}"
check 403 $P GET /api/v1/registry -H "Authorization: Bearer $APPLICANT"
check 200 $J GET "/api/v1/registry?state=pending" "${AUTH[@]}"
sign_in registrar registrar 'registry:read%20registry:write'
exchange "$VERIFIER" 200
REGISTRAR=$(json_field access_token)
check 200 $J POST "/api/v1/registry/$REG/approve" -H "Authorization: Bearer $REGISTRAR" "${JSON[@]}" -d '{}'
grep -q '"computeId":"CPN-I52-FIN-00001-5"' "$BODY" || { echo "FAIL: $REG not assigned CPN-I52-FIN-00001-5"; FAILURES=$((FAILURES + 1)); }
check 409 $P POST "/api/v1/registry/$REG/approve" -H "Authorization: Bearer $REGISTRAR" "${JSON[@]}" -d '{}'
check 403 $P POST "/api/v1/registry/$REG/suspend" -H "Authorization: Bearer $READER" "${JSON[@]}" -d '{"reason":"x"}'
check 400 $P POST "/api/v1/registry/$REG/suspend" -H "Authorization: Bearer $REGISTRAR" "${JSON[@]}" -d '{}'
check 200 $J POST "/api/v1/registry/$REG/suspend" -H "Authorization: Bearer $REGISTRAR" "${JSON[@]}" -d '{"reason":"Contact does not answer"}'
check 200 $J GET /n/guizhou-hub/api/v1/nodes "${AUTH[@]}"
grep -q '"id":"gy-finance".*"suspended":true' "$BODY" || { echo "FAIL: gy-finance is not listed suspended"; FAILURES=$((FAILURES + 1)); }
check 200 $J POST "/api/v1/registry/$REG/reinstate" -H "Authorization: Bearer $REGISTRAR" "${JSON[@]}" -d '{"reason":"Contact answers"}'
check 200 $J POST "/api/v1/registry/$REG/revoke" -H "Authorization: Bearer $REGISTRAR" "${JSON[@]}" -d '{"reason":"Left the network"}'
check 200 $J GET "/api/v1/registry/$REG" "${AUTH[@]}"
grep -q '"action":"applied".*"action":"approved".*"action":"suspended".*"action":"reinstated".*"action":"revoked"' "$BODY" ||
    { echo "FAIL: the audit trail of $REG is incomplete"; FAILURES=$((FAILURES + 1)); }
check 201 $J POST /n/guizhou-hub/api/v1/registry -H "Authorization: Bearer $APPLICANT" "${JSON[@]}" -d "$APPLICATION"
REG2=$(sed -n 's/.*"id":"\(reg-[0-9]*\)".*/\1/p' "$BODY")
check 200 $J POST "/api/v1/registry/$REG2/reject" -H "Authorization: Bearer $REGISTRAR" "${JSON[@]}" -d '{"reason":"No licence number given"}'
# The scenario's nodes are registered from the start; one registration a line, wuhu's id.
WUHU=$(curl -s "${AUTH[@]}" "$BASE/api/v1/registry" | sed 's/{"applicant"/\n&/g' | grep '"nodeId":"wuhu"' |
    sed -n 's/.*"id":"\(reg-[0-9]*\)".*/\1/p')
check 409 $P POST "/api/v1/registry/$WUHU/revoke" -H "Authorization: Bearer $REGISTRAR" "${JSON[@]}" -d '{"reason":"x"}'
check 200 $J POST "/api/v1/registry/$WUHU/suspend" -H "Authorization: Bearer $REGISTRAR" "${JSON[@]}" -d '{"reason":"Audit"}'
check 409 $P POST /api/v1/jobs "${AUTH[@]}" "${JSON[@]}" \
    -d '{"name":"x","kind":"batch","nodeId":"wuhu","requirements":{"cpuCores":1,"durationHours":1}}'
check 200 $J POST "/api/v1/registry/$WUHU/reinstate" -H "Authorization: Bearer $REGISTRAR" "${JSON[@]}" -d '{"reason":"Audit passed"}'

echo "--- bad requests"
check 401 $P GET /api/v1/nodes
check 401 $P GET /api/v1/nodes -H 'Authorization: Bearer wrong'
check 403 $P POST /api/v1/jobs -H "Authorization: Bearer $READER" "${JSON[@]}" -d '{}'
check 403 $P GET /sim/v1/faults -H "Authorization: Bearer $READER"
check 404 $P GET /api/v1/nope "${AUTH[@]}"
check 404 $P GET / "${AUTH[@]}"
check 404 $P GET /n/atlantis/api/v1/node "${AUTH[@]}"
check 404 $P GET /api/v1/jobs/job-999999 "${AUTH[@]}"
check 405 $P DELETE /api/v1/nodes "${AUTH[@]}"
check 400 $P POST /api/v1/jobs "${AUTH[@]}" "${JSON[@]}" -d '{"name": tru'
check 400 $P POST /api/v1/jobs "${AUTH[@]}" "${JSON[@]}" -d '{"name":"x","kind":"batch","requirements":{"durationHours":-1}}'
check 400 $P GET "/api/v1/metrics?limit=9999" "${AUTH[@]}"
check 400 $P POST /api/v1/jobs "${AUTH[@]}" "${JSON[@]}" -d '{"name":"x","kind":"batch","requirements":{"durationHours":0}}'
check 415 $P POST /api/v1/jobs "${AUTH[@]}" -H 'Content-Type: text/plain' -d 'hello'
check 413 $P POST /api/v1/jobs "${AUTH[@]}" "${JSON[@]}" --data-binary "@$BIG"
check 422 $P POST /n/guian/api/v1/jobs "${AUTH[@]}" "${JSON[@]}" \
    -d '{"name":"x","kind":"batch","requirements":{"acceleratorModel":"mlu370","accelerators":1,"durationHours":1}}'

if [ "$FAILURES" -ne 0 ]; then
    echo "$FAILURES check(s) FAILED"
    exit 1
fi
echo "all checks passed"
