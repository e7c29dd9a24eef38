using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Http;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers;
using SnapshotPS.Core.Providers.Koyeb;
using SnapshotPS.Emulator;

namespace SnapshotPS.Reliability;

/// <summary>Koyeb's snapshots in one region, so that runs elsewhere do not meet its faults.</summary>
public sealed class KoyebMatrixTarget(EmulatorHost host, string region) : MatrixTarget(host)
{
    public override string Name => "koyeb";
    public override string? Location => region;
    public override RequestFilter Reads => new(Name, "GET", "/v1/snapshots");
    public override RequestFilter Creates => new(Name, "POST", "/v1/snapshots");
    public override RequestFilter Deletes => new(Name, "DELETE", "/v1/snapshots");
    public override string UnknownSnapshotId => "0e4ac9d0-5b5c-4c4b-9c3e-7d1f2a3b4c5d";

    public override ISnapshotProvider Connect(HttpPipelineOptions http, Action<ConnectionSettings>? adjust = null)
    {
        var settings = new KoyebConnectionSettings
        {
            Endpoint = Host.KoyebEndpoint,
            Token = SecretValue.FromPlainText(KoyebFake.DefaultToken),
            Region = region,
            PollInterval = TimeSpan.FromMilliseconds(20),
            Http = http,
        };
        adjust?.Invoke(settings);
        return new KoyebProvider(settings, "matrix-koyeb");
    }

    public override string NewVolume() => Host.Koyeb.AddVolume("matrix-" + Guid.NewGuid().ToString("N")[..8], region, 20);

    public override IReadOnlyList<string> Seed(int count, string volumeId, string prefix) => Host.Koyeb.SeedSnapshots(count, prefix, volumeId);

    /// <summary>Koyeb takes the region from the volume: the create names none.</summary>
    public override CreateSnapshotRequest CreateRequest(string volumeId, string label) => new() { VolumeId = volumeId, Name = label };

    public override string LabelOf(CloudSnapshot snapshot) => snapshot.Name;
}
