#Requires -Version 5.1
<#
.SYNOPSIS
    Builds, tests and packages SnapshotPS on a machine with PowerShell. It wraps dotnet; a plain
    'dotnet build' lays out the same module folder.
.EXAMPLE
    ./build.ps1                 # Build (Release): lays out out/SnapshotPS
.EXAMPLE
    ./build.ps1 -Task Test      # Build, xunit, PowerShell syntax check, Pester
.EXAMPLE
    ./build.ps1 -Task Package   # Build, then zip out/SnapshotPS into artifacts/
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Package')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-Location $PSScriptRoot

function Invoke-Native {
    param([string] $Command, [string[]] $Arguments)
    & $Command @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Command $($Arguments -join ' ') failed with exit code $LASTEXITCODE." }
}

function Invoke-Build {
    Invoke-Native -Command 'dotnet' -Arguments @('build', 'SnapshotPS.sln', '-c', $Configuration, '--nologo')
}

function Invoke-Test {
    Invoke-Native -Command 'dotnet' -Arguments @('test', 'SnapshotPS.sln', '-c', $Configuration, '--no-build', '--nologo')
    if (Get-Command -Name 'node' -ErrorAction SilentlyContinue) {
        Invoke-Native -Command 'npm' -Arguments @('ci', '--no-audit', '--no-fund', '--loglevel=error')
        Invoke-Native -Command 'node' -Arguments @('--no-deprecation', 'tests/Pester/parse-powershell.mjs')
    }
    $pester = Get-Module -ListAvailable -Name 'Pester' | Where-Object { $_.Version -ge [version]'5.0' } | Select-Object -First 1
    if (-not $pester) { throw 'Pester 5 is needed: Install-Module Pester -MinimumVersion 5.0 -Scope CurrentUser' }
    Import-Module $pester
    $config = New-PesterConfiguration
    $config.Run.Path = Join-Path $PSScriptRoot 'tests/Pester'
    $config.Run.Exit = $false
    $config.Run.PassThru = $true
    $config.Output.Verbosity = 'Detailed'
    $result = Invoke-Pester -Configuration $config
    if ($result.FailedCount -gt 0) { throw "$($result.FailedCount) Pester test(s) failed." }
}

function Invoke-Package {
    $manifest = Import-PowerShellDataFile -Path (Join-Path $PSScriptRoot 'out/SnapshotPS/SnapshotPS.psd1')
    $artifacts = New-Item -ItemType Directory -Force -Path (Join-Path $PSScriptRoot 'artifacts')
    $zip = Join-Path $artifacts "SnapshotPS-$($manifest.ModuleVersion).zip"
    if (Test-Path $zip) { Remove-Item $zip }
    Add-Type -AssemblyName 'System.IO.Compression.FileSystem'
    [System.IO.Compression.ZipFile]::CreateFromDirectory((Join-Path $PSScriptRoot 'out/SnapshotPS'), $zip)
    Write-Host "Packaged $zip"
}

Invoke-Build
switch ($Task) {
    'Test' { Invoke-Test }
    'Package' { Invoke-Package }
}
