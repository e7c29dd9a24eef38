#Requires -Version 5.1
<#
.SYNOPSIS
    Try SnapshotPS in one command: builds the module and the emulator, starts the emulator (with s3rver as
    its object storage when Node.js is present), opens a PowerShell session with the module imported and a
    connection to every fake cloud, and stops what it started when that session ends.
.DESCRIPTION
    The session is a child of the PowerShell running this script (an installed pwsh, Windows PowerShell,
    or the pwsh the build makes from NuGet in tests/SnapshotPS.TestHost). The emulator and s3rver run
    outside the console's Ctrl+C (their own process group or no console), so Ctrl+C in the session
    cancels a command, not the clouds. Leaving the session (exit), a failure or Ctrl+C in this script
    stops both and deletes s3rver's temporary folder.
.PARAMETER Command
    Runs this script in the session, without prompting, then ends it (for tests and CI). The exit code is
    0 when the command wrote no error, else 1.
.PARAMETER Seed
    Demo snapshots per fake cloud (the emulator's --seed).
.PARAMETER NoBuild
    Uses what the last build left in out/SnapshotPS and src/SnapshotPS.Emulator/bin.
.EXAMPLE
    ./tools/Start-SnapshotPSSandbox.ps1
.EXAMPLE
    ./tools/Start-SnapshotPSSandbox.ps1 -Command 'Get-CloudSnapshot -AllConnections | Measure-Object'
#>
[CmdletBinding()]
param(
    [string] $Command,

    [ValidateRange(0, 1000)]
    [int] $Seed = 5,

    [switch] $NoBuild
)

$ErrorActionPreference = 'Stop'
$repository = Split-Path -Parent $PSScriptRoot
$onWindows = $PSVersionTable.PSEdition -eq 'Desktop' -or $IsWindows

function Invoke-Dotnet {
    param([string[]] $Arguments)
    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($Arguments -join ' ') failed with exit code $LASTEXITCODE." }
}

# A process outside the console's Ctrl+C, its standard output readable, its standard error kept for messages.
function Start-Detached {
    param([string] $FilePath, [string[]] $ArgumentList)
    $start = New-Object System.Diagnostics.ProcessStartInfo
    $start.UseShellExecute = $false
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardInput = $true
    $start.WorkingDirectory = $repository
    $quoted = $ArgumentList | ForEach-Object { if ($_ -match '[\s"]') { '"' + ($_ -replace '"', '\"') + '"' } else { $_ } }
    if ($onWindows) {
        $start.CreateNoWindow = $true
        $start.FileName = $FilePath
        $start.Arguments = $quoted -join ' '
    } else {
        # A watchdog shell runs the command until its standard input (a pipe from this script) ends: when this
        # script closes it, or dies with its terminal. It runs in its own session (setsid), or on macOS, which
        # has no setsid, in its own process group (perl), so the terminal's Ctrl+C never reaches it.
        $watchdog = '"$0" "$@" & child=$!; cat > /dev/null; kill $child 2>/dev/null; wait $child'
        $argv = @('sh', '-c', $watchdog, $FilePath) + $ArgumentList
        if (Get-Command -Name 'setsid' -CommandType Application -ErrorAction SilentlyContinue) {
            $start.FileName = 'setsid'
        } else {
            $start.FileName = 'perl'
            $argv = @('-e', 'setpgrp(0,0); exec @ARGV or die') + $argv
        }
        foreach ($argument in $argv) { $start.ArgumentList.Add($argument) }
    }
    $start.RedirectStandardError = $true
    $process = [System.Diagnostics.Process]::Start($start)
    # Read standard error in the background, so a chatty child never blocks on a full pipe.
    $errors[$process.Id] = $process.StandardError.ReadToEndAsync()
    $process
}

# Reads the child's output until a line matches; returns every line read. Fails when it exits or is silent too long.
function Read-Until {
    param([System.Diagnostics.Process] $Process, [string] $Pattern, [string] $Name, [int] $TimeoutSeconds = 60)
    $lines = New-Object System.Collections.Generic.List[string]
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    while ($true) {
        $next = $Process.StandardOutput.ReadLineAsync()
        $left = [int][Math]::Max(0, ($deadline - [DateTime]::UtcNow).TotalMilliseconds)
        if (-not $next.Wait($left)) { throw "$Name said nothing ready within $TimeoutSeconds s: $($lines -join [Environment]::NewLine)" }
        if ($null -eq $next.Result) {
            $null = $errors[$Process.Id].Wait(5000)
            throw "$Name exited before it was ready: $($lines -join [Environment]::NewLine) $($errors[$Process.Id].Result)"
        }
        $lines.Add($next.Result)
        if ($next.Result -match $Pattern) { return , $lines }
    }
}

$started = New-Object System.Collections.Generic.List[System.Diagnostics.Process]
$errors = @{}
$temporary = Join-Path ([System.IO.Path]::GetTempPath()) ('snapshotps-sandbox-' + [Guid]::NewGuid().ToString('N'))
$exitCode = 0
try {
    $null = New-Item -ItemType Directory -Path $temporary
    if (-not $NoBuild) {
        Invoke-Dotnet @('build', (Join-Path $repository 'src/SnapshotPS/SnapshotPS.csproj'), '-c', 'Release', '--nologo', '-v', 'quiet')
        Invoke-Dotnet @('build', (Join-Path $repository 'src/SnapshotPS.Emulator/SnapshotPS.Emulator.csproj'), '-c', 'Release', '--nologo', '-v', 'quiet')
    }
    $module = Join-Path $repository 'out/SnapshotPS/SnapshotPS.psd1'
    $emulatorDll = Join-Path $repository 'src/SnapshotPS.Emulator/bin/Release/net10.0/SnapshotPS.Emulator.dll'
    foreach ($needed in $module, $emulatorDll) {
        if (-not (Test-Path $needed)) { throw "$needed is missing: run without -NoBuild." }
    }

    $emulatorArguments = @($emulatorDll, '--port', '0', '--seed', "$Seed", '--snapshot-delay', '1')
    if (Get-Command -Name 'node' -CommandType Application -ErrorAction SilentlyContinue) {
        $s3rverScript = Join-Path $repository 'node_modules/s3rver/bin/s3rver.js'
        if (-not (Test-Path $s3rverScript)) {
            Push-Location $repository
            try { & npm ci --no-audit --no-fund --loglevel=error; if ($LASTEXITCODE -ne 0) { throw "npm ci failed with exit code $LASTEXITCODE." } }
            finally { Pop-Location }
        }
        $s3rverData = New-Item -ItemType Directory -Path (Join-Path $temporary 's3rver')
        $s3rver = Start-Detached -FilePath 'node' -ArgumentList @(
            $s3rverScript, '-d', $s3rverData.FullName, '-a', '127.0.0.1', '-p', '0', '--silent', '--configure-bucket', 'exports')
        $started.Add($s3rver)
        $listening = (Read-Until -Process $s3rver -Pattern 'listening on 127\.0\.0\.1:\d+' -Name 's3rver')[-1]
        $s3Endpoint = 'http://127.0.0.1:{0}/' -f ([regex]::Match($listening, ':(\d+)').Groups[1].Value)
        $emulatorArguments += '--s3-endpoint', $s3Endpoint, '--s3-access-key', 'S3RVER', '--s3-secret-key', 'S3RVER'
        Write-Host "s3rver (process $($s3rver.Id)) at $s3Endpoint, bucket 'exports' (access key S3RVER, secret key S3RVER)"
    } else {
        Write-Host 'Node.js was not found: the emulator keeps Outscale exports in memory (no s3rver).'
    }

    $emulator = Start-Detached -FilePath 'dotnet' -ArgumentList $emulatorArguments
    $started.Add($emulator)
    $banner = Read-Until -Process $emulator -Pattern '^Press Ctrl\+C to stop' -Name 'The emulator'
    $connects = @($banner | ForEach-Object { if ($_ -match '^\S+ \(.*?\): (Connect-SnapshotProvider .*)$') { $Matches[1] } })
    Write-Host "Emulator (process $($emulator.Id)) at $(($banner | Select-String 'listening on (\S+)').Matches[0].Groups[1].Value)"

    $startup = @(
        "Import-Module '$($module -replace "'", "''")'"
        $connects | ForEach-Object { "$_ | Out-Null" }
        "Write-Host 'SnapshotPS sandbox: one connection per fake cloud (Get-SnapshotProvider); exit ends the sandbox.'"
    )
    $startupFile = Join-Path $temporary 'startup.ps1'
    Set-Content -Path $startupFile -Value $startup -Encoding UTF8
    $shell = (Get-Process -Id $PID).Path
    if ($Command) {
        $runFile = Join-Path $temporary 'command.ps1'
        Set-Content -Path $runFile -Encoding UTF8 -Value @(
            '$ErrorActionPreference = ''Continue'''
            ". '$($startupFile -replace "'", "''")'"
            '$Error.Clear()'
            $Command
            'if ($Error.Count -gt 0) { exit 1 }'
        )
        & $shell -NoLogo -NoProfile -NonInteractive -File $runFile
    } else {
        Add-Content -Path $startupFile -Encoding UTF8 -Value 'Get-SnapshotProvider | Format-Table -AutoSize | Out-Host'
        & $shell -NoLogo -NoExit -Command ". '$($startupFile -replace "'", "''")'"
    }
    $exitCode = $LASTEXITCODE
} finally {
    foreach ($process in $started) {
        if (-not $process.HasExited) {
            if ($onWindows) {
                $process.Kill()
            } else {
                $process.StandardInput.Close()
                if (-not $process.WaitForExit(10000)) { $process.Kill($true) }
            }
            $null = $process.WaitForExit(10000)
        }
        Write-Host "Stopped process $($process.Id)."
        $process.Dispose()
    }
    Remove-Item -Recurse -Force -Path $temporary -ErrorAction SilentlyContinue
}
exit $exitCode
