using System.Diagnostics;
using System.Text.RegularExpressions;
using Amazon.Runtime;
using Amazon.S3;

namespace SnapshotPS.Emulator.Tests.Support;

/// <summary>
/// s3rver (from the repository's node_modules, installed by npm ci) on a free loopback port, in a temporary directory,
/// with the buckets of <see cref="Buckets"/>. Fails, rather than skips, when node or s3rver is missing.
/// </summary>
public sealed partial class S3rverFixture : IAsyncLifetime
{
    public const string AccessKey = "S3RVER";
    public const string SecretKey = "S3RVER";
    public const string Bucket = "exports";

    private static readonly string[] Buckets = [Bucket];
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "s3rver-" + Guid.NewGuid().ToString("N"));
    private Process? _process;

    public Uri ServiceUrl { get; private set; } = null!;

    public ObjectStorageOptions Options => new() { ServiceUrl = ServiceUrl, AccessKey = AccessKey, SecretKey = SecretKey };

    /// <summary>A client set up as the design notes ask for S3-compatible stores; the caller disposes it.</summary>
    public AmazonS3Client NewClient() => new(new BasicAWSCredentials(AccessKey, SecretKey), new AmazonS3Config
    {
        ServiceURL = ServiceUrl.ToString(),
        AuthenticationRegion = "us-east-1",
        ForcePathStyle = true,
        RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
        ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
    });

    public async Task InitializeAsync()
    {
        var script = Path.Combine(RepositoryRoot(), "node_modules", "s3rver", "bin", "s3rver.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"s3rver is not installed ({script} is missing); run 'npm ci' at the repository root.");
        }

        Directory.CreateDirectory(_directory);
        var start = new ProcessStartInfo("node")
        {
            ArgumentList = { script, "-d", _directory, "-a", "127.0.0.1", "-p", "0", "--silent" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            _process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException("node is not on PATH; install Node.js to run the object storage tests.", exception);
        }

        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        ServiceUrl = new Uri($"http://127.0.0.1:{await ReadPortAsync(_process)}/");
        using var client = NewClient();
        foreach (var bucket in Buckets)
        {
            await client.PutBucketAsync(bucket);
        }
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process?.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }

        return Task.CompletedTask;
    }

    private static async Task<int> ReadPortAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (ListeningLine().Match(line) is { Success: true } match)
                {
                    return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new InvalidOperationException($"s3rver did not say where it listens within {StartTimeout.TotalSeconds} s.");
        }

        throw new InvalidOperationException($"s3rver exited (code {(process.WaitForExit(1000) ? process.ExitCode : -1)}) before listening.");
    }

    /// <summary>The folder holding SnapshotPS.sln, above the test binaries.</summary>
    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SnapshotPS.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No SnapshotPS.sln above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"S3rver listening on 127\.0\.0\.1:(\d+)")]
    private static partial Regex ListeningLine();
}
