#!/usr/bin/env bash
# Debian packages the tests use as real peers: Chromium (UI tests through Playwright), a JDK
# (keytool and a small JSSE program), Jetty 9 (serves HTTPS with our keystores), OpenSSL,
# SnakeYAML (the YAML reader RWS uses: judge of every file we write), OpenSSH server and client
# plus ansible-core (fleet tests against one sshd per node on loopback), promtool and
# node_exporter (certificate expiry metrics).
# Idempotent: does nothing when everything is already there.
set -euo pipefail

missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
command -v javac >/dev/null 2>&1 && command -v keytool >/dev/null 2>&1 || missing+=(openjdk-17-jdk-headless)
[[ -f /usr/share/java/jetty9-server.jar ]] || missing+=(libjetty9-java)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
[[ -f /etc/ssl/certs/java/cacerts ]] || missing+=(ca-certificates-java)
[[ -f /usr/share/java/snakeyaml.jar ]] || missing+=(libyaml-snake-java)
[[ -x /usr/sbin/sshd ]] || missing+=(openssh-server)
command -v ssh >/dev/null 2>&1 && command -v ssh-keygen >/dev/null 2>&1 || missing+=(openssh-client)
command -v ansible-playbook >/dev/null 2>&1 || missing+=(ansible-core)
command -v promtool >/dev/null 2>&1 || missing+=(prometheus)
command -v prometheus-node-exporter >/dev/null 2>&1 || missing+=(prometheus-node-exporter)

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install-deps: all test peers are present"
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
# policy-rc.d keeps Debian from starting sshd / node_exporter / prometheus as system services:
# the tests start their own instances on loopback ports.
if [[ ! -e /usr/sbin/policy-rc.d ]]; then
  printf '#!/bin/sh\nexit 101\n' | $sudo tee /usr/sbin/policy-rc.d >/dev/null
  $sudo chmod 755 /usr/sbin/policy-rc.d
  trap '$sudo rm -f /usr/sbin/policy-rc.d' EXIT
fi
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done"
