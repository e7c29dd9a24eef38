#!/usr/bin/env bash
# The one command that runs every test: restores the Node test tools from the lock file, builds the
# solution (which lays out the module in out/SnapshotPS and builds a pwsh 7.6.9 from NuGet in
# tests/SnapshotPS.TestHost), runs every xunit project (the in-process PowerShell tests among them),
# then the Pester suite in that pwsh. Any failure fails the run; the last line counts everything.
set -euo pipefail
cd "$(dirname "$0")/.."
results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 POWERSHELL_TELEMETRY_OPTOUT=1 POWERSHELL_UPDATECHECK=Off

echo "== Node test tools (npm ci)"
npm ci --no-audit --no-fund --loglevel=error

echo "== Build"
dotnet build SnapshotPS.sln -c Release --nologo

status=0
echo "== xunit"
for project in tests/*/*.Tests.csproj; do
    name=$(basename "$project" .csproj)
    dotnet test "$project" -c Release --no-build --nologo --logger "trx;LogFileName=$name.trx" --results-directory "$results" || status=1
done
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
    counters=$(grep -o '<Counters [^>]*>' "$trx")
    count() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
    echo "  $(basename "$trx" .trx): $(count passed) passed, $(count failed) failed, $(count notExecuted) skipped"
    passed=$((passed + $(count passed)))
    failed=$((failed + $(count failed)))
    skipped=$((skipped + $(count notExecuted)))
done
[ "$passed" -gt 0 ] || { echo "xunit ran no test" >&2; exit 1; }

echo "== Pester (in the pwsh built from Microsoft.PowerShell.SDK, tests/SnapshotPS.TestHost)"
pwsh_host=tests/SnapshotPS.TestHost/bin/Release/net10.0/pwsh
pester_log="$results/pester.txt"
"$pwsh_host" -NoProfile -NonInteractive -File tests/Invoke-PesterSuite.ps1 -ResultFile "$results/pester.xml" | tee "$pester_log" || status=1
pester_line=$(grep -E '^Pester .*: [0-9]+ passed, [0-9]+ failed' "$pester_log" | tail -n 1 || true)
[ -n "$pester_line" ] || { echo "Pester printed no summary: it did not run" >&2; exit 1; }
pester_counts() { sed -n "s/.*: \([0-9]*\) passed, \([0-9]*\) failed, \([0-9]*\) skipped.*/\\$1/p" <<<"$pester_line"; }

echo "xunit: $passed passed, $failed failed, $skipped skipped"
echo "$pester_line"
echo "total: $((passed + $(pester_counts 1))) passed, $((failed + $(pester_counts 2))) failed, $((skipped + $(pester_counts 3))) skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ] && [ "$(pester_counts 2)" -eq 0 ]
