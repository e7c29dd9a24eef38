# Starts and stops the bundled emulator for the Pester walk-throughs. Dot-source it in BeforeAll.

function Start-TestEmulator {
    param([Parameter(Mandatory)] [string] $RepositoryRoot, $S3)

    # The built server itself, not 'dotnet run', whose child would outlive Stop-Process.
    $dll = Get-ChildItem -Path (Join-Path $RepositoryRoot 'src/SnapshotPS.Emulator/bin') -Recurse -Filter 'SnapshotPS.Emulator.dll' |
        Sort-Object -Property LastWriteTime -Descending | Select-Object -First 1
    if (-not $dll) { throw 'Build the solution first (dotnet build): the emulator is missing.' }
    $output = New-TemporaryFile
    $arguments = @($dll.FullName, '--port', '0', '--snapshot-delay', '1')
    if ($S3) { $arguments += '--s3-endpoint', $S3.Endpoint, '--s3-access-key', $S3.AccessKey, '--s3-secret-key', $S3.SecretKey }
    $process = Start-Process -FilePath 'dotnet' -ArgumentList $arguments -RedirectStandardOutput $output -PassThru -NoNewWindow
    $deadline = (Get-Date).AddSeconds(60)
    do {
        Start-Sleep -Milliseconds 250
        $listening = Select-String -Path $output -Pattern 'listening on (\S+)' | Select-Object -First 1
    } until ($listening -or (Get-Date) -gt $deadline -or $process.HasExited)
    if (-not $listening) { throw "The emulator did not start: $(Get-Content -Path $output -Raw)" }
    $base = $listening.Matches[0].Groups[1].Value
    [pscustomobject]@{
        Process   = $process
        Base      = $base
        Providers = (Invoke-RestMethod -Uri "$($base)_emulator").providers
        Output    = $output
    }
}

# s3rver from the repository's node_modules (npm ci) on a free loopback port, with the buckets named, for the
# emulator's --s3-endpoint and the connections' -StorageEndpoint. Started with node itself, whose PID owns the server.
function Start-TestS3rver {
    param([Parameter(Mandatory)] [string] $RepositoryRoot, [string[]] $Bucket = @('exports'))
    $script = Join-Path $RepositoryRoot 'node_modules/s3rver/bin/s3rver.js'
    if (-not (Test-Path $script)) { throw "s3rver is missing ($script): run 'npm ci' at the repository root." }
    $directory = Join-Path ([System.IO.Path]::GetTempPath()) ('s3rver-' + [guid]::NewGuid().ToString('N'))
    New-Item -ItemType Directory -Path $directory | Out-Null
    $output = New-TemporaryFile
    $arguments = @($script, '-d', $directory, '-a', '127.0.0.1', '-p', '0', '--silent') + @($Bucket | ForEach-Object { '--configure-bucket', $_ })
    $process = Start-Process -FilePath 'node' -ArgumentList $arguments -RedirectStandardOutput $output -PassThru -NoNewWindow
    $deadline = (Get-Date).AddSeconds(30)
    do {
        Start-Sleep -Milliseconds 200
        $listening = Select-String -Path $output -Pattern 'listening on 127\.0\.0\.1:(\d+)' | Select-Object -First 1
    } until ($listening -or (Get-Date) -gt $deadline -or $process.HasExited)
    if (-not $listening) { throw "s3rver did not start: $(Get-Content -Path $output -Raw)" }
    [pscustomobject]@{
        Process   = $process
        Directory = $directory
        Endpoint  = "http://127.0.0.1:$($listening.Matches[0].Groups[1].Value)/"
        AccessKey = 'S3RVER'
        SecretKey = 'S3RVER'
    }
}

function Stop-TestS3rver {
    param($S3)
    if ($S3 -and -not $S3.Process.HasExited) { Stop-Process -Id $S3.Process.Id -Force }
    if ($S3) { Remove-Item -Path $S3.Directory -Recurse -Force -ErrorAction SilentlyContinue }
}

function Stop-TestEmulator {
    param($Emulator)
    if ($Emulator -and -not $Emulator.Process.HasExited) { Stop-Process -Id $Emulator.Process.Id -Force }
}

function Invoke-EmulatorSeed {
    param([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)] [string] $Provider, [Parameter(Mandatory)] [hashtable] $Body)
    Invoke-RestMethod -Method Post -Uri "$($Emulator.Base)_emulator/$Provider/seed" -ContentType 'application/json' -Body ($Body | ConvertTo-Json)
}

# A walk-through's start: the built module imported afresh, no connection left by another file, the emulator up.
function Start-Walkthrough {
    param([Parameter(Mandatory)] [string] $RepositoryRoot, $S3)
    $module = Join-Path $RepositoryRoot 'out/SnapshotPS/SnapshotPS.psd1'
    if (-not (Test-Path $module)) { throw "Build the module first (dotnet build); $module is missing." }
    Import-Module $module -Force -Global
    Disconnect-SnapshotProvider -All
    Start-TestEmulator -RepositoryRoot $RepositoryRoot -S3 $S3
}

# A walk-through's end. Connections live as long as the PowerShell session, beyond Remove-Module: leave none behind.
function Stop-Walkthrough {
    param($Emulator)
    Disconnect-SnapshotProvider -All
    Get-Module SnapshotPS | Remove-Module -Force
    Stop-TestEmulator -Emulator $Emulator
}
