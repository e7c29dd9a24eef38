# Starts and stops the bundled emulator for the Pester walk-throughs. Dot-source it in BeforeAll.

function Start-TestEmulator {
    param([Parameter(Mandatory)] [string] $RepositoryRoot)

    # The built server itself, not 'dotnet run', whose child would outlive Stop-Process.
    $dll = Get-ChildItem -Path (Join-Path $RepositoryRoot 'src/SnapshotPS.Emulator/bin') -Recurse -Filter 'SnapshotPS.Emulator.dll' |
        Sort-Object -Property LastWriteTime -Descending | Select-Object -First 1
    if (-not $dll) { throw 'Build the solution first (dotnet build): the emulator is missing.' }
    $output = New-TemporaryFile
    $process = Start-Process -FilePath 'dotnet' -ArgumentList $dll.FullName, '--port', '0', '--snapshot-delay', '1' `
        -RedirectStandardOutput $output -PassThru -NoNewWindow
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
    }
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
    param([Parameter(Mandatory)] [string] $RepositoryRoot)
    $module = Join-Path $RepositoryRoot 'out/SnapshotPS/SnapshotPS.psd1'
    if (-not (Test-Path $module)) { throw "Build the module first (dotnet build); $module is missing." }
    Import-Module $module -Force -Global
    Disconnect-SnapshotProvider -All
    Start-TestEmulator -RepositoryRoot $RepositoryRoot
}

# A walk-through's end. Connections live as long as the PowerShell session, beyond Remove-Module: leave none behind.
function Stop-Walkthrough {
    param($Emulator)
    Disconnect-SnapshotProvider -All
    Get-Module SnapshotPS | Remove-Module -Force
    Stop-TestEmulator -Emulator $Emulator
}
