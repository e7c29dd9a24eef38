#Requires -Version 5.1
<#
    Object storage walk-through of the README (Exporting and copying across clouds), typed as a user would:
    export a snapshot and wait for the object, share it by URL, import it back, copy it to another account
    with another store. Two s3rver stores: the emulator writes Outscale exports to the first; the second is
    the other account's. Needs: the solution built (dotnet build), npm ci (s3rver), Pester 5, dotnet and node.
#>

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestEmulator.ps1')
    $repo = Resolve-Path (Join-Path $PSScriptRoot '../..')
    $script:storeA = Start-TestS3rver -RepositoryRoot $repo -Bucket exports
    $script:storeB = Start-TestS3rver -RepositoryRoot $repo -Bucket exports
    $script:emulator = Start-Walkthrough -RepositoryRoot $repo -S3 $script:storeA
    $outscale = $script:emulator.Providers.outscale
    Invoke-EmulatorSeed -Emulator $script:emulator -Provider 'outscale' -Body @{ volumes = 1; snapshots = 2; namePrefix = 'db-' } | Out-Null

    $secret = ConvertTo-SecureString $outscale.secretKey -AsPlainText -Force
    foreach ($connection in @(@{ Name = 'paris'; Region = 'eu-west-2'; Store = $script:storeA }, @{ Name = 'us'; Region = 'us-east-2'; Store = $script:storeB })) {
        $storage = New-Object System.Management.Automation.PSCredential $connection.Store.AccessKey, (ConvertTo-SecureString $connection.Store.SecretKey -AsPlainText -Force)
        Connect-SnapshotProvider -Provider Outscale -Name $connection.Name -Endpoint $outscale.endpoint -AccessKey $outscale.accessKey -SecretKey $secret `
            -Region $connection.Region -StorageEndpoint $connection.Store.Endpoint -StorageCredential $storage | Out-Null
    }
    # Scaleway in the same emulator, whose fake reads imports from the emulator's store: the first one.
    $scaleway = $script:emulator.Providers.scaleway
    $storageA = New-Object System.Management.Automation.PSCredential $script:storeA.AccessKey, (ConvertTo-SecureString $script:storeA.SecretKey -AsPlainText -Force)
    Connect-SnapshotProvider -Provider Scaleway -Name scw -Endpoint $scaleway.endpoint -SecretKey (ConvertTo-SecureString $scaleway.secretKey -AsPlainText -Force) `
        -ProjectId $scaleway.projectId -Zone fr-par-1 -StorageEndpoint $script:storeA.Endpoint -StorageCredential $storageA | Out-Null
}

AfterAll {
    Stop-Walkthrough -Emulator $script:emulator
    Stop-TestS3rver -S3 $script:storeA
    Stop-TestS3rver -S3 $script:storeB
}

Describe 'Object storage' {
    It 'prints Connect lines that name the object storage' {
        (Get-Content -Path $script:emulator.Output -Raw) | Should -Match ([regex]::Escape("-StorageEndpoint $($script:storeA.Endpoint)"))
    }

    It 'shows each connection''s object storage endpoint' {
        (Get-SnapshotProvider -Name paris).StorageEndpoint | Should -Be $script:storeA.Endpoint
        (Get-SnapshotProvider -Name us).StorageEndpoint | Should -Be $script:storeB.Endpoint
    }

    It 'exports a snapshot and ends when the object is in the bucket' {
        $script:export = Get-CloudSnapshot -Connection paris -Name db-* | Select-Object -First 1 |
            Export-CloudSnapshot -Bucket exports -Prefix weekly/ -Wait -Timeout 60
        $script:export.Bucket | Should -Be 'exports'
        $script:export.Key | Should -Match '^weekly/snap-[0-9a-f]{8}\.qcow2$'
        $script:export.SizeBytes | Should -BeGreaterThan 0
        $script:export.ETag | Should -Not -BeNullOrEmpty
    }

    It 'shares the export with a URL that expires' {
        $shared = $script:export | Grant-CloudSnapshotPermission -ExpiresIn (New-TimeSpan -Hours 1)
        $shared.ExpiresAt | Should -BeGreaterThan ([DateTimeOffset]::UtcNow.AddMinutes(59))
        $download = Invoke-WebRequest -Uri $shared.Url -UseBasicParsing
        $download.StatusCode | Should -Be 200
        $download.RawContentLength | Should -Be $script:export.SizeBytes
        { $script:export | Grant-CloudSnapshotPermission -ExpiresIn (New-TimeSpan -Days 8) -ErrorAction Stop } |
            Should -Throw -ErrorId 'GrantCloudSnapshotPermissionInvalidArgument,*'
    }

    It 'imports the export back as a new snapshot' {
        $restored = $script:export | New-CloudSnapshot -Name restored -Wait -Timeout 60
        $restored.State | Should -Be 'Available'
        $restored.Name | Should -Be 'restored'
        $restored.SizeBytes | Should -Be 10GB
    }

    It 'copies a snapshot to another account with another store, keeping its name and size' {
        $source = Get-CloudSnapshot -Connection paris -Name db-* | Select-Object -Last 1
        $copy = $source | Copy-CloudSnapshot -Destination us -Bucket exports -DestinationBucket exports -Timeout 60
        $copy.Connection | Should -Be 'us'
        $copy.Name | Should -Be $source.Name
        $copy.SizeBytes | Should -Be $source.SizeBytes
        $copy.State | Should -Be 'Available'
    }

    It 'copies a snapshot from Outscale to Scaleway and back, keeping its name and size' {
        $source = Get-CloudSnapshot -Connection paris -Name db-* | Select-Object -First 1
        $there = $source | Copy-CloudSnapshot -Destination scw -Bucket exports -Timeout 60
        $there.Provider | Should -Be 'Scaleway'
        $there.Name | Should -Be $source.Name
        $there.SizeBytes | Should -Be $source.SizeBytes
        $back = $there | Copy-CloudSnapshot -Destination paris -Bucket exports -Timeout 60
        $back.Provider | Should -Be 'Outscale'
        $back.Name | Should -Be $source.Name
        $back.SizeBytes | Should -Be $source.SizeBytes
        $back.Id | Should -Not -Be $source.Id
    }

    It 'names the step that failed and what it left behind' {
        $source = Get-CloudSnapshot -Connection paris -Name db-* | Select-Object -First 1
        $source | Copy-CloudSnapshot -Destination us -Bucket exports -DestinationBucket no-such-bucket -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed | Should -HaveCount 1
        $failed[0].Exception.Message | Should -Match '^Step 3 of 5, copying'
        $failed[0].Exception.Message | Should -Match 'Left behind: exported object exports/'
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'CopyCloudSnapshotNoSuchBucket,*'
    }
}
