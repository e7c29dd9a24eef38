@{
    RootModule           = 'SnapshotPS.dll'
    # Loaded before the root module: it keeps the engine's dependencies apart from other modules'.
    NestedModules        = @('SnapshotPS.Loader.dll')
    # Stamped by the build from Directory.Build.props into the laid-out module (out/SnapshotPS).
    ModuleVersion        = '0.0.0'
    GUID                 = '5b0f3c2e-8a61-4d0e-9d7a-6f1c2b3a4d5e'
    Author               = 'SnapshotPS contributors'
    CompanyName          = 'SnapshotPS'
    Copyright            = 'Copyright (c) 2026 SnapshotPS contributors. MIT License.'
    Description          = 'Volume snapshots on Outscale, Scaleway, Koyeb, OpenStack Cinder and Cox Edge / CloudMC through one set of cmdlets: connect, list, create, tag, wait and remove, with typed objects on the pipeline.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess     = @('SnapshotPS.format.ps1xml')
    # The help ships in en-US; the same text, one page per cmdlet, is in docs/ (tools/Update-ModuleHelp.ps1).
    HelpInfoURI          = 'https://github.com/snapshotps/SnapshotPS/tree/main/docs'
    CmdletsToExport      = @(
        'Connect-SnapshotProvider'
        'Copy-CloudSnapshot'
        'Disconnect-SnapshotProvider'
        'Export-CloudSnapshot'
        'Get-CloudSnapshot'
        'Get-CloudSnapshotExportTask'
        'Get-SnapshotProvider'
        'Grant-CloudSnapshotPermission'
        'New-CloudSnapshot'
        'Remove-CloudSnapshot'
        'Revoke-CloudSnapshotPermission'
        'Select-ExpiredCloudSnapshot'
        'Set-CloudSnapshot'
        'Stop-CloudSnapshotExportTask'
        'Wait-CloudSnapshot'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('Snapshot', 'Backup', 'Cloud', 'Scaleway', 'Outscale', 'OpenStack', 'Cinder', 'Koyeb', 'CloudMC', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/snapshotps/SnapshotPS'
            LicenseUri   = 'https://github.com/snapshotps/SnapshotPS/blob/main/LICENSE'
            ReleaseNotes = '0.1.0: Outscale, Scaleway (Instance and Block Storage), OpenStack Cinder (Keystone v3, clouds.yaml, OS_* variables), Koyeb and Cox Edge / CloudMC through one set of cmdlets: Connect/Get/Disconnect-SnapshotProvider; Get/New/Set/Copy/Remove/Wait/Export-CloudSnapshot; Grant/Revoke-CloudSnapshotPermission; Get/Stop-CloudSnapshotExportTask; Select-ExpiredCloudSnapshot (restic-style retention). Bulk cmdlets run -ThrottleLimit items at once; Outscale listings keep the account''s own snapshots unless -Owner widens them; the engine''s dependencies load apart from other modules'' (AWS.Tools, Az); a bundled emulator of all five clouds.'
        }
    }
}
