#Requires -Version 5.1
<#
    Retention with Select-ExpiredCloudSnapshot, typed as a user would, against the bundled emulator:
    restic's own example (doc/060_forget.rst, "Removing snapshots according to a policy") replayed on
    cloud snapshots, then removed with Remove-CloudSnapshot.
    Needs: the solution built (dotnet build), Pester 5, and dotnet on PATH to start the emulator.
    Run: Invoke-Pester ./tests/Pester/Retention.Tests.ps1
#>

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestEmulator.ps1')
    $repo = Resolve-Path (Join-Path $PSScriptRoot '../..')
    $module = Join-Path $repo 'out/SnapshotPS/SnapshotPS.psd1'
    if (-not (Test-Path $module)) { throw "Build the module first (dotnet build); $module is missing." }

    $script:emulator = Start-TestEmulator -RepositoryRoot $repo
    $scaleway = $script:emulator.Providers.scaleway

    # restic's example: a backup every weekday for two weeks, an extra one on Fridays, Wednesday 2025-04-30 missed.
    $script:twoWeeks = @(
        '2025-04-21 11:00', '2025-04-22 11:00', '2025-04-23 11:00', '2025-04-24 11:00', '2025-04-25 11:00', '2025-04-25 23:00',
        '2025-04-28 11:00', '2025-04-29 11:00', '2025-05-01 11:00', '2025-05-02 11:00', '2025-05-02 23:00'
    )
    function Get-SeedTime([string] $Time) { ([datetime]::ParseExact($Time, 'yyyy-MM-dd HH:mm', $null)).ToString('yyyy-MM-ddTHH:mm:00Z') }
    function Invoke-DatedSeed([string] $Prefix, [string[]] $Times, [string[]] $Tags) {
        Invoke-EmulatorSeed -Emulator $script:emulator -Provider 'scaleway' -Body @{
            zone = 'fr-par-1'; volumes = 1; namePrefix = $Prefix; createdAt = @($Times | ForEach-Object { Get-SeedTime $_ }); tags = @($Tags)
        }
    }
    $script:nightly = Invoke-DatedSeed -Prefix 'web-' -Times $script:twoWeeks -Tags 'policy=nightly'
    $script:other = Invoke-DatedSeed -Prefix 'db-' -Times $script:twoWeeks[0..2] -Tags 'policy=nightly'

    function Get-Time { process { $_.CreatedAt.UtcDateTime.ToString('yyyy-MM-dd HH:mm') } }

    Import-Module $module -Force
    Disconnect-SnapshotProvider -All
    $secret = ConvertTo-SecureString $scaleway.secretKey -AsPlainText -Force
    Connect-SnapshotProvider -Provider Scaleway -Endpoint $scaleway.endpoint -SecretKey $secret -ProjectId $scaleway.projectId -Zone fr-par-1
}

AfterAll {
    Disconnect-SnapshotProvider -All
    Get-Module SnapshotPS | Remove-Module -Force
    Stop-TestEmulator -Emulator $script:emulator
}

Describe 'Finding the retention cmdlet' {
    It 'is listed with the other snapshot cmdlets and has examples' {
        (Get-Command -Noun *CloudSnapshot).Name | Should -Contain 'Select-ExpiredCloudSnapshot'
        @((Get-Help Select-ExpiredCloudSnapshot).Examples.Example).Count | Should -BeGreaterOrEqual 2
    }
}

