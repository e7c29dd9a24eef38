using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Http;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers;
using SnapshotPS.Emulator;

namespace SnapshotPS.Reliability;

/// <summary>One provider of the emulator as the matrix drives it: connections, seeding, and the requests faults aim at.</summary>
public abstract class MatrixTarget(EmulatorHost host)
{
    public EmulatorHost Host { get; } = host;

    /// <summary>The provider's name in the emulator: "scaleway" or "outscale".</summary>
    public abstract string Name { get; }

    /// <summary>The zone or region calls name; null for the connection's own.</summary>
    public abstract string? Location { get; }

    public abstract RequestFilter Reads { get; }
    public abstract RequestFilter Creates { get; }
    public abstract RequestFilter Deletes { get; }

    /// <summary>A provider over the emulator with these HTTP settings; adjust changes the settings before it connects.</summary>
    public abstract ISnapshotProvider Connect(HttpPipelineOptions http, Action<ConnectionSettings>? adjust = null);

    public abstract string NewVolume();

    /// <summary>Seeds snapshots of the volume directly in the fake; returns their ids.</summary>
    public abstract IReadOnlyList<string> Seed(int count, string volumeId, string prefix);

    /// <summary>A create whose label (a name or a description) tells the snapshot apart afterwards.</summary>
    public abstract CreateSnapshotRequest CreateRequest(string volumeId, string label);

    public abstract string LabelOf(CloudSnapshot snapshot);

    /// <summary>A well-formed snapshot id that exists nowhere.</summary>
    public abstract string UnknownSnapshotId { get; }

    /// <summary>Requests the emulator received for this provider so far.</summary>
    public int RequestCount => Host.Requests.Snapshot().Count(request => request.Provider == Name);

    /// <summary>Every snapshot of the volume, read without faults.</summary>
    public async Task<IReadOnlyList<CloudSnapshot>> ListVolumeAsync(string volumeId)
    {
        using var provider = Connect(new HttpPipelineOptions { MaxRetries = 3, BaseDelay = TimeSpan.FromMilliseconds(5) });
        var listed = new List<CloudSnapshot>();
        await foreach (var snapshot in provider.ListSnapshotsAsync(new SnapshotQuery { Location = Location, VolumeId = volumeId, PageSize = provider.MaxPageSize }, CancellationToken.None))
        {
            listed.Add(snapshot);
        }

        return listed;
    }

    public override string ToString() => Name;
}
