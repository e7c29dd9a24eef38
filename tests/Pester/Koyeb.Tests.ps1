#Requires -Version 5.1
<#
    The Koyeb walk-through of the README, typed as a user would, against the bundled emulator.
    Needs: the solution built (dotnet build), Pester 5, and dotnet on PATH to start the emulator.
#>

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestEmulator.ps1')
    $repo = Resolve-Path (Join-Path $PSScriptRoot '../..')
    $script:emulator = Start-Walkthrough -RepositoryRoot $repo
    $script:koyeb = $script:emulator.Providers.koyeb
    $seed = Invoke-EmulatorSeed -Emulator $script:emulator -Provider 'koyeb' -Body @{ volumes = 1; snapshots = 4; namePrefix = 'db-'; region = 'fra' }
    $script:volumeId = $seed.volumes[0]

    $token = ConvertTo-SecureString $script:koyeb.token -AsPlainText -Force
    Connect-SnapshotProvider -Provider Koyeb -Endpoint $script:koyeb.endpoint -SecretKey $token -Region fra -Name kyb -Default | Out-Null
}

AfterAll {
    Stop-Walkthrough -Emulator $script:emulator
}

Describe 'Koyeb' {
    It 'connects with a token and shows it nowhere' {
        $connection = Get-SnapshotProvider -Name kyb
        $connection.Provider | Should -Be 'Koyeb'
        $connection.Location | Should -Be 'fra'
        ($connection | Format-List * | Out-String) | Should -Not -Match $script:koyeb.token
    }

    It 'connects from KOYEB_TOKEN and KOYEB_URL' {
        $env:KOYEB_TOKEN = $script:koyeb.token
        $env:KOYEB_URL = $script:koyeb.endpoint
        try {
            $connection = Connect-SnapshotProvider -Provider Koyeb -Name kenv -PassThru
            $connection.Source | Should -Match 'KOYEB_\* environment'
            (Get-CloudSnapshot -Connection kenv -Name db-*) | Should -HaveCount 4
        }
        finally {
            Remove-Item Env:KOYEB_TOKEN, Env:KOYEB_URL
            Disconnect-SnapshotProvider -Name kenv
        }
    }

    It 'connects with a credential whose password is the token' {
        $credential = [pscredential]::new('ignored', (ConvertTo-SecureString $script:koyeb.token -AsPlainText -Force))
        Connect-SnapshotProvider -Provider Koyeb -Endpoint $script:koyeb.endpoint -Credential $credential -Name kcred | Out-Null
        (Get-CloudSnapshot -Connection kcred -Name db-001).Name | Should -Be 'db-001'
        Disconnect-SnapshotProvider -Name kcred
    }

    It 'lists the seeded snapshots, available in remote storage' {
        $snapshots = Get-CloudSnapshot -Name db-*
        $snapshots | Should -HaveCount 4
        $snapshots | ForEach-Object { $_.State | Should -Be 'Available'; $_.SnapshotType | Should -Be 'SNAPSHOT_TYPE_REMOTE' }
        $snapshots[0].Id | Should -Match '^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-'
    }

    It 'reads a snapshot by its short id and by its name, as the koyeb CLI does' {
        $one = Get-CloudSnapshot -Name db-002
        (Get-CloudSnapshot -Id $one.Id.Substring(0, 8)).Id | Should -Be $one.Id
        (Get-CloudSnapshot -Id 'db-002').Id | Should -Be $one.Id
    }

    It 'creates from a volume and waits until it is available' {
        $made = New-CloudSnapshot -VolumeId $script:volumeId -Name before-upgrade -Wait -Timeout 60
        $made.State | Should -Be 'Available'
        $made.ProviderState | Should -Be 'SNAPSHOT_STATUS_AVAILABLE'
        $made.VolumeId | Should -Be $script:volumeId
        $made.Location | Should -Be 'fra'
    }

    It 'renames with Set-CloudSnapshot on the pipeline' {
        $renamed = Get-CloudSnapshot -Name before-upgrade | Set-CloudSnapshot -Name after-upgrade -PassThru
        $renamed.Name | Should -Be 'after-upgrade'
        Get-CloudSnapshot -Name before-upgrade -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'refuses what Koyeb cannot do, naming what it can' {
        { New-CloudSnapshot -VolumeId $script:volumeId -Tag @{ env = 'prod' } -ErrorAction Stop } |
            Should -Throw -ErrorId 'NewCloudSnapshotNotSupported,*' -ExpectedMessage '*It supports: Create, Rename, Delete*'
        { Get-CloudSnapshot -Name db-001 | Export-CloudSnapshot -Bucket backups -ErrorAction Stop } |
            Should -Throw -ErrorId 'ExportCloudSnapshotNotSupported,*'
    }

    It 'removes on the pipeline and waits until it is gone' {
        Get-CloudSnapshot -Name after-upgrade | Remove-CloudSnapshot -Force -Wait -Timeout 60
        Get-CloudSnapshot -Name after-upgrade -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Get-CloudSnapshot -Name db-* | Should -HaveCount 4
    }
}
