#Requires -Version 5.1
<#
.SYNOPSIS
    Nightly runbook: snapshots each volume, tags the snapshots, then removes the tagged snapshots that the
    retention policy no longer keeps. Safe to rehearse with -WhatIf; every step is logged.
.DESCRIPTION
    1. Connects with the settings given (a hashtable splatted to Connect-SnapshotProvider, under its own
       connection name, closed at the end). Keep the keys in a vault: see "Keys in a vault" in README.md.
    2. Creates one snapshot per volume, named <NamePrefix><volume id>-<UTC time>, with the tags of -Tag,
       and waits for each to be usable. A volume that fails is logged and the others go on.
    3. Lists the snapshots carrying every tag of -Tag (and only those: snapshots made by hand or by another
       policy are never touched), volume by volume, hands them to Select-ExpiredCloudSnapshot with the
       -Retention policy, and removes what it selects. A volume whose new snapshot failed keeps all of its
       snapshots this night.
    Under -WhatIf nothing is created or removed; the log says what would be. The output is one summary
    object; the exit code of a script host running this file is 1 when anything failed.
.PARAMETER Connection
    Connect-SnapshotProvider's parameters, e.g. @{ Provider = 'Scaleway'; Credential = (Get-Secret scaleway-prod); Zone = 'fr-par-1' }.
.PARAMETER VolumeId
    The volumes to snapshot.
.PARAMETER Tag
    Tags put on each new snapshot and required of every snapshot the retention may remove.
.PARAMETER Retention
    Select-ExpiredCloudSnapshot's policy parameters, e.g. @{ KeepDaily = 7; KeepWeekly = 4; KeepMonthly = 12 }.
.PARAMETER LogPath
    A file the log lines are appended to (they are also written to the information stream).
.EXAMPLE
    ./Invoke-NightlySnapshot.ps1 -Connection @{ Provider = 'Koyeb'; SecretKey = (Get-Secret koyeb-token) } -VolumeId $ids -WhatIf
.EXAMPLE
    ./Invoke-NightlySnapshot.ps1 -Connection $settings -VolumeId vol-1a2b3c4d -Retention @{ KeepLast = 3; KeepDaily = 14 } -LogPath ./nightly.log
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [Parameter(Mandatory)]
    [hashtable] $Connection,

    [Parameter(Mandatory)]
    [ValidateNotNullOrEmpty()]
    [string[]] $VolumeId,

    [ValidateNotNullOrEmpty()]
    [hashtable] $Tag = @{ policy = 'nightly' },

    [ValidateNotNullOrEmpty()]
    [hashtable] $Retention = @{ KeepDaily = 7; KeepWeekly = 4; KeepMonthly = 6 },

    [ValidateNotNullOrEmpty()]
    [string] $NamePrefix = 'nightly-',

    [ValidateRange(1, 86400)]
    [int] $TimeoutSeconds = 3600,

    [string] $LogPath
)

$ErrorActionPreference = 'Stop'
if (-not (Get-Module -Name SnapshotPS)) { Import-Module -Name SnapshotPS }

function Write-Log {
    param([string] $Message)
    $line = '{0:yyyy-MM-ddTHH:mm:ssZ} {1}' -f [DateTime]::UtcNow, $Message
    Write-Information -MessageData $line -InformationAction Continue
    if ($LogPath) { Add-Content -Path $LogPath -Value $line -Encoding UTF8 -WhatIf:$false -Confirm:$false }
}

$summary = [pscustomobject]@{ Created = @(); Removed = @(); Kept = 0; Failed = @(); WhatIf = [bool]$WhatIfPreference }
$connectionName = 'nightly-runbook-' + [Guid]::NewGuid().ToString('N').Substring(0, 8)
$settings = $Connection.Clone()
$settings['Name'] = $connectionName
try {
    Connect-SnapshotProvider @settings | Out-Null
    $connected = Get-SnapshotProvider -Name $connectionName
    Write-Log "Connected to $($connected.Provider) ($($connected.Location)) as $connectionName; policy $((($Retention.GetEnumerator() | Sort-Object Name | ForEach-Object { "$($_.Name)=$($_.Value)" }) -join ' ')); tags $((($Tag.GetEnumerator() | Sort-Object Name | ForEach-Object { "$($_.Name)=$($_.Value)" }) -join ' '))"

    $stamp = [DateTime]::UtcNow.ToString('yyyyMMdd-HHmm')
    $snapshotted = @()
    foreach ($volume in $VolumeId) {
        try {
            $name = "$NamePrefix$volume-$stamp"
            $made = New-CloudSnapshot -Connection $connectionName -VolumeId $volume -Name $name -Tag $Tag -Wait -Timeout $TimeoutSeconds
            if ($made) {
                Write-Log "Created $($made.Id) ($name) of volume ${volume}: $($made.State)"
                $summary.Created += $made.Id
            } else {
                Write-Log "What if: would create $name of volume $volume"
            }
            $snapshotted += $volume
        } catch {
            Write-Log "FAILED to snapshot volume ${volume}: $($_.Exception.Message)"
            $summary.Failed += $volume
        }
    }

    foreach ($volume in $snapshotted) {
        try {
            $tagged = @(Get-CloudSnapshot -Connection $connectionName -VolumeId $volume -Tag $Tag)
            $expired = @($tagged | Select-ExpiredCloudSnapshot @Retention)
            $summary.Kept += $tagged.Count - $expired.Count
            foreach ($snapshot in $expired) {
                if ($PSCmdlet.ShouldProcess("$($snapshot.Name) ($($snapshot.Id)) on $connectionName", 'Remove expired snapshot')) {
                    Remove-CloudSnapshot -InputObject $snapshot -Force -Wait -Timeout $TimeoutSeconds
                    Write-Log "Removed $($snapshot.Id) ($($snapshot.Name)), created $($snapshot.CreatedAt.UtcDateTime.ToString('yyyy-MM-dd HH:mm'))Z"
                    $summary.Removed += $snapshot.Id
                } else {
                    Write-Log "What if: would remove $($snapshot.Id) ($($snapshot.Name)), created $($snapshot.CreatedAt.UtcDateTime.ToString('yyyy-MM-dd HH:mm'))Z"
                }
            }
        } catch {
            Write-Log "FAILED to apply retention to volume ${volume}: $($_.Exception.Message)"
            $summary.Failed += $volume
        }
    }
    Write-Log "Done: $($summary.Created.Count) created, $($summary.Removed.Count) removed, $($summary.Kept) kept, $($summary.Failed.Count) failed"
} finally {
    Disconnect-SnapshotProvider -Name $connectionName -Confirm:$false -WhatIf:$false -ErrorAction SilentlyContinue
}
$summary
