using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Http;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers;
using SnapshotPS.Core.Providers.Outscale;
using SnapshotPS.Emulator;

namespace SnapshotPS.Reliability;

/// <summary>Outscale's default account; runs keep apart by volume.</summary>
public sealed class OutscaleMatrixTarget(EmulatorHost host) : MatrixTarget(host)
{
    public override string Name => "outscale";
    public override string? Location => null;
    public override RequestFilter Reads => new(Name, null, "/ReadSnapshots");
    public override RequestFilter Creates => new(Name, null, "/CreateSnapshot");
    public override RequestFilter Deletes => new(Name, null, "/DeleteSnapshot");
    public override string UnknownSnapshotId => "snap-0badf00d";

    public override ISnapshotProvider Connect(HttpPipelineOptions http, Action<ConnectionSettings>? adjust = null)
    {
        var settings = new OutscaleConnectionSettings
        {
            Endpoint = Host.OutscaleEndpoint,
            AccessKey = OutscaleFake.DefaultAccessKey,
            SecretKey = SecretValue.FromPlainText(OutscaleFake.DefaultSecretKey),
            Region = OutscaleFake.DefaultRegion,
            PollInterval = TimeSpan.FromMilliseconds(20),
            Http = http,
        };
        adjust?.Invoke(settings);
        return new OutscaleProvider(settings, "matrix-outscale");
    }

    public override string NewVolume() => Host.Outscale.AddVolume(10);

    public override IReadOnlyList<string> Seed(int count, string volumeId, string prefix) =>
        Host.Outscale.SeedSnapshots(count, volumeId, prefix);

    /// <summary>The label goes in the description: a name would need a second call (CreateTags) that faults do not aim at.</summary>
    public override CreateSnapshotRequest CreateRequest(string volumeId, string label) => new() { VolumeId = volumeId, Description = label };

    public override string LabelOf(CloudSnapshot snapshot) => snapshot.Description ?? "";
}
