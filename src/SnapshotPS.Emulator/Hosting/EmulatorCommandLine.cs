using System.Globalization;

namespace SnapshotPS.Emulator.Hosting;

/// <summary>The console entry's arguments: --port N, --seed N, --snapshot-delay SECONDS, --s3-*, --verbose, --help.</summary>
internal sealed record EmulatorCommandLine(int Port, int? Seed, double? SnapshotDelaySeconds, bool Verbose, bool ShowHelp)
{
    public Uri? S3Endpoint { get; init; }

    public string? S3AccessKey { get; init; }

    public string? S3SecretKey { get; init; }

    /// <summary>The object storage the three --s3-* options name, or null when none is given.</summary>
    public ObjectStorageOptions? ObjectStorage => S3Endpoint is null
        ? null
        : new ObjectStorageOptions { ServiceUrl = S3Endpoint, AccessKey = S3AccessKey!, SecretKey = S3SecretKey! };

    /// <summary>
    /// An Outscale or Scaleway Connect line completed with the object storage the --s3-* options name, so that
    /// Export-CloudSnapshot -Wait, shared URLs and copies through buckets reach it; other lines unchanged.
    /// </summary>
    public string WithStorage(string connectLine) =>
        S3Endpoint is null || !(connectLine.Contains("-Provider Outscale ") || connectLine.Contains("-Provider Scaleway "))
            ? connectLine
            : connectLine + $" -StorageEndpoint {S3Endpoint} -StorageCredential (New-Object System.Management.Automation.PSCredential '{S3AccessKey}', " +
              $"(ConvertTo-SecureString '{S3SecretKey}' -AsPlainText -Force))";

    public const int DefaultPort = 5080;

    public const string Usage = """
        Usage: dotnet run --project src/SnapshotPS.Emulator -- [options]
          --port N              loopback port to listen on (default 5080; 0 picks a free port)
          --seed N              seed demo data: a volume and N snapshots per fake cloud
          --snapshot-delay S    seconds a new snapshot stays in its transient state (default 2)
          --s3-endpoint URL     S3-compatible server (e.g. s3rver) where Outscale and Scaleway exports are written
          --s3-access-key K     its access key (needed with --s3-endpoint)
          --s3-secret-key S     its secret key (needed with --s3-endpoint)
          --verbose             log every request to the console
          --help                show this help
        """;

    /// <summary>Parses the arguments, throwing FormatException with a message fit for the user.</summary>
    public static EmulatorCommandLine Parse(IReadOnlyList<string> args)
    {
        var result = new EmulatorCommandLine(DefaultPort, null, null, false, false);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            result = name switch
            {
                "--port" => result with { Port = Integer(name, Value(args, ref i), 0, 65535) },
                "--seed" => result with { Seed = Integer(name, Value(args, ref i), 0, 100_000) },
                "--snapshot-delay" => result with { SnapshotDelaySeconds = Seconds(name, Value(args, ref i)) },
                "--s3-endpoint" => result with { S3Endpoint = HttpUrl(name, Value(args, ref i)) },
                "--s3-access-key" => result with { S3AccessKey = Value(args, ref i) },
                "--s3-secret-key" => result with { S3SecretKey = Value(args, ref i) },
                "--verbose" => result with { Verbose = true },
                "--help" or "-h" or "-?" => result with { ShowHelp = true },
                _ => throw new FormatException($"Unknown option '{name}'."),
            };
        }

        var s3Given = result.S3Endpoint is not null || result.S3AccessKey is not null || result.S3SecretKey is not null;
        if (s3Given && (result.S3Endpoint is null || string.IsNullOrEmpty(result.S3AccessKey) || string.IsNullOrEmpty(result.S3SecretKey)))
        {
            throw new FormatException("Options '--s3-endpoint', '--s3-access-key' and '--s3-secret-key' go together.");
        }

        return result;
    }

    private static Uri HttpUrl(string name, string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            ? url
            : throw new FormatException($"Option '{name}' needs an http(s) URL, not '{text}'.");

    private static string Value(IReadOnlyList<string> args, ref int index)
    {
        if (index + 1 >= args.Count)
        {
            throw new FormatException($"Option '{args[index]}' needs a value.");
        }

        return args[++index];
    }

    private static int Integer(string name, string text, int min, int max) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new FormatException($"Option '{name}' needs a whole number from {min} to {max}, not '{text}'.");

    private static double Seconds(string name, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0 && double.IsFinite(value)
            ? value
            : throw new FormatException($"Option '{name}' needs a number of seconds (0 or more), not '{text}'.");
}
