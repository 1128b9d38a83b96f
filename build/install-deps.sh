#!/usr/bin/env bash
# Debian packages the tests use as real peers: Chromium (UI tests through Playwright), a JDK
# (keytool and a small JSSE program), Jetty 9 (serves HTTPS with our keystores), OpenSSL.
# Idempotent: does nothing when everything is already there.
set -euo pipefail

missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
command -v javac >/dev/null 2>&1 && command -v keytool >/dev/null 2>&1 || missing+=(openjdk-17-jdk-headless)
[[ -f /usr/share/java/jetty9-server.jar ]] || missing+=(libjetty9-java)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
[[ -f /etc/ssl/certs/java/cacerts ]] || missing+=(ca-certificates-java)

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install-deps: chromium, JDK, Jetty 9 and openssl are present"
  exit 0
fi
echo "install-deps: installing ${missing[*]}"
sudo=''
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null 2>&1 || { echo "install-deps: run as root to install: ${missing[*]}" >&2; exit 1; }
  sudo='sudo'
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done"
