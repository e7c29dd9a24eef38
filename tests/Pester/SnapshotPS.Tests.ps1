#Requires -Version 5.1
<#
    The README walk-through, typed as a user would, against the bundled emulator.
    Needs: the solution built (dotnet build), Pester 5, and dotnet on PATH to start the emulator.
    Run: Invoke-Pester ./tests/Pester
#>

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestEmulator.ps1')
    $repo = Resolve-Path (Join-Path $PSScriptRoot '../..')
    $script:emulator = Start-Walkthrough -RepositoryRoot $repo
    $script:scaleway = $script:emulator.Providers.scaleway
    $seed = Invoke-EmulatorSeed -Emulator $script:emulator -Provider 'scaleway' -Body @{
        zone = 'fr-par-1'; volumes = 1; snapshots = 12; namePrefix = 'nightly-'; blockVolumes = 1; blockSnapshots = 2
    }
    $script:volumeId = $seed.volumes[0]
    $script:blockVolumeId = $seed.blockVolumes[0]

    $secret = ConvertTo-SecureString $script:scaleway.secretKey -AsPlainText -Force
    $script:connection = Connect-SnapshotProvider -Provider Scaleway -Endpoint $script:scaleway.endpoint `
        -SecretKey $secret -ProjectId $script:scaleway.projectId -Zone fr-par-1 -PassThru
}

AfterAll {
    Stop-Walkthrough -Emulator $script:emulator
}

Describe 'The module' {
    It 'exports its fifteen cmdlets' {
        (Get-Command -Module SnapshotPS).Count | Should -Be 15
    }

    It 'has help with examples for every cmdlet' {
        foreach ($command in Get-Command -Module SnapshotPS) {
            $help = Get-Help $command.Name
            $help.Synopsis | Should -Not -BeNullOrEmpty
            @($help.Examples.Example).Count | Should -BeGreaterOrEqual 2
        }
    }
}

Describe 'Connecting' {
    It 'registers a default connection that shows no secret' {
        $script:connection.Name | Should -Be 'scaleway'
        $script:connection.IsDefault | Should -BeTrue
        ($script:connection | Format-List * | Out-String) | Should -Not -Match $script:scaleway.secretKey
        Get-SnapshotProvider | Should -HaveCount 1
    }

    It 'reads SCW_* environment variables' {
        $env:SCW_SECRET_KEY = $script:scaleway.secretKey
        $env:SCW_DEFAULT_PROJECT_ID = $script:scaleway.projectId
        $env:SCW_DEFAULT_ZONE = 'nl-ams-1'
        $env:SCW_API_URL = $script:scaleway.endpoint
        try {
            $fromEnv = Connect-SnapshotProvider -Provider Scaleway -Name from-env -PassThru
            $fromEnv.Location | Should -Be 'nl-ams-1'
            $fromEnv.IsDefault | Should -BeFalse
        }
        finally {
            Remove-Item -Path 'Env:SCW_SECRET_KEY', 'Env:SCW_DEFAULT_PROJECT_ID', 'Env:SCW_DEFAULT_ZONE', 'Env:SCW_API_URL'
            Disconnect-SnapshotProvider -Name from-env
        }
        Get-SnapshotProvider -Name from-env -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'refuses a zone that does not exist' {
        $secret = ConvertTo-SecureString $script:scaleway.secretKey -AsPlainText -Force
        { Connect-SnapshotProvider -Provider Scaleway -SecretKey $secret -ProjectId $script:scaleway.projectId -Zone fr-par-9 -Name bad -ErrorAction Stop } |
            Should -Throw -ErrorId 'ConnectSnapshotProviderInvalidArgument,*'
    }
}

Describe 'Listing' {
    It 'lists by name with wildcards, as typed objects' {
        $nightly = Get-CloudSnapshot -Name nightly-*
        $nightly.Count | Should -BeGreaterOrEqual 12
        $nightly[0] | Should -BeOfType ([SnapshotPS.Core.Model.CloudSnapshot])
        $nightly[0].State | Should -Be 'Available'
    }

    It 'finds block storage snapshots too' {
        Get-CloudSnapshot -Name nightly-block-* | Should -HaveCount 2
    }

    It 'supports -First and -Skip' {
        $all = Get-CloudSnapshot -Name nightly-*
        $page = Get-CloudSnapshot -Name nightly-* -Skip 2 -First 3
        $page.Id | Should -Be $all[2..4].Id
    }

    It 'stops cleanly when a downstream command has enough' {
        $Error.Clear()
        $two = Get-CloudSnapshot | Select-Object -First 2
        $two | Should -HaveCount 2
        $Error.Count | Should -Be 0
    }

    It 'writes an error record per missing id and goes on' {
        $one = (Get-CloudSnapshot -Name nightly-*)[0]
        $found = Get-CloudSnapshot -Id '00000000-0000-4000-8000-000000000000', $one.Id -ErrorAction SilentlyContinue -ErrorVariable failures
        $found.Id | Should -Be $one.Id
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'GetCloudSnapshotNotFound,*'
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'refuses a malformed id before any request' {
        { Get-CloudSnapshot -Id 'snap-1234' -ErrorAction Stop } | Should -Throw -ErrorId 'GetCloudSnapshotInvalidArgument,*'
    }
}

Describe 'Creating, changing and removing' {
    It 'creates a snapshot and waits for it' {
        $script:made = New-CloudSnapshot -VolumeId $script:volumeId -Name before-upgrade -Tag @{ env = 'prod' } -Wait -Timeout 60
        $script:made.State | Should -Be 'Available'
        $script:made.Tags['env'] | Should -Be 'prod'
    }

    It 'creates from a block volume through the same cmdlet' {
        $block = New-CloudSnapshot -VolumeId $script:blockVolumeId -Name block-copy
        $block.SnapshotType | Should -BeLike 'block*'
        $block | Wait-CloudSnapshot -Timeout 60 | Select-Object -ExpandProperty State | Should -Be 'Available'
    }

    It 'retags on the pipeline' {
        $updated = $script:made | Set-CloudSnapshot -AddTag @{ keep = 'yes' } -PassThru
        $updated.Tags['keep'] | Should -Be 'yes'
        $updated.Tags['env'] | Should -Be 'prod'
    }

    It 'sends nothing with -WhatIf' {
        Get-CloudSnapshot -Name before-upgrade | Remove-CloudSnapshot -WhatIf
        Get-CloudSnapshot -Name before-upgrade | Should -HaveCount 1
    }

    It 'removes by value on the pipeline' {
        Get-CloudSnapshot -Name nightly-00* | Remove-CloudSnapshot -Force
        Get-CloudSnapshot -Name nightly-00* -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'removes objects that bind by property name, such as rows of a CSV' {
        $csv = Join-Path $TestDrive 'to-remove.csv'
        Get-CloudSnapshot -Name nightly-01* | Select-Object -Property 'Id', 'Connection', 'Location' | Export-Csv $csv -NoTypeInformation
        Import-Csv $csv | Remove-CloudSnapshot -Force -Wait -Timeout 60
        Get-CloudSnapshot -Name nightly-01* -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'disconnects' {
        Disconnect-SnapshotProvider -Name scaleway
        Get-SnapshotProvider | Should -BeNullOrEmpty
    }
}
