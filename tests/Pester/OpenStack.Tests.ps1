#Requires -Version 5.1
<#
    The OpenStack walk-through of the README, typed as a user would, against the bundled emulator:
    connect with parameters, with the OS_* environment and with clouds.yaml; list, create -Wait,
    change tags (Cinder metadata) and the description, remove.
    Needs: the solution built (dotnet build), Pester 5, and dotnet on PATH to start the emulator.
#>

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestEmulator.ps1')
    $repo = Resolve-Path (Join-Path $PSScriptRoot '../..')
    $script:emulator = Start-Walkthrough -RepositoryRoot $repo
    $script:os = $script:emulator.Providers.openstack
    $seed = Invoke-EmulatorSeed -Emulator $script:emulator -Provider 'openstack' -Body @{ volumes = 1; snapshots = 3; namePrefix = 'web-' }
    $script:volumeId = $seed.volumes[0]
    $script:password = ConvertTo-SecureString $script:os.password -AsPlainText -Force
    $script:credential = New-Object System.Management.Automation.PSCredential ($script:os.user, $script:password)
    $script:osVariables = 'OS_AUTH_URL', 'OS_USERNAME', 'OS_PASSWORD', 'OS_USER_DOMAIN_NAME', 'OS_PROJECT_NAME', 'OS_PROJECT_DOMAIN_ID', 'OS_REGION_NAME', 'OS_CLOUD'
}

AfterAll {
    foreach ($name in $script:osVariables) { Remove-Item -Path "Env:$name" -ErrorAction SilentlyContinue }
    Stop-Walkthrough -Emulator $script:emulator
}