Describe "restic's example: forget --keep-daily 5" {
    It 'selects the six snapshots restic removes, one volume at a time' {
        $expired = Get-CloudSnapshot -Tag @{ policy = 'nightly' } -VolumeId $script:nightly.volumes[0] | Select-ExpiredCloudSnapshot -KeepDaily 5
        $expired | Get-Time | Should -Be @('2025-05-02 11:00', '2025-04-25 11:00', '2025-04-24 11:00', '2025-04-23 11:00', '2025-04-22 11:00', '2025-04-21 11:00')
    }

    It 'explains every decision with -IncludeKept' {
        $decisions = Get-CloudSnapshot -Name web-* | Select-ExpiredCloudSnapshot -KeepDaily 5 -IncludeKept
        $decisions | Should -HaveCount 11
        ($decisions | Where-Object Keep).Snapshot | Get-Time | Should -Be @('2025-05-02 23:00', '2025-05-01 11:00', '2025-04-29 11:00', '2025-04-28 11:00', '2025-04-25 23:00')
        ($decisions | Where-Object { $_.Snapshot.Name -eq 'web-006' }).Reasons | Should -Be 'daily 2025-04-25'
        $table = $decisions | Format-Table | Out-String -Width 120
        $table | Should -Match 'Group: Connection=scaleway, VolumeId='
        ($table -split "`n" | Where-Object { $_.TrimEnd().Length -gt 120 }) | Should -BeNullOrEmpty
    }

    It 'applies the policy to each volume on its own' {
        $expired = Get-CloudSnapshot -Tag @{ policy = 'nightly' } | Select-ExpiredCloudSnapshot -KeepLast 1
        ($expired | Where-Object VolumeId -eq $script:other.volumes[0]).Name | Should -Be @('db-002', 'db-001')
        ($expired | Where-Object VolumeId -eq $script:nightly.volumes[0]) | Should -HaveCount 10
    }

    It 'removes nothing with -WhatIf' {
        Get-CloudSnapshot -Name web-* | Select-ExpiredCloudSnapshot -KeepDaily 5 | Remove-CloudSnapshot -WhatIf
        Get-CloudSnapshot -Name web-* | Should -HaveCount 11
    }

    It 'removes exactly those with -Force' {
        Get-CloudSnapshot -Name web-* | Select-ExpiredCloudSnapshot -KeepDaily 5 | Remove-CloudSnapshot -Force
        Get-CloudSnapshot -Name web-* | Get-Time | Should -Be @('2025-04-25 23:00', '2025-04-28 11:00', '2025-04-29 11:00', '2025-05-01 11:00', '2025-05-02 23:00')
    }
}

Describe 'Other rules' {
    It 'keeps within a duration of the newest snapshot, written as restic does or as a TimeSpan' {
        $asText = Get-CloudSnapshot -Name db-* | Select-ExpiredCloudSnapshot -KeepWithin 1d
        $asSpan = Get-CloudSnapshot -Name db-* | Select-ExpiredCloudSnapshot -KeepWithin (New-TimeSpan -Hours 24)
        $asText.Name | Should -Be @('db-002', 'db-001')
        $asSpan.Name | Should -Be $asText.Name
    }

    It 'keeps tagged snapshots, and refuses to empty a group' {
        Get-CloudSnapshot -Name db-001 | Set-CloudSnapshot -AddTag @{ keep = 'forever' }
        $expired = Get-CloudSnapshot -Name db-* | Select-ExpiredCloudSnapshot -KeepLast 1 -KeepTag keep=forever
        $expired.Name | Should -Be 'db-002'
        $tagOnly = Get-CloudSnapshot -Name db-00[23] | Select-ExpiredCloudSnapshot -KeepTag keep -ErrorAction SilentlyContinue -ErrorVariable refused
        $tagOnly | Should -BeNullOrEmpty
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'SelectExpiredCloudSnapshotGroupWouldBeEmptied,*'
    }

    It 'refuses to run without a rule, before listing anything' {
        Invoke-RestMethod -Method Delete -Uri "$($script:emulator.Base)_emulator/requests" | Out-Null
        { Get-CloudSnapshot | Select-ExpiredCloudSnapshot -ErrorAction Stop } | Should -Throw -ErrorId 'SelectExpiredCloudSnapshotInvalidArgument,*'
        $requests = {
            $received = Invoke-RestMethod -Uri "$($script:emulator.Base)_emulator/requests"
            @($received | Where-Object provider -eq 'scaleway')
        }
        & $requests | Should -HaveCount 0
        Get-CloudSnapshot -Name db-* | Out-Null
        (& $requests).Count | Should -BeGreaterThan 0
    }

    It 'refuses a duration in weeks, as restic does' {
        { Get-CloudSnapshot -Name db-* | Select-ExpiredCloudSnapshot -KeepWithin 1w } | Should -Throw -ExpectedMessage "*'w' is not a unit*"
    }
}
