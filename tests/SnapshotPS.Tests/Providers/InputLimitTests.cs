using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers.Outscale;
using SnapshotPS.Core.Providers.Scaleway;

namespace SnapshotPS.Tests.Providers;

/// <summary>Ids, names and tags outside the references' limits are refused, naming the parameter and the rule, before any request.</summary>
public class InputLimitTests : IClassFixture<EmulatorFixture>
{
    private static readonly string Long256 = new('k', 256);
    private static readonly string Long255 = new('k', 255);
    private readonly EmulatorFixture _emulator;

    public InputLimitTests(EmulatorFixture emulator) => _emulator = emulator;

    private int Requests(string provider) => _emulator.Host.Requests.Snapshot().Count(r => r.Provider == provider);

    private async Task AssertOutscaleRefuses(string parameter, string rule, Func<OutscaleProvider, Task> call)
    {
        using var provider = _emulator.OutscaleProvider();
        var before = Requests("outscale");
        var failure = await Assert.ThrowsAnyAsync<ArgumentException>(() => call(provider));
        Assert.Equal(parameter, failure.ParamName);
        Assert.Contains(rule, failure.Message);
        Assert.Equal(before, Requests("outscale"));
    }

    private async Task AssertScalewayRefuses(string parameter, string rule, Func<ScalewayProvider, Task> call)
    {
        using var provider = _emulator.ScalewayProvider();
        var before = Requests("scaleway");
        var failure = await Assert.ThrowsAnyAsync<ArgumentException>(() => call(provider));
        Assert.Equal(parameter, failure.ParamName);
        Assert.Contains(rule, failure.Message);
        Assert.Equal(before, Requests("scaleway"));
    }

    [Theory]
    [InlineData("snap-1A2B3C4D")]
    [InlineData("SNAP-1a2b3c4d")]
    [InlineData("snap-1a2b3c4d\n")]
    [InlineData("snap-1a2b3c4d\r\n")]
    [InlineData(" snap-1a2b3c4d")]
    public Task OutscaleSnapshotIdsAreExactlyLowercaseHexWithNothingAfter(string id) =>
        AssertOutscaleRefuses("Id", "8 lowercase hex digits", p => p.DeleteSnapshotAsync(new SnapshotLocator(id), CancellationToken.None));

    [Theory]
    [InlineData("vol-ABCDEF12")]
    [InlineData("vol-abcdef12\n")]
    public Task OutscaleVolumeIdsAreExactlyLowercaseHexWithNothingAfter(string id) =>
        AssertOutscaleRefuses("VolumeId", "8 lowercase hex digits", p => p.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = id }, CancellationToken.None));

    [Fact]
    public Task AnOutscaleAccountIdWithATrailingNewlineIsRefused() =>
        AssertOutscaleRefuses("AccountId", "12 digits", p => p.ChangePermissionsAsync(new SnapshotLocator("snap-1a2b3c4d"), new PermissionChange(true, new[] { "123456789012\n" }, false), CancellationToken.None));

    [Fact]
    public Task AnOutscaleNameOver255CharactersIsRefusedBeforeTheCreate() =>
        AssertOutscaleRefuses("Name", "at most 255", p => p.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = _emulator.Outscale.AddVolume(1), Name = Long256 }, CancellationToken.None));

    [Fact]
    public Task AnOutscaleTagKeyOver255CharactersIsRefusedBeforeTheCreate() =>
        AssertOutscaleRefuses("Tag", "1 to 255", p => p.CreateSnapshotAsync(new CreateSnapshotRequest
        {
            VolumeId = _emulator.Outscale.AddVolume(1), Tags = new Dictionary<string, string> { [Long256] = "v" },
        }, CancellationToken.None));

    [Fact]
    public Task AnOutscaleTagValueOver255CharactersIsRefusedBeforeTheCopy() =>
        AssertOutscaleRefuses("Tag", "at most 255", p => p.CopySnapshotAsync(new CopySnapshotRequest(new SnapshotLocator("snap-1a2b3c4d"))
        {
            Tags = new Dictionary<string, string> { ["env"] = Long256 },
        }, CancellationToken.None));

    [Fact]
    public Task AnOutscaleTagValueOver255CharactersIsRefusedBeforeAnUpdate() =>
        AssertOutscaleRefuses("Tag", "at most 255", p => p.UpdateSnapshotAsync(new UpdateSnapshotRequest(new SnapshotLocator("snap-1a2b3c4d"))
        {
            Tags = new Dictionary<string, string> { ["env"] = Long256 },
        }, CancellationToken.None));

    [Fact]
    public async Task OutscaleNamesAndTagsOfExactly255CharactersAreMade()
    {
        using var provider = _emulator.OutscaleProvider();
        var made = await provider.CreateSnapshotAsync(new CreateSnapshotRequest
        {
            VolumeId = _emulator.Outscale.AddVolume(1), Name = Long255, Tags = new Dictionary<string, string> { [Long255] = Long255 },
        }, CancellationToken.None);

        Assert.Equal(Long255, made.Name);
        Assert.Equal(Long255, made.Tags[Long255]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("tab\t")]
    [InlineData("x12345678901234567890123456789012345678901234567890123456789012345")]
    public Task AClientTokenOutsideTheRuleIsRefused(string token) =>
        AssertOutscaleRefuses("ClientToken", "1 to 64", p => p.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = "vol-1a2b3c4d", ClientToken = token }, CancellationToken.None));

    [Fact]
    public Task AScalewayTagKeyHoldingAnEqualsSignIsRefusedOnCreate() =>
        AssertScalewayRefuses("Tag", "cannot contain '='", p => p.CreateSnapshotAsync(new CreateSnapshotRequest
        {
            VolumeId = Guid.NewGuid().ToString(), Tags = new Dictionary<string, string> { ["a=b"] = "c" },
        }, CancellationToken.None));

    [Fact]
    public Task AScalewayTagKeyHoldingAnEqualsSignIsRefusedOnUpdate() =>
        AssertScalewayRefuses("Tag", "cannot contain '='", p => p.UpdateSnapshotAsync(new UpdateSnapshotRequest(new SnapshotLocator(Guid.NewGuid().ToString()))
        {
            Tags = new Dictionary<string, string> { ["a=b"] = "" },
        }, CancellationToken.None));

    [Fact]
    public Task AScalewayTagKeyHoldingAnEqualsSignIsRefusedInAQuery() =>
        AssertScalewayRefuses("Tag", "cannot contain '='", p => Task.FromResult(p.ListSnapshotsAsync(new SnapshotQuery
        {
            Tags = new Dictionary<string, string> { ["a=b"] = "c" },
        }, CancellationToken.None)));

    [Fact]
    public async Task AScalewayTagValueMayHoldAnEqualsSign()
    {
        var volume = _emulator.Scaleway.AddInstanceVolume("fr-par-1", "v", 1_000_000_000);
        using var provider = _emulator.ScalewayProvider();

        var made = await provider.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volume, Tags = new Dictionary<string, string> { ["query"] = "a=b" } }, CancellationToken.None);

        Assert.Equal("a=b", made.Tags["query"]);
    }
}
