#Requires -Version 5.1
<#
    The Outscale walk-through of the README, typed as a user would, against the bundled emulator.
    Needs: the solution built (dotnet build), Pester 5, and dotnet on PATH to start the emulator.
#>

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestEmulator.ps1')
    $repo = Resolve-Path (Join-Path $PSScriptRoot '../..')
    $script:emulator = Start-Walkthrough -RepositoryRoot $repo
    $script:outscale = $script:emulator.Providers.outscale
    $seed = Invoke-EmulatorSeed -Emulator $script:emulator -Provider 'outscale' -Body @{ volumes = 1; snapshots = 4; namePrefix = 'db-' }
    $script:volumeId = $seed.volumes[0]

    $secret = ConvertTo-SecureString $script:outscale.secretKey -AsPlainText -Force
    Connect-SnapshotProvider -Provider Outscale -Endpoint $script:outscale.endpoint -AccessKey $script:outscale.accessKey `
        -SecretKey $secret -Region eu-west-2 -Name osc | Out-Null
}

AfterAll {
    Stop-Walkthrough -Emulator $script:emulator
}

Describe 'Outscale' {
    It 'connects with access and secret keys' {
        $connection = Get-SnapshotProvider -Name osc
        $connection.Provider | Should -Be 'Outscale'
        $connection.Location | Should -Be 'eu-west-2'
        ($connection | Format-List * | Out-String) | Should -Not -Match $script:outscale.secretKey
    }

    It 'lists snapshots by their Name tag' {
        $snapshots = Get-CloudSnapshot -Name db-*
        $snapshots.Count | Should -BeGreaterOrEqual 4
        $snapshots[0].Id | Should -Match '^snap-[0-9a-f]{8}$'
    }

    It 'creates from a volume with a name and waits for it' {
        $made = New-CloudSnapshot -VolumeId $script:volumeId -Name before-upgrade -Description 'weekly' -Tag @{ env = 'prod' } -Wait -Timeout 60
        $made.State | Should -Be 'Available'
        $made.Name | Should -Be 'before-upgrade'
        $made.Description | Should -Be 'weekly'
    }

    It 'copies on the pipeline' {
        $copies = Get-CloudSnapshot -Name db-* | Select-Object -First 2 | Copy-CloudSnapshot -Name db-copy
        $copies | Should -HaveCount 2
        (Get-CloudSnapshot -Name db-copy) | Should -HaveCount 2
    }

    It 'shares with an account and revokes it' {
        $shared = Get-CloudSnapshot -Name before-upgrade | Grant-CloudSnapshotPermission -AccountId 210987654321 -PassThru
        $shared.Permissions.AccountIds | Should -Contain '210987654321'
        $private = $shared | Revoke-CloudSnapshotPermission -AccountId 210987654321 -PassThru
        $private.Permissions.AccountIds | Should -Not -Contain '210987654321'
    }

    It 'exports to a bucket and follows the task' {
        # Export -Wait also checks the object in the bucket: ObjectStorage.Tests.ps1 walks that with a real store.
        $tasks = Get-CloudSnapshot -Name before-upgrade | Export-CloudSnapshot -Bucket backups -Prefix weekly/
        $tasks[0] | Should -BeOfType ([SnapshotPS.Core.Model.SnapshotExportTask])
        $deadline = (Get-Date).AddSeconds(60)
        do { $task = Get-CloudSnapshot -Name before-upgrade | Get-CloudSnapshotExportTask | Where-Object Id -eq $tasks[0].Id }
        until ($task.State -eq 'Completed' -or (Get-Date) -gt $deadline)
        $task.State | Should -Be 'Completed'
    }

    It 'stops an export task on the pipeline' {
        Invoke-RestMethod -Method Put -Uri "$($script:emulator.Base)_emulator/outscale/timings" -ContentType 'application/json' -Body '{"exportDelay": 300}' | Out-Null
        $task = Get-CloudSnapshot -Name db-* | Select-Object -First 1 | Export-CloudSnapshot -Bucket backups
        $stopped = $task | Stop-CloudSnapshotExportTask -PassThru -Confirm:$false
        $stopped.State | Should -Be 'Cancelled'
    }

    It 'refuses mixed create modes before any request' {
        { New-CloudSnapshot -VolumeId $script:volumeId -ImportUri 'https://oos.example/b/k' -SizeBytes 1GB -ErrorAction Stop } |
            Should -Throw
        { New-CloudSnapshot -ImportUri 'https://oos.example/b/k' -SizeBytes 0 -ErrorAction Stop } | Should -Throw
        { Get-CloudSnapshot -Id 'snap-123' -ErrorAction Stop } | Should -Throw -ErrorId 'GetCloudSnapshotInvalidArgument,*'
    }

    It 'removes on the pipeline' {
        Get-CloudSnapshot -Name db-copy | Remove-CloudSnapshot -Force
        Get-CloudSnapshot -Name db-copy -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }
}
