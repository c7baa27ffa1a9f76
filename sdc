#!/usr/bin/env bash
# Runs the `sdc` command line from this checkout, building it first when any source changed
# since the last build (so the first run takes a minute, later ones start at once).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
out="$here/.artifacts/cli"
stamp="$out/.built"

sources_changed() {
  [ -f "$stamp" ] || return 0
  [ -n "$(find "$here/cli" "$here/functions" "$here/local" "$here/processors" "$here/infra" \
            "$here/Directory.Build.props" "$here/Directory.Packages.props" \
            \( -name bin -o -name obj -o -name node_modules \) -prune -o \
            -newer "$stamp" -type f \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.sql' -o -name '*.json' \) \
            -print -quit 2>/dev/null)" ]
}

if sources_changed; then
  echo "sdc: building the command line (first run or sources changed)…" >&2
  mkdir -p "$out" # a fresh clone has no .artifacts/ yet, and the build log goes beside it
  if ! dotnet build "$here/cli/Sdc.Cli/Sdc.Cli.csproj" -c Release -o "$out" --nologo -v quiet -clp:ErrorsOnly >"$out.log" 2>&1; then
    cat "$out.log" >&2
    echo "sdc: build failed (log above)" >&2
    exit 1
  fi
  touch "$stamp"
fi

# The portal (web/dist), which `sdc local up` and `sdc demo` serve: built when missing or when its
# sources changed, if npm is here; without it the API still works and the portal is skipped.
web="$here/web"
if [ -f "$web/package.json" ] && command -v npm >/dev/null; then
  if [ ! -f "$web/dist/index.html" ] || [ -n "$(find "$web/src" "$web/index.html" "$web/package-lock.json" -newer "$web/dist/index.html" -type f -print -quit 2>/dev/null)" ]; then
    echo "sdc: building the portal (web/, first run or sources changed)…" >&2
    mkdir -p "$here/.artifacts"
    if ! (cd "$web" && { [ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --no-audit --no-fund --loglevel=error; } \
          && npm run build) >"$here/.artifacts/web.log" 2>&1; then
      echo "sdc: the portal did not build (log: .artifacts/web.log); serving the API without it" >&2
    fi
  fi
fi

export SDC_HOME="$here"
exec dotnet "$out/sdc.dll" "$@"
