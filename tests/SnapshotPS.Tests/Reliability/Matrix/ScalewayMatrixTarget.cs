using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Http;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers;
using SnapshotPS.Core.Providers.Scaleway;
using SnapshotPS.Emulator;

namespace SnapshotPS.Reliability;

/// <summary>Scaleway's Instance API in one zone, so that runs in other zones do not meet its faults.</summary>
public sealed class ScalewayMatrixTarget(EmulatorHost host, string zone) : MatrixTarget(host)
{
    private const long VolumeBytes = 20_000_000_000;

    public override string Name => "scaleway";
    public override string? Location => zone;
    public override RequestFilter Reads => new(Name, "GET", $"/zones/{zone}/snapshots");
    public override RequestFilter Creates => new(Name, "POST", $"/zones/{zone}/snapshots");
    public override RequestFilter Deletes => new(Name, "DELETE", $"/zones/{zone}/snapshots");
    public override string UnknownSnapshotId => "0e4ac9d0-5b5c-4c4b-9c3e-7d1f2a3b4c5d";

    public override ISnapshotProvider Connect(HttpPipelineOptions http, Action<ConnectionSettings>? adjust = null)
    {
        var settings = new ScalewayConnectionSettings
        {
            Endpoint = Host.ScalewayEndpoint,
            SecretKey = SecretValue.FromPlainText(ScalewayFake.DefaultSecretKey),
            ProjectId = ScalewayFake.DefaultProjectId,
            Zone = zone,
            PollInterval = TimeSpan.FromMilliseconds(20),
            Http = http,
        };
        adjust?.Invoke(settings);
        return new ScalewayProvider(settings, "matrix-scaleway");
    }

    public override string NewVolume() => Host.Scaleway.AddInstanceVolume(zone, "matrix-" + Guid.NewGuid().ToString("N")[..8], VolumeBytes);

    public override IReadOnlyList<string> Seed(int count, string volumeId, string prefix) =>
        Host.Scaleway.SeedInstanceSnapshots(zone, count, prefix, volumeId);

    public override CreateSnapshotRequest CreateRequest(string volumeId, string label) => new() { Location = zone, VolumeId = volumeId, Name = label };

    public override string LabelOf(CloudSnapshot snapshot) => snapshot.Name;
}
