using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace SnapshotPS.Benchmarks;

/// <summary>
/// What importing the module adds to a fresh PowerShell process: the pwsh 7.6.9 built from NuGet
/// (tests/SnapshotPS.TestHost) starting bare, against the same host running Import-Module of the
/// laid-out module (out/SnapshotPS). Whole processes, so each run pays the host's own start-up.
/// Build the solution in Release first.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 15)]
[MedianColumn]
public class ModuleImportBenchmarks
{
    private static readonly string Root = FindRepositoryRoot();
    private static readonly string TestHost = Path.Combine(Root, "tests", "SnapshotPS.TestHost", "bin", "Release", "net10.0",
        OperatingSystem.IsWindows() ? "pwsh.exe" : "pwsh");
    private static readonly string Manifest = Path.Combine(Root, "out", "SnapshotPS", "SnapshotPS.psd1");

    [Benchmark(Baseline = true, Description = "pwsh bare")]
    public void Bare() => RunHost("exit 0");

    [Benchmark(Description = "pwsh + Import-Module SnapshotPS")]
    public void Import() => RunHost($"Import-Module '{Manifest}' -ErrorAction Stop; exit 0");

    private static void RunHost(string command)
    {
        var start = new ProcessStartInfo(TestHost) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-NoProfile", "-NonInteractive", "-Command", command }) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{TestHost} exited with {process.ExitCode}: {errors}");
    }

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "SnapshotPS.sln"))) return folder.FullName;
        }

        throw new InvalidOperationException("SnapshotPS.sln was not found above " + AppContext.BaseDirectory);
    }
}
