#!/usr/bin/env bash
# Runs every test of the SDC. On a fresh machine it first installs what the tests need (Debian
# packages, the npm test tools, the portal's npm packages), then starts throwaway services (a
# PostgreSQL cluster, an S3 server and a Cognito emulator on free loopback ports), runs the suites
# (.NET, the Python processor's, the portal's unit tests, the portal's browser tests in headless
# Chromium against `sdc local up`), and tears the services down. Idempotent.
#   ./test.sh                 all tests
#   ./test.sh --filter EXPR   passed to `dotnet test --filter` (e.g. FullyQualifiedName~Catalog)
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)

# --- Debian packages --------------------------------------------------------------------------
apt_needed=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || apt_needed+=(postgresql)
command -v python3 >/dev/null || apt_needed+=(python3)
# Independent checks of what the processors write: FITS by fitsverify and astropy, arrays by numpy.
command -v fitsverify >/dev/null || apt_needed+=(fitsverify)
# Debian's own python3: a pyenv or venv python3 earlier on PATH does not see Debian's packages.
/usr/bin/python3 -c 'import numpy' 2>/dev/null || apt_needed+=(python3-numpy)
/usr/bin/python3 -c 'import astropy.io.fits' 2>/dev/null || apt_needed+=(python3-astropy)
# The portal's browser tests drive Debian's Chromium (playwright-core, no browser download).
[ -x /usr/bin/chromium ] || apt_needed+=(chromium)
if [ ${#apt_needed[@]} -gt 0 ]; then
  echo "test.sh: installing ${apt_needed[*]}"
  if [ "$(id -u)" != 0 ]; then
    echo "test.sh: need root to apt-get install ${apt_needed[*]} (or install them yourself)" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${apt_needed[@]}" >/dev/null
fi

# --- npm test tools (s3rver, …) ---------------------------------------------------------------
tools="$root/tests/tools"
if [ ! -f "$tools/node_modules/.installed" ] || [ "$tools/package-lock.json" -nt "$tools/node_modules/.installed" ]; then
  echo "test.sh: npm ci in tests/tools"
  (cd "$tools" && npm ci --no-audit --no-fund --loglevel=error)
  touch "$tools/node_modules/.installed"
fi

# --- the portal's npm packages (vite, vitest, playwright-core, …) --------------------------------
web="$root/web"
if [ ! -f "$web/node_modules/.installed" ] || [ "$web/package-lock.json" -nt "$web/node_modules/.installed" ]; then
  echo "test.sh: npm ci in web"
  # npm ci refuses a lock that lacks another platform's optional native package (as one written
  # where the registry lacks it does, see web/README.md); npm install of the same lock then installs
  # the same versions without rewriting it.
  (cd "$web" && { npm ci --no-audit --no-fund --loglevel=error 2>/dev/null \
    || npm install --no-save --no-audit --no-fund --loglevel=error; })
  touch "$web/node_modules/.installed"
fi

# The built portal: the CDK app deploys web/dist, so its tests (tests/Sdc.Infra.Tests) synthesize with it.
if [ ! -f "$web/dist/index.html" ] || [ -n "$(find "$web/src" "$web/index.html" "$web/package-lock.json" -newer "$web/dist/index.html" -type f -print -quit)" ]; then
  echo "test.sh: building the portal (web/dist)"
  (cd "$web" && npm run build --silent) >/dev/null
fi

export SDC_PYTHON=/usr/bin/python3

# --- services ---------------------------------------------------------------------------------
state=$(mktemp -d /tmp/sdc-test-services.XXXXXX)
trap '"$root/tests/services/stop.sh" "$state"' EXIT
"$root/tests/services/start.sh" "$state" >/dev/null
# shellcheck disable=SC1091
source "$state/env.sh"
echo "test.sh: PostgreSQL, s3rver ($SDC_TEST_S3_ENDPOINT) and cognito-local ($SDC_TEST_COGNITO_ENDPOINT) up"

# --- tests ------------------------------------------------------------------------------------
results="$root/.artifacts/test-results"
rm -rf "$results"; mkdir -p "$results"
set +e
dotnet test "$root/Sdc.sln" --nologo -c Debug --logger "console;verbosity=normal" --logger trx \
  --results-directory "$results" "$@" 2>&1 | tee "$results/console.log" \
  | grep -E --line-buffered '^\s+(Passed|Failed|Skipped) |^(Passed|Failed)!|error|Error Message|Assert|Expected|Actual'
status=${PIPESTATUS[0]}

# The Python processor's own suite (unittest), beside the C# contract suite that also runs it.
echo "test.sh: processors/emu-py (python unittest)"
/usr/bin/python3 -m unittest discover -s "$root/processors/emu-py" >"$results/emu-py.log" 2>&1
py_status=$?
tail -3 "$results/emu-py.log"
[ "$status" = 0 ] && status=$py_status

# The portal: its unit tests (vitest), then its browser tests (web/e2e: builds web/dist, makes a
# simulated day with one failed job, serves it with `sdc local up`, drives headless Chromium;
# screenshots and logs in .artifacts/e2e). Both write JUnit XML, counted below.
echo "test.sh: web (vitest)"
(cd "$web" && npm test --silent -- --reporter=default --reporter=junit --outputFile.junit="$results/web-unit.xml") \
  >"$results/web-unit.log" 2>&1
web_status=$?
grep -E '^\s+(Test Files|Tests) ' "$results/web-unit.log" || tail -20 "$results/web-unit.log"
[ "$status" = 0 ] && status=$web_status
echo "test.sh: web/e2e (headless Chromium against sdc local up)"
(cd "$web" && node --test --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=junit --test-reporter-destination="$results/web-e2e.xml" e2e/portal.test.mjs) 2>&1 \
  | tee "$results/web-e2e.log" | grep -E --line-buffered '^\s*(✔|✖) |^e2e: |Error'
e2e_status=${PIPESTATUS[0]}
[ "$status" = 0 ] && status=$e2e_status
echo "$web_status" >"$results/web-unit.status"; echo "$e2e_status" >"$results/web-e2e.status"
set -e

# One closing line for the whole run, summed over the suites.
python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
import re
log = open(sys.argv[1] + "/emu-py.log").read()
ran = re.search(r"Ran (\d+) test", log)
bad = re.search(r"FAILED \((.*)\)", log)
failed = sum(int(n) for n in re.findall(r"(?:failures|errors)=(\d+)", bad.group(1))) if bad else 0
passed, skipped = (int(ran.group(1)) if ran else 0) - failed, 0
for trx in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(trx).getroot().find(".//{*}Counters")
    if c is None: continue
    passed += int(c.get("passed", 0)); failed += int(c.get("failed", 0)) + int(c.get("error", 0))
    skipped += int(c.get("notExecuted", 0))
# The portal's suites (JUnit XML); one that failed without a report counts as one failure.
for suite in ("web-unit", "web-e2e"):
    cases = []
    try:
        cases = list(ET.parse(f"{sys.argv[1]}/{suite}.xml").getroot().iter("testcase"))
    except (OSError, ET.ParseError):
        pass
    for case in cases:
        if case.find("failure") is not None or case.find("error") is not None: failed += 1
        elif case.find("skipped") is not None: skipped += 1
        else: passed += 1
    if not cases and open(f"{sys.argv[1]}/{suite}.status").read().strip() != "0":
        failed += 1
print(f"tests: {passed} passed, {failed} failed, {skipped} skipped")
PY
exit "$status"
