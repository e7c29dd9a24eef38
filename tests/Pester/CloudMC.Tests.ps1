#Requires -Version 5.1
<#
    The CloudMC (Cox Edge) walk-through of the README, typed as a user would, against the bundled emulator.
    Needs: the solution built (dotnet build), Pester 5, and dotnet on PATH to start the emulator.
#>

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestEmulator.ps1')
    $repo = Resolve-Path (Join-Path $PSScriptRoot '../..')
    $script:emulator = Start-Walkthrough -RepositoryRoot $repo
    $script:cloudmc = $script:emulator.Providers.cloudmc
    $seed = Invoke-EmulatorSeed -Emulator $script:emulator -Provider 'cloudmc' -Body @{ volumes = 1; snapshots = 4; namePrefix = 'db-' }
    $script:volumeId = $seed.volumes[0]
    # Snapshots take a second in each transient state, so -Wait has something to wait for.
    Invoke-RestMethod -Method Put -Uri "$($script:emulator.Base)_emulator/cloudmc/timings" -ContentType 'application/json' `
        -Body '{"creatingDelay": 1, "backingUpDelay": 1, "destroyingDelay": 1}' | Out-Null

    $key = ConvertTo-SecureString $script:cloudmc.apiKey -AsPlainText -Force
    Connect-SnapshotProvider -Provider CloudMC -Endpoint $script:cloudmc.endpoint -SecretKey $key `
        -ServiceCode $script:cloudmc.serviceCode -Environment $script:cloudmc.environment -Name mc | Out-Null
}

AfterAll {
    Stop-Walkthrough -Emulator $script:emulator
    Remove-Item Env:CLOUDMC_* -ErrorAction SilentlyContinue
}

Describe 'CloudMC' {
    It 'connects with an API key to a service and environment' {
        $connection = Get-SnapshotProvider -Name mc
        $connection.Provider | Should -Be 'CloudMC'
        $connection.Location | Should -Be 'test_area'
        ($connection | Format-List * | Out-String) | Should -Not -Match $script:cloudmc.apiKey
    }

    It 'connects with a credential whose password is the API key' {
        $credential = [pscredential]::new('api', (ConvertTo-SecureString $script:cloudmc.apiKey -AsPlainText -Force))
        Connect-SnapshotProvider -Provider CloudMC -Endpoint $script:cloudmc.endpoint -Credential $credential -Environment test_area -Name mc-cred
        (Get-CloudSnapshot -Connection mc-cred -Name db-*) | Should -HaveCount 4
        Disconnect-SnapshotProvider -Name mc-cred
    }

    It 'lists the snapshots of the environment' {
        $snapshots = Get-CloudSnapshot -Connection mc -Name db-*
        $snapshots | Should -HaveCount 4
        $snapshots[0].State | Should -Be 'Available'
        $snapshots[0].ProviderState | Should -Be 'BackedUp'
        $snapshots[0].VolumeId | Should -Be $script:volumeId
    }

    It 'creates from a volume and waits until it is backed up' {
        $made = New-CloudSnapshot -Connection mc -VolumeId $script:volumeId -Name before-upgrade -Wait -Timeout 60
        $made.State | Should -Be 'Available'
        $made.ProviderState | Should -Be 'BackedUp'
        $made.Name | Should -Be 'before-upgrade'
    }

    It 'removes on the pipeline and waits until each is gone' {
        Get-CloudSnapshot -Connection mc -Name db-00[12] | Remove-CloudSnapshot -Force -Wait -Timeout 60
        Get-CloudSnapshot -Connection mc -Name db-* | Should -HaveCount 2
    }

    It 'refuses what CloudMC cannot do, naming what it can' {
        $snapshot = Get-CloudSnapshot -Connection mc -Name before-upgrade
        $snapshot | Set-CloudSnapshot -Name renamed -ErrorVariable refused -ErrorAction SilentlyContinue
        $refused[0].FullyQualifiedErrorId | Should -Match '^SetCloudSnapshotNotSupported'
        $refused[0].Exception.Message | Should -Match 'It supports: Create, Delete'
    }

    It 'lists beside another cloud in one table with -AllConnections' {
        $scaleway = $script:emulator.Providers.scaleway
        Invoke-EmulatorSeed -Emulator $script:emulator -Provider 'scaleway' -Body @{ volumes = 1; snapshots = 2; namePrefix = 'scw-' } | Out-Null
        Connect-SnapshotProvider -Provider Scaleway -Endpoint $scaleway.endpoint -ProjectId $scaleway.projectId -Zone fr-par-1 -Name scw `
            -SecretKey (ConvertTo-SecureString $scaleway.secretKey -AsPlainText -Force) | Out-Null
        $all = Get-CloudSnapshot -AllConnections
        @($all | ForEach-Object { $_.Provider.ToString() } | Sort-Object -Unique) | Should -Be @('CloudMC', 'Scaleway')
        $table = $all | Format-Table | Out-String -Width 200
        $table | Should -Match '(?m)^before-upgrade\s+Available\s+\S+\s+mc\s+test_area'
        $table | Should -Match '(?m)^scw-001\s+Available\s+\S+\s+scw\s'
        Disconnect-SnapshotProvider -Name scw
    }

    It 'connects from CLOUDMC_* environment variables' {
        $env:CLOUDMC_API_KEY = $script:cloudmc.apiKey
        $env:CLOUDMC_ENDPOINT = $script:cloudmc.endpoint
        $env:CLOUDMC_ENVIRONMENT = $script:cloudmc.environment
        $connection = Connect-SnapshotProvider -Provider CloudMC -Name mc-env -PassThru
        $connection.Source | Should -Match 'CLOUDMC_API_KEY'
        (Get-CloudSnapshot -Connection mc-env -Name before-upgrade).Name | Should -Be 'before-upgrade'
    }
}
