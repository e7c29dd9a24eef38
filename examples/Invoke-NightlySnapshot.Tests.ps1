#Requires -Version 5.1
<#
    The nightly runbook (Invoke-NightlySnapshot.ps1) against the bundled emulator. Part of the repository's
    test run (tests/Invoke-PesterSuite.ps1 runs tests/Pester and examples). Copy it beside your own runbook
    and point the connection at the emulator to rehearse a policy before it touches a cloud.
    Needs: the solution built (dotnet build), Pester 5, and dotnet on PATH to start the emulator.
#>

BeforeAll {
    $repo = Resolve-Path (Join-Path $PSScriptRoot '..')
    . (Join-Path $repo 'tests/Pester/TestEmulator.ps1')
    $script:emulator = Start-Walkthrough -RepositoryRoot $repo
    $script:runbook = Join-Path $PSScriptRoot 'Invoke-NightlySnapshot.ps1'
    $scaleway = $script:emulator.Providers.scaleway
    $script:connection = @{
        Provider  = 'Scaleway'
        Endpoint  = $scaleway.endpoint
        Credential = New-Object System.Management.Automation.PSCredential -ArgumentList 'SCWEMULATOR000000000', (ConvertTo-SecureString $scaleway.secretKey -AsPlainText -Force)
        ProjectId = $scaleway.projectId
        Zone      = 'fr-par-1'
    }
    # A volume with six snapshots of the policy from six days of April 2025, and one made by hand today.
    function New-NightlyVolume([string] $Prefix) {
        $times = 1..6 | ForEach-Object { '2025-04-{0:00}T02:00:00Z' -f $_ }
        $seed = Invoke-EmulatorSeed -Emulator $script:emulator -Provider 'scaleway' -Body @{
            zone = 'fr-par-1'; volumes = 1; namePrefix = $Prefix; createdAt = $times; tags = @('policy=nightly')
        }
        $volume = $seed.volumes[0]
        Connect-SnapshotProvider @script:connection -Name check | Out-Null
        try { $null = New-CloudSnapshot -Connection check -VolumeId $volume -Name "$Prefix-manual" -Wait -Confirm:$false }
        finally { Disconnect-SnapshotProvider -Name check -Confirm:$false }
        $volume
    }
    function Get-VolumeSnapshot([string] $Volume) {
        Connect-SnapshotProvider @script:connection -Name check | Out-Null
        try { @(Get-CloudSnapshot -Connection check -VolumeId $Volume) } finally { Disconnect-SnapshotProvider -Name check -Confirm:$false }
    }
}

AfterAll {
    Stop-Walkthrough -Emulator $script:emulator
}

Describe 'The nightly snapshot and retention runbook' {
    It 'snapshots each volume with the policy tags, then removes what the policy expires and nothing else' {
        $volume = New-NightlyVolume -Prefix 'rb-'
        $log = Join-Path ([System.IO.Path]::GetTempPath()) ("nightly-" + [Guid]::NewGuid().ToString('N') + '.log')
        try {
            $summary = & $script:runbook -Connection $script:connection -VolumeId $volume -Retention @{ KeepLast = 3 } -LogPath $log 6>$null

            $summary.Created.Count | Should -Be 1
            $summary.Removed.Count | Should -Be 4 -Because 'of six old snapshots and the new one, the last three are kept'
            $summary.Failed.Count | Should -Be 0
            $left = Get-VolumeSnapshot -Volume $volume
            $tagged = @($left | Where-Object { $_.Tags['policy'] -eq 'nightly' })
            $tagged.Count | Should -Be 3
            $tagged.Id | Should -Contain $summary.Created[0]
            @($left | Where-Object Name -EQ 'rb--manual').Count | Should -Be 1 -Because 'a snapshot without the policy tag is never touched'
            $lines = Get-Content -Path $log
            @($lines | Where-Object { $_ -match ' Removed ' }).Count | Should -Be 4
            $lines | Where-Object { $_ -match " Created $($summary.Created[0]) " } | Should -Not -BeNullOrEmpty
        } finally {
            Remove-Item -Path $log -ErrorAction SilentlyContinue
        }
    }

    It 'changes nothing under -WhatIf and logs what it would do' {
        $volume = New-NightlyVolume -Prefix 'wi-'
        $before = (Get-VolumeSnapshot -Volume $volume).Id | Sort-Object

        $summary = & $script:runbook -Connection $script:connection -VolumeId $volume -Retention @{ KeepLast = 2 } -WhatIf 6>&1 |
            Tee-Object -Variable output | Where-Object { $_ -isnot [System.Management.Automation.InformationRecord] }

        $summary.WhatIf | Should -BeTrue
        $summary.Created.Count | Should -Be 0
        $summary.Removed.Count | Should -Be 0
        ((Get-VolumeSnapshot -Volume $volume).Id | Sort-Object) | Should -Be $before
        @($output | Where-Object { "$_" -match 'What if: would remove ' }).Count | Should -Be 4
    }

    It 'logs a volume that cannot be snapshotted and still serves the others' {
        $volume = New-NightlyVolume -Prefix 'ok-'
        $missing = '00000000-0000-4000-8000-0000000000aa'

        $summary = & $script:runbook -Connection $script:connection -VolumeId $missing, $volume -Retention @{ KeepLast = 6 } 6>$null

        $summary.Failed | Should -Be @($missing)
        $summary.Created.Count | Should -Be 1
        $summary.Removed.Count | Should -Be 1
        Get-SnapshotProvider | Where-Object Name -Like 'nightly-runbook-*' | Should -BeNullOrEmpty -Because 'the runbook closes its connection'
    }
}