Describe 'OpenStack' {
    It 'connects with parameters: a user, a project and a region' {
        $connection = Connect-SnapshotProvider -Provider OpenStack -Endpoint $script:os.authUrl -Credential $script:credential `
            -UserDomain Default -ProjectName demo -ProjectDomain Default -Region RegionOne -Name os -PassThru
        $connection.Provider | Should -Be 'OpenStack'
        $connection.Location | Should -Be 'RegionOne'
        $connection.Scope | Should -Be 'demo'
        ($connection | Format-List * | Out-String) | Should -Not -Match $script:os.password
    }

    It 'lists the seeded snapshots by name' {
        $snapshots = Get-CloudSnapshot -Connection os -Name web-*
        $snapshots | Should -HaveCount 3
        $snapshots[0].Id | Should -Match '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
        $snapshots[0].State | Should -Be 'Available'
    }

    It 'creates a snapshot with a description and metadata and waits for it' {
        $made = New-CloudSnapshot -Connection os -VolumeId $script:volumeId -Name before-upgrade -Description 'weekly' -Tag @{ env = 'prod' } -Wait -Timeout 60
        $made.State | Should -Be 'Available'
        $made.ProviderState | Should -Be 'available'
        $made.Description | Should -Be 'weekly'
        $made.Tags['env'] | Should -Be 'prod'
    }

    It 'changes metadata with -AddTag and -RemoveTag, and the description' {
        $changed = Get-CloudSnapshot -Connection os -Name before-upgrade |
            Set-CloudSnapshot -AddTag @{ owner = 'web-team' } -RemoveTag env -Description 'kept a week' -PassThru
        $changed.Tags['owner'] | Should -Be 'web-team'
        $changed.Tags.ContainsKey('env') | Should -BeFalse
        $changed.Description | Should -Be 'kept a week'
        (Get-CloudSnapshot -Connection os -Tag @{ owner = 'web-team' }).Name | Should -Be 'before-upgrade'
    }

    It 'refuses an empty metadata key and a malformed id before any request' {
        { Get-CloudSnapshot -Connection os -Name before-upgrade | Set-CloudSnapshot -AddTag @{ '' = 'x' } -ErrorAction Stop } |
            Should -Throw -ErrorId 'SetCloudSnapshotInvalidArgument*'
        { Get-CloudSnapshot -Connection os -Id snap-123 -ErrorAction Stop } | Should -Throw -ErrorId 'GetCloudSnapshotInvalidArgument*'
    }

    It 'says what Cinder offers instead of an export' {
        $error.Clear()
        Get-CloudSnapshot -Connection os -Name before-upgrade | Export-CloudSnapshot -Bucket backups -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'ExportCloudSnapshotNotSupported*'
        $failed[0].Exception.Message | Should -Match 'volume backup create --snapshot'
    }

    It 'removes snapshots on the pipeline' {
        Get-CloudSnapshot -Connection os -Name before-upgrade | Remove-CloudSnapshot -Force -Wait -Timeout 60
        Get-CloudSnapshot -Connection os -Name before-upgrade* | Should -BeNullOrEmpty
    }

    It 'connects from the OS_* environment, as after sourcing an openrc file' {
        $env:OS_AUTH_URL = $script:os.authUrl
        $env:OS_USERNAME = $script:os.user
        $env:OS_PASSWORD = $script:os.password
        $env:OS_USER_DOMAIN_NAME = 'Default'
        $env:OS_PROJECT_NAME = 'demo'
        $env:OS_PROJECT_DOMAIN_ID = 'default'
        $env:OS_REGION_NAME = 'RegionOne'
        try {
            $connection = Connect-SnapshotProvider -Provider OpenStack -Name from-env -PassThru
            $connection.Source | Should -Be 'OS_* environment'
            Get-CloudSnapshot -Connection from-env -Name web-* | Should -HaveCount 3
        }
        finally {
            foreach ($name in $script:osVariables) { Remove-Item -Path "Env:$name" -ErrorAction SilentlyContinue }
        }
    }

    It 'connects from clouds.yaml and secure.yaml in the current folder with -Cloud' {
        $folder = Join-Path $TestDrive 'project'
        New-Item -ItemType Directory -Path $folder | Out-Null
        @"
clouds:
  emulator:
    auth:
      auth_url: $($script:os.authUrl)
      username: $($script:os.user)
      user_domain_name: Default
      project_name: demo
      project_domain_name: Default
    region_name: RegionOne
"@ | Set-Content -Path (Join-Path $folder 'clouds.yaml')
        @"
clouds:
  emulator:
    auth:
      password: $($script:os.password)
"@ | Set-Content -Path (Join-Path $folder 'secure.yaml')
        Push-Location $folder
        try {
            $connection = Connect-SnapshotProvider -Provider OpenStack -Cloud emulator -Name from-yaml -PassThru
            $connection.Source | Should -Match "clouds.yaml cloud 'emulator'"
            Get-CloudSnapshot -Connection from-yaml -Name web-* | Should -HaveCount 3
        }
        finally {
            Pop-Location
        }
    }

    It 'connects with an application credential, which carries its own project' {
        $secret = ConvertTo-SecureString $script:os.applicationCredentialSecret -AsPlainText -Force
        Connect-SnapshotProvider -Provider OpenStack -Endpoint $script:os.authUrl -ApplicationCredentialId $script:os.applicationCredentialId `
            -SecretKey $secret -Region RegionOne -Name app
        Get-CloudSnapshot -Connection app -Name web-* | Should -HaveCount 3
        { Connect-SnapshotProvider -Provider OpenStack -Endpoint $script:os.authUrl -ApplicationCredentialId $script:os.applicationCredentialId `
            -SecretKey $secret -ProjectName demo -ErrorAction Stop } | Should -Throw -ErrorId 'ConnectSnapshotProviderInvalidArgument*'
    }

    It 'names the regions of the catalog when asked for one it lacks' {
        Connect-SnapshotProvider -Provider OpenStack -Endpoint $script:os.authUrl -Credential $script:credential `
            -UserDomain Default -ProjectName demo -ProjectDomain Default -Region RegionNine -Name nowhere
        Get-CloudSnapshot -Connection nowhere -ErrorAction SilentlyContinue -ErrorVariable failed
        $failed[0].Exception.Message | Should -Match 'RegionOne, RegionTwo'
    }
}
