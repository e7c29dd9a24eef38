using System.Collections;
using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Model;
using SnapshotPS.Emulator;
using SnapshotPS.Operations;
using SnapshotPS.Tests.Providers.OpenStack;

namespace SnapshotPS.Tests.Operations.OpenStack;

/// <summary>Each snapshot cmdlet on an OpenStack connection through the seam, against the fake.</summary>
public class OpenStackCmdletOperationTests : IClassFixture<OpenStackEmulatorFixture>
{
    private readonly OpenStackEmulatorFixture _emulator;
    private readonly ConnectionRegistry _registry = new();
    private readonly RecordingContext _context = new();
    private readonly string _volume;

    public OpenStackCmdletOperationTests(OpenStackEmulatorFixture emulator)
    {
        _emulator = emulator;
        _emulator.Add(_registry);
        _volume = emulator.Fake.AddVolume(name: "cmdlets-" + Guid.NewGuid().ToString("N")[..6]);
    }

    private SnapshotTarget Target(string id) => new() { Id = id, Connection = "openstack" };

    private List<string> Seed(int count, IReadOnlyDictionary<string, string>? metadata = null) =>
        _emulator.Fake.SeedSnapshots(_volume, count, "op-", metadata: metadata).ToList();

    [Fact]
    public async Task Get_by_id_by_volume_and_by_tag_and_one_error_per_missing_id()
    {
        var ids = Seed(3, new Dictionary<string, string> { ["env"] = "prod" });
        var missing = Guid.NewGuid().ToString();

        await new GetSnapshotOperation(_registry, _context).ProcessAsync(new GetSnapshotRequest { Connection = "openstack", Ids = new[] { ids[0], missing } }, CancellationToken.None);
        await new GetSnapshotOperation(_registry, _context).ProcessAsync(new GetSnapshotRequest { Connection = "openstack", VolumeId = _volume, Tags = new Hashtable { ["env"] = "prod" } }, CancellationToken.None);

        Assert.Equal(new[] { ids[0] }.Concat(ids.Order()), _context.ObjectsOf<CloudSnapshot>().Take(1).Select(s => s.Id).Concat(_context.ObjectsOf<CloudSnapshot>().Skip(1).Select(s => s.Id).Order()));
        Assert.Equal("GetCloudSnapshotNotFound", Assert.Single(_context.Errors).ErrorId);
    }

    [Fact]
    public async Task New_with_Wait_returns_the_available_snapshot_with_its_tags_and_description()
    {
        await new NewSnapshotOperation(_registry, _context).ProcessAsync(new NewSnapshotRequest
        {
            Connection = "openstack", VolumeId = _volume, Name = "nightly", Description = "Daily", Tags = new Hashtable { ["team"] = "db" }, Wait = true, Timeout = TimeSpan.FromSeconds(20),
        }, CancellationToken.None);

        Assert.Empty(_context.Errors);
        var created = Assert.Single(_context.ObjectsOf<CloudSnapshot>());
        Assert.Equal((SnapshotState.Available, "nightly", "Daily", "db"), (created.State, created.Name, created.Description, created.Tags["team"]));
    }

    [Fact]
    public async Task Set_renames_describes_adds_and_removes_tags()
    {
        var id = Seed(1, new Dictionary<string, string> { ["keep"] = "1", ["drop"] = "2" }).Single();

        await new SetSnapshotOperation(_registry, _context).ProcessAsync(new SetSnapshotRequest
        {
            Target = Target(id), Name = "renamed", Description = "described", AddTags = new Hashtable { ["added"] = "3" }, RemoveTags = new[] { "drop" }, PassThru = true,
        }, CancellationToken.None);

        Assert.Empty(_context.Errors);
        var updated = Assert.Single(_context.ObjectsOf<CloudSnapshot>());
        Assert.Equal(("renamed", "described"), (updated.Name, updated.Description));
        Assert.Equal(new Dictionary<string, string> { ["keep"] = "1", ["added"] = "3" }, updated.Tags);
    }

