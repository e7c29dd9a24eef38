#Requires -Version 5.1
<#
.SYNOPSIS
    Runs the Pester suite in tests/Pester and examples/ with Pester 5 and prints one closing line of counts.
    Exits 1 when any test failed or none ran. Used by tests/run-all.sh (in the pwsh built from
    NuGet, tests/SnapshotPS.TestHost) and by build.ps1 -Task Test.
#>
[CmdletBinding()]
param(
    # The walk-throughs, and the examples' own tests (examples/*.Tests.ps1), which users copy with the examples.
    [string[]] $Path = @((Join-Path $PSScriptRoot 'Pester'), (Join-Path $PSScriptRoot '../examples')),
    [string] $ResultFile
)

$ErrorActionPreference = 'Stop'
$pester = Get-Module -ListAvailable -Name 'Pester' | Where-Object { $_.Version -ge [version]'5.0' } |
    Sort-Object -Property Version -Descending | Select-Object -First 1
if (-not $pester) { throw 'Pester 5 is needed (the test host has it; elsewhere: Install-Module Pester -MinimumVersion 5.0).' }
Import-Module $pester

$config = New-PesterConfiguration
$config.Run.Path = $Path
$config.Run.PassThru = $true
$config.Output.Verbosity = 'Detailed'
if ($ResultFile) {
    $config.TestResult.Enabled = $true
    $config.TestResult.OutputFormat = 'NUnitXml'
    $config.TestResult.OutputPath = $ResultFile
}
$result = Invoke-Pester -Configuration $config

"Pester $($pester.Version) on PowerShell $($PSVersionTable.PSVersion) ($($PSVersionTable.PSEdition)): $($result.PassedCount) passed, $($result.FailedCount) failed, $($result.SkippedCount + $result.NotRunCount) skipped"
if ($result.FailedCount -gt 0 -or $result.PassedCount -eq 0 -or $result.Result -ne 'Passed') { exit 1 }
exit 0
