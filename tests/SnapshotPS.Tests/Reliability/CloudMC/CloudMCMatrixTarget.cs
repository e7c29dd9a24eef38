using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Http;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers;
using SnapshotPS.Core.Providers.CloudMC;
using SnapshotPS.Emulator;

namespace SnapshotPS.Reliability;

/// <summary>CloudMC in an environment of its own, so that runs elsewhere do not meet its faults.</summary>
public sealed class CloudMCMatrixTarget : MatrixTarget
{
    private readonly string _environment;

    public CloudMCMatrixTarget(EmulatorHost host) : base(host)
    {
        _environment = "matrix-" + Guid.NewGuid().ToString("N")[..8];
        host.CloudMC.AddEnvironment(_environment);
    }

    public override string Name => "cloudmc";
    public override string? Location => null;
    public override RequestFilter Reads => new(Name, "GET", $"/{_environment}/snapshots");
    public override RequestFilter Creates => new(Name, "POST", $"/{_environment}/snapshots");
    public override RequestFilter Deletes => new(Name, "DELETE", $"/{_environment}/snapshots");
    public override string UnknownSnapshotId => "0e4ac9d0-5b5c-4c4b-9c3e-7d1f2a3b4c5d";

    public override ISnapshotProvider Connect(HttpPipelineOptions http, Action<ConnectionSettings>? adjust = null)
    {
        var settings = new CloudMCConnectionSettings
        {
            Endpoint = Host.CloudMCEndpoint,
            ApiKey = SecretValue.FromPlainText(CloudMCFake.DefaultApiKey),
            EnvironmentName = _environment,
            PollInterval = TimeSpan.FromMilliseconds(20),
            Http = http,
        };
        adjust?.Invoke(settings);
        return new CloudMCProvider(settings, "matrix-cloudmc");
    }

    public override string NewVolume() => Host.CloudMC.AddVolume(_environment, "matrix-" + Guid.NewGuid().ToString("N")[..8]);

    public override IReadOnlyList<string> Seed(int count, string volumeId, string prefix) => Host.CloudMC.SeedSnapshots(volumeId, count, prefix);

    public override CreateSnapshotRequest CreateRequest(string volumeId, string label) => new() { VolumeId = volumeId, Name = label };

    public override string LabelOf(CloudSnapshot snapshot) => snapshot.Name;
}