    [Fact]
    public async Task Set_with_an_empty_metadata_key_is_an_error_for_that_item_before_any_request()
    {
        var id = Seed(1).Single();
        var before = _emulator.Requests("/metadata");

        await new SetSnapshotOperation(_registry, _context).ProcessAsync(new SetSnapshotRequest { Target = Target(id), AddTags = new Hashtable { [""] = "x" } }, CancellationToken.None);
        await new SetSnapshotOperation(_registry, _context).ProcessAsync(new SetSnapshotRequest { Target = Target("not-a-uuid"), Name = "x" }, CancellationToken.None);

        Assert.Equal(2, _context.Errors.Count);
        Assert.All(_context.Errors, e => Assert.Equal("SetCloudSnapshotInvalidArgument", e.ErrorId));
        Assert.Contains("Tag", ((ArgumentException)_context.Errors[0].Exception).ParamName);
        Assert.Equal("Id", ((ArgumentException)_context.Errors[1].Exception).ParamName);
        Assert.Equal(before, _emulator.Requests("/metadata"));
    }

    [Fact]
    public async Task Remove_with_Wait_deletes_each_and_a_missing_one_is_its_own_error()
    {
        var ids = Seed(2);
        var missing = Guid.NewGuid().ToString();

        foreach (var id in ids.Append(missing))
            await new RemoveSnapshotOperation(_registry, _context).ProcessAsync(new RemoveSnapshotRequest { Target = Target(id), Force = true, Wait = true, Timeout = TimeSpan.FromSeconds(20) }, CancellationToken.None);

        Assert.All(ids, id => Assert.Null(_emulator.Fake.SnapshotStatus(id)));
        Assert.Equal("RemoveCloudSnapshotNotFound", Assert.Single(_context.Errors).ErrorId);
    }

    [Fact]
    public async Task Wait_returns_when_the_snapshot_is_available()
    {
        var id = Seed(1).Single();

        await new WaitSnapshotOperation(_registry, _context).ProcessAsync(new WaitSnapshotRequest { Target = Target(id), Timeout = TimeSpan.FromSeconds(10) }, CancellationToken.None);

        Assert.Empty(_context.Errors);
        Assert.Equal(SnapshotState.Available, Assert.Single(_context.ObjectsOf<CloudSnapshot>()).State);
    }

    [Fact]
    public async Task Copy_export_and_permissions_are_NotSupported_errors_naming_the_alternative_before_any_request()
    {
        var id = Seed(1).Single();
        var before = _emulator.Requests("/");

        await new CopySnapshotOperation(_registry, _context).ProcessAsync(new CopySnapshotRequestInput { Source = Target(id) }, CancellationToken.None);
        await new ExportSnapshotOperation(_registry, _context).ProcessAsync(new ExportSnapshotInput { Target = Target(id), Bucket = "b" }, CancellationToken.None);
        await new ChangePermissionOperation(_registry, _context, grant: true).ProcessAsync(new ChangePermissionRequest { Target = Target(id), AccountIds = new[] { "x" } }, CancellationToken.None);
        await new ChangePermissionOperation(_registry, _context, grant: false).ProcessAsync(new ChangePermissionRequest { Target = Target(id), Public = true }, CancellationToken.None);
        await new GetExportTaskOperation(_registry, _context).ProcessAsync("openstack", new string[0], new[] { id }, CancellationToken.None);

        Assert.Equal(new[] { "CopyCloudSnapshotNotSupported", "ExportCloudSnapshotNotSupported", "GrantCloudSnapshotPermissionNotSupported", "RevokeCloudSnapshotPermissionNotSupported", "GetCloudSnapshotExportTaskNotSupported" },
            _context.Errors.Select(e => e.ErrorId));
        Assert.All(_context.Errors, e => Assert.Contains("openstack volume", e.Exception.Message));
        Assert.Equal(before, _emulator.Requests("/"));
    }
}
