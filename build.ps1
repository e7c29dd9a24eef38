#Requires -Version 5.1
<#
.SYNOPSIS
    Builds, tests and packages SnapshotPS on a machine with PowerShell. It wraps dotnet; a plain
    'dotnet build' lays out the same module folder.
.EXAMPLE
    ./build.ps1                 # Build (Release): lays out out/SnapshotPS
.EXAMPLE
    ./build.ps1 -Task Try       # Build the module and the emulator, open a session connected to every fake cloud
.EXAMPLE
    ./build.ps1 -Task Test      # Build, xunit (the in-process PowerShell tests among them), Pester
.EXAMPLE
    ./build.ps1 -Task Package   # Build, then zip out/SnapshotPS into artifacts/
.EXAMPLE
    ./build.ps1 -Task Help      # Build, then regenerate en-US help syntax/parameters/INPUTS and docs/ from the cmdlets
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Package', 'Try', 'Help')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-Location $PSScriptRoot

if ($Task -eq 'Try') {
    # Builds only the module and the emulator itself; see tools/Start-SnapshotPSSandbox.ps1.
    & (Join-Path $PSScriptRoot 'tools/Start-SnapshotPSSandbox.ps1')
    exit $LASTEXITCODE
}

function Invoke-Native {
    param([string] $Command, [string[]] $Arguments)
    & $Command @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Command $($Arguments -join ' ') failed with exit code $LASTEXITCODE." }
}

function Invoke-Build {
    Invoke-Native -Command 'dotnet' -Arguments @('build', 'SnapshotPS.sln', '-c', $Configuration, '--nologo')
}

function Invoke-Test {
    # s3rver, the S3-compatible server of the object storage tests, before the tests that use it.
    if (-not (Get-Command -Name 'npm' -ErrorAction SilentlyContinue)) { throw 'Node.js and npm are needed for the object storage tests (s3rver).' }
    Invoke-Native -Command 'npm' -Arguments @('ci', '--no-audit', '--no-fund', '--loglevel=error')
    Invoke-Native -Command 'dotnet' -Arguments @('test', 'SnapshotPS.sln', '-c', $Configuration, '--no-build', '--nologo')
    $suite = Join-Path $PSScriptRoot 'tests/Invoke-PesterSuite.ps1'
    $hasPester5 = Get-Module -ListAvailable -Name 'Pester' | Where-Object { $_.Version -ge [version]'5.0' }
    if ($hasPester5) {
        # This PowerShell has Pester 5: run the suite here, so Windows PowerShell 5.1 is tested too.
        & $suite
        if ($LASTEXITCODE -ne 0) { throw 'Pester tests failed.' }
    } else {
        # Otherwise the pwsh that the build made from NuGet (tests/SnapshotPS.TestHost), which has Pester 5.9.1.
        $hostName = if ($IsWindows -or $PSVersionTable.PSEdition -eq 'Desktop') { 'pwsh.exe' } else { 'pwsh' }
        $testHost = Join-Path $PSScriptRoot "tests/SnapshotPS.TestHost/bin/$Configuration/net10.0/$hostName"
        Invoke-Native -Command $testHost -Arguments @('-NoProfile', '-NonInteractive', '-File', $suite)
    }
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

# This PowerShell's path, read before a build can replace the file (the test host's pwsh is built too).
$powershell = (Get-Process -Id $PID).Path

function Invoke-HelpUpdate {
    # In a new process, so that the freshly built module is the one imported.
    Invoke-Native -Command $powershell -Arguments @('-NoProfile', '-NonInteractive', '-File', (Join-Path $PSScriptRoot 'tools/Update-ModuleHelp.ps1'))
}

Invoke-Build
switch ($Task) {
    'Help' { Invoke-HelpUpdate }
    'Test' { Invoke-Test }
    'Package' { Invoke-Package }
}
