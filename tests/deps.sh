#!/bin/sh
# Makes sure the Debian packages named as arguments are installed, and that a
# Dutch UTF-8 locale exists for the locale tests. As root it installs what is
# missing with apt-get; as anyone else it prints the command and fails.
set -eu

missing=
for pkg in "$@"; do
	status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
	case $status in
	*" installed") ;;
	*) missing="$missing $pkg" ;;
	esac
done

if [ -n "$missing" ]; then
	if [ "$(id -u)" -ne 0 ]; then
		echo "transitietaal: missing Debian packages:$missing" >&2
		echo "run: sudo apt-get install -y$missing" >&2
		exit 1
	fi
	echo "transitietaal: installing:$missing" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >&2
	# shellcheck disable=SC2086
	apt-get install -y -qq --no-install-recommends $missing >&2
fi

# The locale tests compare output under C and under nl_NL.UTF-8.
if command -v localedef >/dev/null 2>&1 &&
    ! locale -a 2>/dev/null | grep -qi '^nl_NL\.utf-\{0,1\}8$'; then
	if [ "$(id -u)" -eq 0 ]; then
		localedef -i nl_NL -f UTF-8 nl_NL.UTF-8 >&2 || true
	else
		echo "transitietaal: no nl_NL.UTF-8 locale; run: sudo localedef -i nl_NL -f UTF-8 nl_NL.UTF-8" >&2
	fi
fi
