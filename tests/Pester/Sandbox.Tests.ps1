#Requires -Version 5.1
<#
    The README's one command to try the module (tools/Start-SnapshotPSSandbox.ps1, build.ps1 -Task Try),
    run without prompting: a session connected to every fake cloud, and nothing left running afterwards.
    Needs: the solution built (dotnet build), node_modules from npm ci (s3rver), dotnet and node on PATH.
#>

BeforeAll {
    $script:repo = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $script:sandbox = Join-Path $script:repo 'tools/Start-SnapshotPSSandbox.ps1'
    # The PowerShell running these tests: an installed pwsh, Windows PowerShell, or the build's NuGet pwsh.
    $script:shell = (Get-Process -Id $PID).Path

    function Invoke-Sandbox {
        param([string] $Command)
        $output = & $script:shell -NoProfile -NonInteractive -File $script:sandbox -NoBuild -Command $Command 2>&1 | ForEach-Object { "$_" }
        [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = $output; Text = $output -join [Environment]::NewLine }
    }

    # The ids of the emulator and s3rver as the sandbox announced them.
    function Get-StartedProcessId {
        param([string[]] $Output)
        @($Output | Select-String -Pattern '^(?:s3rver|Emulator) \(process (\d+)\)' | ForEach-Object { [int]$_.Matches[0].Groups[1].Value })
    }

    function Test-Running {
        param([int] $Id)
        [bool](Get-Process -Id $Id -ErrorAction SilentlyContinue)
    }
}

Describe 'The one command to try SnapshotPS' {
    It 'opens a session with the module and a connection to each of the five fake clouds, and stops what it started when it ends' {
        $result = Invoke-Sandbox -Command @'
$connections = @(Get-SnapshotProvider)
"connections: $($connections.Count)"
"providers: $(($connections | ForEach-Object { "$($_.Provider)" } | Sort-Object) -join ',')"
"listed: $((Get-CloudSnapshot -AllConnections | Measure-Object).Count)"
'@
        $result.ExitCode | Should -Be 0 -Because $result.Text
        $result.Output | Should -Contain 'connections: 5'
        $result.Output | Should -Contain 'providers: CloudMC,Koyeb,OpenStack,Outscale,Scaleway'
        $listed = [int](($result.Output | Select-String '^listed: (\d+)$').Matches[0].Groups[1].Value)
        $listed | Should -BeGreaterOrEqual 25 -Because 'the emulator seeds five snapshots on each cloud'
        # With Node.js present (the test run has it), s3rver is the emulator's object storage.
        $result.Text | Should -Match 's3rver \(process \d+\) at http://127\.0\.0\.1:\d+/'
        $ids = Get-StartedProcessId -Output $result.Output
        $ids.Count | Should -Be 2
        foreach ($id in $ids) { Test-Running -Id $id | Should -BeFalse -Because "process $id was started by the sandbox" }
    }

    It 'stops what it started when the session fails, and reports the failure in its exit code' {
        $result = Invoke-Sandbox -Command 'Write-Error "the runbook failed"'
        $result.ExitCode | Should -Be 1
        $ids = Get-StartedProcessId -Output $result.Output
        $ids.Count | Should -Be 2
        foreach ($id in $ids) { Test-Running -Id $id | Should -BeFalse }
    }

    # Ctrl+C in a terminal interrupts the whole foreground process group; a test sends that where setsid can
    # give the sandbox a group of its own (Linux; not Windows, nor macOS, which has no setsid).
    if (Get-Command -Name 'setsid' -CommandType Application -ErrorAction SilentlyContinue) {
        It 'stops what it started on Ctrl+C' {
            $log = Join-Path ([System.IO.Path]::GetTempPath()) ("sandbox-" + [Guid]::NewGuid().ToString('N') + '.txt')
            # A process group of its own (setsid), so the interrupt reaches the sandbox and its session as a terminal's would.
            $process = Start-Process -FilePath 'setsid' -PassThru -RedirectStandardOutput $log -ArgumentList @(
                $script:shell, '-NoProfile', '-NonInteractive', '-File', $script:sandbox, '-NoBuild', '-Command', '"Start-Sleep -Seconds 300"')
            try {
                $deadline = (Get-Date).AddSeconds(90)
                while (-not (Select-String -Path $log -Pattern '^SnapshotPS sandbox' -Quiet -ErrorAction SilentlyContinue) -and (Get-Date) -lt $deadline -and -not $process.HasExited) {
                    Start-Sleep -Milliseconds 250
                }
                $ids = Get-StartedProcessId -Output (Get-Content -Path $log)
                $ids.Count | Should -Be 2
                & kill -INT -- "-$($process.Id)"
                $process.WaitForExit(60000) | Should -BeTrue -Because 'Ctrl+C ends the session and the sandbox'
                foreach ($id in $ids) { Test-Running -Id $id | Should -BeFalse }
            } finally {
                if (-not $process.HasExited) { & kill -KILL -- "-$($process.Id)" }
                Remove-Item -Path $log -ErrorAction SilentlyContinue
            }
        }
    }
}
