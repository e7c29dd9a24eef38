#Requires -Version 5.1
<#
    A run that cannot prompt (pwsh -NonInteractive, a scheduled task, CI) and forgot -Force: the first
    confirmation it cannot ask ends the command with one error, as Remove-Item does, and nothing is done.
    Needs: the solution built (dotnet build), Pester 5, and dotnet on PATH to start the emulator.
#>

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestEmulator.ps1')
    $script:repo = Resolve-Path (Join-Path $PSScriptRoot '../..')
    $script:emulator = Start-Walkthrough -RepositoryRoot $script:repo
    $script:scaleway = $script:emulator.Providers.scaleway
    $script:shell = (Get-Process -Id $PID).Path

    # Runs the script in a new PowerShell started with -NonInteractive, connected to the fake Scaleway;
    # returns what the script wrote as JSON.
    function Invoke-NonInteractive {
        param([string] $Script)
        $prologue = @"
`$ErrorActionPreference = 'Continue'
Import-Module '$(Join-Path $script:repo 'out/SnapshotPS/SnapshotPS.psd1')'
Connect-SnapshotProvider -Provider Scaleway -Endpoint '$($script:scaleway.endpoint)' -ProjectId '$($script:scaleway.projectId)' -Zone fr-par-1 ``
    -SecretKey (ConvertTo-SecureString '$($script:scaleway.secretKey)' -AsPlainText -Force) | Out-Null
"@
        $json = & $script:shell -NoProfile -NonInteractive -Command ($prologue + [Environment]::NewLine + $Script)
        ($json -join [Environment]::NewLine) | ConvertFrom-Json
    }
}

AfterAll {
    Stop-Walkthrough -Emulator $script:emulator
}

Describe 'A run that cannot prompt' {
    It 'stops Remove-CloudSnapshot without -Force at the first confirmation, with one error, removing nothing' {
        $seed = Invoke-EmulatorSeed -Emulator $script:emulator -Provider 'scaleway' -Body @{
            zone = 'fr-par-1'; volumes = 1; snapshots = 4; namePrefix = 'noninteractive-'
        }
        $result = Invoke-NonInteractive -Script @'
$errors = @()
$terminated = $null
try {
    Get-CloudSnapshot -Name 'noninteractive-*' | Remove-CloudSnapshot -ErrorVariable +errors -ErrorAction Continue 2>$null
} catch {
    $terminated = $_
}
[pscustomobject]@{
    Errors     = @($errors | ForEach-Object { $_.FullyQualifiedErrorId })
    Terminated = if ($terminated) { $terminated.FullyQualifiedErrorId } else { $null }
    Message    = if ($terminated) { $terminated.Exception.Message } else { $null }
    Left       = @(Get-CloudSnapshot -Name 'noninteractive-*').Count
} | ConvertTo-Json -Compress
'@
        $seed.snapshots.Count | Should -Be 4
        $result.Terminated | Should -Not -BeNullOrEmpty -Because 'a confirmation that cannot be asked ends the command'
        @($result.Errors).Count | Should -Be 1 -Because "one error, not one per snapshot: $($result.Errors -join '; ')"
        $result.Message | Should -Match 'NonInteractive|prompt|user interaction'
        $result.Left | Should -Be 4
    }

    It 'goes ahead with -Force' {
        $null = Invoke-EmulatorSeed -Emulator $script:emulator -Provider 'scaleway' -Body @{
            zone = 'fr-par-1'; volumes = 1; snapshots = 3; namePrefix = 'forced-'
        }
        $result = Invoke-NonInteractive -Script @'
Get-CloudSnapshot -Name 'forced-*' | Remove-CloudSnapshot -Force
[pscustomobject]@{ Errors = $Error.Count; Left = @(Get-CloudSnapshot -Name 'forced-*').Count } | ConvertTo-Json -Compress
'@
        $result.Errors | Should -Be 0
        $result.Left | Should -Be 0
    }
}
