#Requires -Version 5.1
<#
    Another module's AWSSDK.Core (AWS.Tools 4 and AWSPowerShell load 3.x, as on hosted Azure DevOps
    agents) in the same session as SnapshotPS, in either import order: both must work. Each case runs
    in a fresh process of this same PowerShell, since assemblies cannot be unloaded.
    Needs: the solution built (dotnet build), which also lays out the other AWSSDK.Core beside the test host.
#>

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestEmulator.ps1')
    $repo = Resolve-Path (Join-Path $PSScriptRoot '../..')
    $script:module = Join-Path $repo 'out/SnapshotPS/SnapshotPS.psd1'
    $script:pwsh = [Diagnostics.Process]::GetCurrentProcess().MainModule.FileName
    $script:otherAwsSdk = Get-ChildItem -Path (Join-Path $repo 'tests/SnapshotPS.TestHost/bin') -Recurse -Filter 'AWSSDK.Core.dll' |
        Where-Object { $_.Directory.Name -like 'AWSSDK.Core-3.*' } | Select-Object -First 1
    if (-not $script:otherAwsSdk) { throw 'Build tests/SnapshotPS.TestHost first: the other AWSSDK.Core is missing.' }
    $script:emulator = Start-TestEmulator -RepositoryRoot $repo
    $outscale = $script:emulator.Providers.outscale
    Invoke-EmulatorSeed -Emulator $script:emulator -Provider 'outscale' -Body @{ volumes = 1; snapshots = 5 } | Out-Null

    # Both modules used for real: the other one builds AWS credentials, SnapshotPS signs Outscale calls with its own AWSSDK.Core.
    $script:session = {
        param($Module, $OtherAwsSdk, $Endpoint, $AccessKey, $SecretKey, [bool] $OtherFirst)
        $ErrorActionPreference = 'Stop'
        function Use-OtherModule {
            Add-Type -Path $OtherAwsSdk
            $credentials = [Amazon.Runtime.BasicAWSCredentials]::new('AKOTHERMODULE', 'secret')
            "other:" + [Amazon.Runtime.AWSCredentials].Assembly.GetName().Version + ":" + $credentials.GetCredentials().AccessKey
        }
        if ($OtherFirst) { Use-OtherModule }
        Import-Module $Module
        Connect-SnapshotProvider -Provider Outscale -Endpoint $Endpoint -AccessKey $AccessKey -Region eu-west-2 `
            -SecretKey (ConvertTo-SecureString $SecretKey -AsPlainText -Force)
        $listed = @(Get-CloudSnapshot)
        "listed:" + $listed.Count + ":" + ($listed[0] -is [SnapshotPS.Core.Model.CloudSnapshot])
        if (-not $OtherFirst) { Use-OtherModule }
    }

    function Invoke-Session([bool] $OtherFirst) {
        $arguments = "& { $($script:session) } '$($script:module)' '$($script:otherAwsSdk.FullName)' '$($outscale.endpoint)' " +
            "'$($outscale.accessKey)' '$($outscale.secretKey)' `$$OtherFirst"
        $output = & $script:pwsh -NoProfile -NonInteractive -Command $arguments 2>&1
        [pscustomobject]@{ ExitCode = $LASTEXITCODE; Lines = @($output | ForEach-Object { "$_" }) }
    }
}

AfterAll {
    Stop-TestEmulator -Emulator $script:emulator
}

Describe 'SnapshotPS beside another AWSSDK.Core' {
    It 'works when the other module loaded its AWSSDK.Core first' {
        $run = Invoke-Session -OtherFirst $true
        $run.Lines -join "`n" | Should -Not -Match 'Could not load'
        $run.ExitCode | Should -Be 0
        $run.Lines | Should -Contain 'other:3.3.0.0:AKOTHERMODULE'
        $run.Lines | Should -Contain 'listed:5:True'
    }

    It 'leaves the other module its own AWSSDK.Core when SnapshotPS came first' {
        $run = Invoke-Session -OtherFirst $false
        $run.Lines -join "`n" | Should -Not -Match 'Could not load'
        $run.ExitCode | Should -Be 0
        $run.Lines | Should -Contain 'listed:5:True'
        $run.Lines | Should -Contain 'other:3.3.0.0:AKOTHERMODULE'
    }
}
