#!/usr/bin/env bash
# The vendor guide's "Secure Connections from Interaction Recording Web Services to Cassandra 4"
# procedure, as an admin would script it for N nodes with keytool + openssl (RSA-2048). It is the
# BASELINE for test/bench/kit.bench.ts only; the product builds the same kit with `rwsec kit cassandra`.
#
# Usage: guide-cassandra-procedure.sh OUT_DIR NODE [NODE ...]   (store password: $STOREPASS or "password")
#
# Fixes to the guide's text so that it runs for several nodes and yields a usable kit (none of them
# adds a JVM start): one server.jks per node instead of one shared file, the root key kept until
# every node is signed (the guide deletes private.pem inside the per-node loop), the signed reply
# imported under the node's own alias (the guide's `<node_cert>` alias would store it as a trusted
# certificate, not as the reply), and the node name carried into the certificate as a SAN.
set -euo pipefail
# keytool prints a JKS migration warning on stderr for every command; the exit status still counts.

if [ "$#" -lt 2 ]; then
  echo "usage: $0 OUT_DIR NODE [NODE ...]" >&2
  exit 2
fi
out=$1
shift
pass=${STOREPASS:-password}
mkdir -p "$out"
cd "$out"

# --- Step 1: self-signed root authority, client truststore ---
keytool -genkeypair -alias root -keyalg RSA -keysize 2048 -validity 3650 \
  -dname "CN=TestRoot, OU=Dev, O=Company, C=US" -keystore root.jks -storetype JKS \
  -storepass "$pass" -keypass "$pass" \
  -ext KeyUsage=digitalSignature,keyCertSign,cRLSign -ext BasicConstraints=ca:true 2>/dev/null

keytool -exportcert -alias root -file root.crt -keystore root.jks -storepass "$pass" -rfc 2>/dev/null

# Export the root's private key: needed to sign the node certificates.
keytool -importkeystore -srckeystore root.jks -srcalias root -destkeystore root.p12 \
  -deststoretype PKCS12 -noprompt -destkeypass "$pass" -srckeypass "$pass" -destalias root \
  -srcstorepass "$pass" -deststorepass "$pass" 2>/dev/null
openssl pkcs12 -in root.p12 -out private.pem -passin "pass:$pass" -passout "pass:$pass"
rm root.p12

keytool -importcert -alias root -file root.crt -keystore client.jks -storetype JKS \
  -storepass "$pass" -noprompt 2>/dev/null

# --- Step 2: for each Cassandra node ---
for node in "$@"; do
  mkdir -p "$node"
  ks="$node/server.jks"
  keytool -genkeypair -alias "$node" -keyalg RSA -keysize 2048 -validity 3650 \
    -dname "CN=$node, OU=Test, O=Test Ltd, C=US" -keystore "$ks" -storetype JKS \
    -storepass "$pass" -keypass "$pass" 2>/dev/null

  keytool -certreq -alias "$node" -keystore "$ks" -file "$node/$node.csr" -storepass "$pass" \
    -keypass "$pass" -ext "SAN=dns:$node" -ext EKU=serverAuth,clientAuth 2>/dev/null

  openssl x509 -req -CA private.pem -in "$node/$node.csr" -out "$node/$node.cert" -days 3650 \
    -CAcreateserial -copy_extensions copy -passin "pass:$pass" 2>/dev/null
  rm "$node/$node.csr"

  # The reply's chain must be complete: the root first, then the signed certificate.
  keytool -importcert -alias root -file root.crt -keystore "$ks" -storepass "$pass" \
    -noprompt 2>/dev/null
  keytool -importcert -trustcacerts -alias "$node" -file "$node/$node.cert" -keystore "$ks" \
    -storepass "$pass" -keypass "$pass" -noprompt >/dev/null 2>&1
  rm "$node/$node.cert"
done

rm -f private.pem private.srl root.srl
