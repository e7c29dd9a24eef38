#!/usr/bin/env bash
# The one command that runs every test: restores the Node tools from the lock file, builds the
# solution (which lays out the module in out/SnapshotPS), runs the xunit suites, checks that every
# PowerShell file parses, and runs the Pester walk-through where a pwsh with Pester 5 exists.
set -euo pipefail
cd "$(dirname "$0")/.."
results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

echo "== Node test tools (npm ci)"
npm ci --no-audit --no-fund --loglevel=error

echo "== Build"
dotnet build SnapshotPS.sln -c Release --nologo

echo "== xunit"
for project in tests/*/*.Tests.csproj; do
    name=$(basename "$project" .csproj)
    dotnet test "$project" -c Release --no-build --nologo --logger "trx;LogFileName=$name.trx" --results-directory "$results"
done
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
    counters=$(grep -o '<Counters [^>]*>' "$trx")
    count() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
    passed=$((passed + $(count passed)))
    failed=$((failed + $(count failed)))
    skipped=$((skipped + $(count notExecuted)))
done
[ "$passed" -gt 0 ] || { echo "xunit ran no test" >&2; exit 1; }

echo "== PowerShell syntax (tree-sitter-powershell)"
node --no-deprecation tests/Pester/parse-powershell.mjs

echo "== Pester"
if command -v pwsh >/dev/null 2>&1 && pwsh -NoProfile -Command 'if (-not (Get-Module -ListAvailable Pester | Where-Object Version -ge 5.0)) { exit 1 }'; then
    pwsh -NoProfile -NonInteractive -Command '$c = New-PesterConfiguration; $c.Run.Path = "./tests/Pester"; $c.Run.Exit = $true; $c.Output.Verbosity = "Detailed"; Invoke-Pester -Configuration $c'
    echo "Pester: ran (its own summary above)"
else
    echo "Pester: NOT RUN - no pwsh with Pester 5 on this machine; the scripts were only parsed, not executed."
fi

echo "xunit: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
