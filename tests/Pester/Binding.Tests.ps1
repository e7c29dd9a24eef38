#Requires -Version 5.1
<#
    What a PowerShell user types with ids, hashtables and kept files, then Get-Help, the views and Tab,
    against the bundled emulator on Scaleway and Outscale.
    Needs: the solution built (dotnet build), Pester 5, and dotnet on PATH to start the emulator.
#>

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestEmulator.ps1')
    $repo = Resolve-Path (Join-Path $PSScriptRoot '../..')
    $script:emulator = Start-Walkthrough -RepositoryRoot $repo
    $scw = $script:emulator.Providers.scaleway
    $osc = $script:emulator.Providers.outscale
    Invoke-EmulatorSeed -Emulator $script:emulator -Provider 'scaleway' -Body @{ zone = 'fr-par-1'; volumes = 1; snapshots = 6; namePrefix = 'bind-' } | Out-Null
    Invoke-EmulatorSeed -Emulator $script:emulator -Provider 'outscale' -Body @{ volumes = 1; snapshots = 6; namePrefix = 'bind-' } | Out-Null
    Connect-SnapshotProvider -Provider Scaleway -Endpoint $scw.endpoint -SecretKey (ConvertTo-SecureString $scw.secretKey -AsPlainText -Force) `
        -ProjectId $scw.projectId -Zone fr-par-1 | Out-Null
    Connect-SnapshotProvider -Provider Outscale -Endpoint $osc.endpoint -AccessKey $osc.accessKey `
        -SecretKey (ConvertTo-SecureString $osc.secretKey -AsPlainText -Force) -Region $osc.region | Out-Null
    $script:folder = Join-Path ([System.IO.Path]::GetTempPath()) ("snapshotps-binding-" + [guid]::NewGuid())
    New-Item -ItemType Directory -Path $script:folder | Out-Null
}

AfterAll {
    Remove-Item -LiteralPath $script:folder -Recurse -Force -ErrorAction SilentlyContinue
    Stop-Walkthrough -Emulator $script:emulator
}

Describe 'Binding, help, views and completion' {
    It 'reads and removes snapshots named by a file of ids' {
        $ids = @(Get-CloudSnapshot -Connection outscale -Name bind-* | Select-Object -First 2 -ExpandProperty Id)
        $file = Join-Path $script:folder 'ids.txt'
        Set-Content -LiteralPath $file -Value $ids
        (Get-Content -LiteralPath $file | Get-CloudSnapshot -Connection outscale).Id | Should -Be $ids
        Get-Content -LiteralPath $file | Remove-CloudSnapshot -Connection outscale -Force
        @(Get-CloudSnapshot -Connection outscale -Name bind-* | Where-Object Id -in $ids) | Should -HaveCount 0
    }

    It 'names a Scaleway snapshot with a hashtable' {
        $id = (Get-CloudSnapshot -Name bind-* | Select-Object -First 1).Id
        (@{ Id = $id; Connection = 'scaleway' } | Get-CloudSnapshot).Connection | Should -Be 'scaleway'
        @{ Id = $id; Connection = 'scaleway' } | Set-CloudSnapshot -Name bind-renamed -Confirm:$false
        (Get-CloudSnapshot -Id $id).Name | Should -Be 'bind-renamed'
    }

    It 'binds snapshots of two clouds back from Export-Csv and ConvertTo-Json' {
        $all = @(Get-CloudSnapshot -AllConnections -Name bind-*)
        $csv = Join-Path $script:folder 'kept.csv'
        $all | Export-Csv -LiteralPath $csv -NoTypeInformation
        $fromCsv = @(Import-Csv -LiteralPath $csv | Get-CloudSnapshot)
        $fromJson = @(ConvertTo-Json -InputObject $all -Depth 5 | ConvertFrom-Json | Get-CloudSnapshot)
        ($fromCsv | ForEach-Object { "$($_.Connection)/$($_.Id)" }) | Should -Be ($all | ForEach-Object { "$($_.Connection)/$($_.Id)" })
        ($fromJson | ForEach-Object { "$($_.Connection)/$($_.Id)" }) | Should -Be ($all | ForEach-Object { "$($_.Connection)/$($_.Id)" })
    }

    It 'writes tags as key=value text in Export-Csv' {
        $snapshot = Get-CloudSnapshot -Name bind-* | Select-Object -First 1 | Set-CloudSnapshot -Tag @{ env = 'prod'; team = 'db' } -PassThru -Confirm:$false
        $csv = Join-Path $script:folder 'tags.csv'
        $snapshot | Export-Csv -LiteralPath $csv -NoTypeInformation
        (Import-Csv -LiteralPath $csv).Tags | Should -Be 'env=prod; team=db'
    }

    It 'documents -WhatIf and -Confirm, and every parameter the cmdlet has' {
        (Get-Help Set-CloudSnapshot -Parameter WhatIf).name | Should -Be 'WhatIf'
        (Get-Help Get-CloudSnapshot -Parameter IncludeTotalCount).name | Should -Be 'IncludeTotalCount'
        $common = [System.Management.Automation.Cmdlet]::CommonParameters
        foreach ($command in Get-Command -Module SnapshotPS) {
            $documented = @((Get-Help $command.Name).parameters.parameter.name)
            foreach ($name in $command.Parameters.Keys | Where-Object { $_ -notin $common -and $_ -ne 'UseTransaction' }) {
                $documented | Should -Contain $name -Because "$($command.Name) has -$name"
            }
        }
    }

    It 'shows snapshots and connections within 80 columns' {
        foreach ($objects in @((Get-CloudSnapshot -AllConnections -Name bind-*), (Get-SnapshotProvider))) {
            $text = $objects | Out-String -Width 80
            ($text -split "`n" | Where-Object { $_.TrimEnd().Length -gt 80 }) | Should -BeNullOrEmpty
            $text | Should -Not -Match '\.\.\.|\u2026'
        }
    }

    It 'completes ids listed earlier' {
        $listed = @(Get-CloudSnapshot -Connection outscale -Name bind-*).Id
        $line = 'Remove-CloudSnapshot -Connection outscale -Id '
        $offered = @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches | ForEach-Object CompletionText)
        $offered | Sort-Object | Should -Be ($listed | Sort-Object)
    }
}
