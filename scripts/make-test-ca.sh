#!/bin/sh
# Makes a throwaway private CA and a server certificate for 127.0.0.1, ::1 and localhost signed by
# it, for cpn-nodesim --tls-cert/--tls-key and the TLS tests. Valid two days; never use it elsewhere.
# Usage: scripts/make-test-ca.sh OUTDIR   -> OUTDIR/ca.pem, ca.key, server.pem, server.key
set -eu
[ $# -eq 1 ] || { echo "usage: $0 OUTDIR" >&2; exit 2; }
out=$1
mkdir -p "$out"
cd "$out"
umask 077

openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 \
    -subj "/O=CPN test/CN=CPN test CA" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -keyout ca.key -out ca.pem 2>/dev/null

openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
    -subj "/O=CPN test/CN=127.0.0.1" -keyout server.key -out server.csr 2>/dev/null

cat >server.ext <<'EXT'
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth
subjectAltName=IP:127.0.0.1,IP:::1,DNS:localhost
EXT
openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 \
    -extfile server.ext -out server.pem 2>/dev/null
rm -f server.csr server.ext ca.srl
chmod 644 ca.pem server.pem
echo "$out/ca.pem $out/server.pem $out/server.key"
