#!/usr/bin/env bash
# Installs the Debian 12 packages the project needs, only those that are missing.
set -euo pipefail

packages=(
    # toolchain
    g++ cmake ninja-build pkg-config
    # the fuzz targets (scripts/fuzz.sh): clang with libFuzzer and the sanitizers' runtimes
    clang libclang-rt-14-dev
    # Qt 6.4 as Debian packages
    qt6-base-dev qt6-base-dev-tools libqt6opengl6-dev qt6-qpa-plugins libqt6sql6-sqlite
    qt6-charts-dev qt6-networkauth-dev qt6-httpserver-dev qt6-websockets-dev qt6-svg-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    # alarm sounds (QSoundEffect)
    qt6-multimedia-dev
    libsqlite3-dev libgl-dev libvulkan-dev
    # fonts for Chinese names; Xvfb for screenshots; curl for scripts/curl-check.sh
    fonts-noto-cjk xvfb xauth curl
    # sign-in: tokens in the keychain (and a headless Secret Service for tests), the browser the tests drive
    qtkeychain-qt6-dev gnome-keyring dbus chromium openssl
    # the accessibility test reads the running console's tree over AT-SPI (tests/a11y/atspi_tree.py): the AT-SPI bus
    # and registry, and their Python bindings
    at-spi2-core python3-pyatspi
    # the Debian packages (scripts/package.sh, tests/package): CPack's dependency computation (dpkg-shlibdeps), man
    # pages from --help, and the checks Debian runs on packages, desktop entries and AppStream metadata
    dpkg-dev help2man lintian desktop-file-utils appstream
    # the handover report's test reads its PDFs with poppler's tools (pdftotext, pdfimages, pdffonts)
    poppler-utils
    # docs/openapi.yaml read by the protocol contract test (scripts/yaml-to-json.py)
    python3 python3-yaml
    # a real site's services for the backends tests and the site demo (scripts/services/start-site.sh):
    # Prometheus scraping node_exporter and our dcgm-format exporter (tools/fake-dcgm-exporter.py), Alertmanager,
    # a one-host Slurm (controller, node daemons, client tools) with munge for its authentication, slurmrestd with
    # the JWT plugin for token authentication; util-linux for setpriv (slurmrestd refuses to run as root)
    prometheus prometheus-node-exporter prometheus-alertmanager
    slurm-wlm slurmctld slurmd slurm-client slurmrestd slurm-wlm-jwt-plugin munge util-linux
)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all ${#packages[@]} packages present"
    exit 0
fi

echo "install-deps: installing ${missing[*]}"
as_root=()
if [ "$(id -u)" -ne 0 ]; then
    as_root=(sudo)
fi
"${as_root[@]}" apt-get update -qq
# The service packages' maintainer scripts start their daemons (on the default ports, with /etc configs) when the
# system lets them; ours are started per test run by scripts/services/start-site.sh on free ports, so a
# policy-rc.d that answers 101 ("action forbidden") keeps the packaged ones down while they install.
policy=/usr/sbin/policy-rc.d
if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | "${as_root[@]}" tee "$policy" >/dev/null
    "${as_root[@]}" chmod 755 "$policy"
    trap '"${as_root[@]}" rm -f "$policy"' EXIT
fi
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"

# Where systemd runs, the service packages just installed also enabled their units for the next boot (a
# Prometheus on :9090, munge on its default socket, a slurmctld without a configuration...). The tests and the
# demo start their own per run (scripts/services/start-site.sh), so the packaged ones are disabled and stopped.
if [ -d /run/systemd/system ]; then
    for unit in prometheus prometheus-node-exporter prometheus-alertmanager munge slurmctld slurmd slurmrestd; do
        if [[ " ${missing[*]} " == *" $unit "* ]]; then # its package is the unit's namesake
            "${as_root[@]}" systemctl disable --now "$unit" 2>/dev/null || true
        fi
    done
fi
