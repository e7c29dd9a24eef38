using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers.Scaleway;

namespace SnapshotPS.Tests.Providers;

/// <summary>Bad input is refused with the parameter and the rule named, before any request.</summary>
public class ScalewayValidationTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _emulator;

    public ScalewayValidationTests(EmulatorFixture emulator) => _emulator = emulator;

    private async Task AssertRefusedBeforeAnyRequest(string parameter, string rule, Func<ScalewayProvider, Task> call)
    {
        using var provider = _emulator.ScalewayProvider();
        var before = _emulator.ScalewayRequests();
        var failure = await Assert.ThrowsAnyAsync<ArgumentException>(() => call(provider));
        Assert.Equal(parameter, failure.ParamName);
        Assert.Contains($"-{parameter}", failure.Message);
        Assert.Contains(rule, failure.Message);
        Assert.Equal(before, _emulator.ScalewayRequests());
    }

    [Fact]
    public Task AMalformedSnapshotId() =>
        AssertRefusedBeforeAnyRequest("Id", "UUID", p => p.GetSnapshotAsync(new SnapshotLocator("snap-1234"), CancellationToken.None));

    [Fact]
    public Task AZoneThatDoesNotExist() =>
        AssertRefusedBeforeAnyRequest("Location", "not a Scaleway zone", p => p.GetSnapshotAsync(new SnapshotLocator(Guid.NewGuid().ToString(), "fr-par-9"), CancellationToken.None));

    [Fact]
    public Task APageSizeOver100() =>
        AssertRefusedBeforeAnyRequest("PageSize", "1 to 100", p => Task.FromResult(p.ListSnapshotsAsync(new SnapshotQuery { PageSize = 101 }, CancellationToken.None)));

    [Fact]
    public Task AnEmptyNameOnCreate() =>
        AssertRefusedBeforeAnyRequest("Name", "cannot be empty", p => p.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = Guid.NewGuid().ToString(), Name = "  " }, CancellationToken.None));

    [Fact]
    public Task AnEmptyNameOnRename() =>
        AssertRefusedBeforeAnyRequest("Name", "cannot be empty", p => p.UpdateSnapshotAsync(new UpdateSnapshotRequest(new SnapshotLocator(Guid.NewGuid().ToString())) { Name = "" }, CancellationToken.None));

    [Fact]
    public Task AMalformedVolumeId() =>
        AssertRefusedBeforeAnyRequest("VolumeId", "UUID", p => p.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = "vol-1" }, CancellationToken.None));

    [Fact]
    public Task AMissingVolumeId() =>
        AssertRefusedBeforeAnyRequest("VolumeId", "from a volume", p => p.CreateSnapshotAsync(new CreateSnapshotRequest(), CancellationToken.None));

    [Fact]
    public async Task ADescriptionIsNotSupportedAndSaysWhatToDoInstead()
    {
        using var provider = _emulator.ScalewayProvider();
        var before = _emulator.ScalewayRequests();
        var failure = await Assert.ThrowsAsync<ProviderCapabilityException>(() =>
            provider.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = Guid.NewGuid().ToString(), Description = "x" }, CancellationToken.None));
        Assert.Contains("Scaleway does not support Description", failure.Message);
        Assert.Contains("tag instead", failure.Message);
        Assert.Equal(before, _emulator.ScalewayRequests());
    }

    [Theory]
    [InlineData("SecretKey", "SCWXXXXXXXXXXXXXXXXX")]
    [InlineData("ProjectId", null)]
    [InlineData("Zone", null)]
    public void SettingsAreCheckedWhenTheConnectionOpens(string parameter, string? badSecret)
    {
        var settings = _emulator.ScalewaySettings();
        if (parameter == "SecretKey") settings.SecretKey = SecretValue.FromPlainText(badSecret!);
        if (parameter == "ProjectId") settings.ProjectId = "not-a-uuid";
        if (parameter == "Zone") settings.Zone = "mars-1";
        var failure = Assert.ThrowsAny<ArgumentException>(() => new ScalewayProvider(settings, "x"));
        Assert.Equal(parameter, failure.ParamName);
        Assert.DoesNotContain("SCWXXXXXXXXXXXXXXXXX", failure.Message);
    }
}
