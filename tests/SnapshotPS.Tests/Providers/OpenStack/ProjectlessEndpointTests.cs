using SnapshotPS.Core.Model;

namespace SnapshotPS.Tests.Providers.OpenStack;

/// <summary>A catalog whose Cinder URLs end at /v3, without the project id: served from microversion 3.67 (reference A.2).</summary>
public sealed class ProjectlessEndpointTests(OpenStackEmulatorFixture emulator) : IClassFixture<OpenStackEmulatorFixture>, IDisposable
{
    public void Dispose() => emulator.Fake.SetCatalog(projectIdInUrl: true);

    [Fact]
    public async Task Every_call_to_an_endpoint_without_the_project_id_asks_for_microversion_3_67_and_works()
    {
        emulator.Fake.SetCatalog(projectIdInUrl: false);
        var volume = emulator.Fake.AddVolume(name: "projectless");
        using var provider = emulator.Provider();

        var created = await provider.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volume, Name = "no-project-in-url", Tags = new Dictionary<string, string> { ["k"] = "v" } }, CancellationToken.None);
        var listed = new List<CloudSnapshot>();
        await foreach (var snapshot in provider.ListSnapshotsAsync(new SnapshotQuery { VolumeId = volume, Tags = new Dictionary<string, string> { ["k"] = "v" } }, CancellationToken.None)) listed.Add(snapshot);
        await provider.DeleteSnapshotAsync(SnapshotLocator.From(created), CancellationToken.None);

        Assert.Equal(created.Id, Assert.Single(listed).Id);
        var cinder = emulator.Host.Requests.Snapshot().Where(r => r.Path.Contains("/volume/v3/snapshots", StringComparison.Ordinal)).ToList();
        Assert.True(cinder.Count >= 3, string.Join("\n", cinder.Select(r => r.Path)));
    }
}
