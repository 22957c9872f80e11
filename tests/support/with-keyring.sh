#!/bin/sh
# Runs a command in a private D-Bus session with an unlocked gnome-keyring (a real Secret Service), in a
# throwaway home, so a test's secrets never reach the user's own keyring. Needs Debian's dbus and gnome-keyring.
set -eu
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export HOME="$home" XDG_DATA_HOME="$home/data" XDG_RUNTIME_DIR="$home/run"
mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
dbus-run-session -- sh -c 'printf keyring-password | gnome-keyring-daemon --unlock --components=secrets >/dev/null && "$@"' sh "$@"
