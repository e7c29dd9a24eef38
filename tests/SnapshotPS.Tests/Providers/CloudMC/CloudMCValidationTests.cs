using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers;
using SnapshotPS.Core.Providers.CloudMC;
using static SnapshotPS.Tests.Providers.CloudMC.CloudMCTestSupport;

namespace SnapshotPS.Tests.Providers.CloudMC;

/// <summary>What CloudMC cannot do, and bad input, are refused before any request.</summary>
public sealed class CloudMCValidationTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    private int CloudMCRequests => emulator.Host.Requests.Snapshot().Count(r => r.Provider == "cloudmc");

    private CloudMCProvider Provider() => new(Settings(emulator, "test_area"), "cloudmc");

    [Fact]
    public void Capabilities_are_create_and_delete()
    {
        using var provider = Provider();

        Assert.Equal(ProviderCapabilities.Create | ProviderCapabilities.Delete, provider.Capabilities);
    }

    public static TheoryData<string, Func<ISnapshotProvider, Task>, ProviderCapabilities> Refusals()
    {
        var locator = new SnapshotLocator(Guid.NewGuid().ToString());
        var volume = Guid.NewGuid().ToString();
        return new()
        {
            { "rename", p => p.UpdateSnapshotAsync(new UpdateSnapshotRequest(locator) { Name = "new" }, CancellationToken.None), ProviderCapabilities.Rename },
            { "retag", p => p.UpdateSnapshotAsync(new UpdateSnapshotRequest(locator) { Tags = new Dictionary<string, string> { ["a"] = "b" } }, CancellationToken.None), ProviderCapabilities.Tags },
            { "copy", p => p.CopySnapshotAsync(new CopySnapshotRequest(locator), CancellationToken.None), ProviderCapabilities.Copy },
            { "export", p => p.ExportSnapshotAsync(new ExportSnapshotRequest(locator, "bucket"), CancellationToken.None), ProviderCapabilities.Export },
            { "share", p => p.ChangePermissionsAsync(locator, new PermissionChange(true, ["123"], false), CancellationToken.None), ProviderCapabilities.Permissions },
            { "tags on create", p => p.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volume, Tags = new Dictionary<string, string> { ["a"] = "b" } }, CancellationToken.None), ProviderCapabilities.Tags },
            { "description", p => p.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volume, Description = "text" }, CancellationToken.None), ProviderCapabilities.Description },
            { "import", p => p.CreateSnapshotAsync(new CreateSnapshotRequest { ImportUri = new Uri("https://example.com/disk.qcow2"), SizeBytes = 10 }, CancellationToken.None), ProviderCapabilities.Import },
        };
    }

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task What_CloudMC_cannot_do_is_refused_naming_what_it_can(string what, Func<ISnapshotProvider, Task> call, ProviderCapabilities missing)
    {
        using var provider = Provider();
        var before = CloudMCRequests;

        var refusal = await Assert.ThrowsAsync<ProviderCapabilityException>(() => call(provider));

        Assert.Equal(missing, refusal.Missing);
        Assert.Contains("CloudMC does not support", refusal.Message);
        Assert.Contains("It supports: Create, Delete", refusal.Message);
        Assert.Equal(before, CloudMCRequests);
        Assert.NotEmpty(what);
    }

    [Theory]
    [InlineData(null, "VolumeId")]
    [InlineData("vol-123", "VolumeId")]
    public async Task A_create_without_a_volume_uuid_names_the_parameter(string? volumeId, string parameter)
    {
        using var provider = Provider();

        var bad = await Assert.ThrowsAsync<ArgumentException>(() => provider.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volumeId }, CancellationToken.None));

        Assert.Equal(parameter, bad.ParamName);
    }

    [Fact]
    public async Task Bad_ids_names_and_locations_are_refused_before_any_request()
    {
        using var provider = Provider();
        var before = CloudMCRequests;

        Assert.Equal("Id", (await Assert.ThrowsAsync<ArgumentException>(() => provider.GetSnapshotAsync(new SnapshotLocator("snap-1"), CancellationToken.None))).ParamName);
        Assert.Equal("Location", (await Assert.ThrowsAsync<ArgumentException>(() =>
            provider.GetSnapshotAsync(new SnapshotLocator(Guid.NewGuid().ToString(), "bad/env"), CancellationToken.None))).ParamName);
        var elsewhere = await Assert.ThrowsAsync<ArgumentException>(() => provider.DeleteSnapshotAsync(new SnapshotLocator(Guid.NewGuid().ToString(), "prod_area"), CancellationToken.None));
        Assert.Equal("Location", elsewhere.ParamName);
        Assert.Contains("-Environment prod_area", elsewhere.Message);
        Assert.Equal("Name", (await Assert.ThrowsAsync<ArgumentException>(() =>
            provider.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = Guid.NewGuid().ToString(), Name = new string('n', 256) }, CancellationToken.None))).ParamName);
        Assert.Equal("PageSize", Assert.Throws<ArgumentException>(() => provider.ListSnapshotsAsync(new SnapshotQuery { PageSize = 5000 }, CancellationToken.None)).ParamName);
        Assert.Equal(before, CloudMCRequests);
    }

    [Theory]
    [InlineData("key", null, "compute-on", null, "Environment")]
    [InlineData(null, "test_area", "compute-on", null, "SecretKey")]
    [InlineData("key", "test area", "compute-on", null, "Environment")]
    [InlineData("key", "test_area", "compute/on", null, "ServiceCode")]
    [InlineData("key", "test_area", "compute-on", "org-1", "OrganizationId")]
    public void Settings_name_what_is_missing_or_malformed(string? key, string? environment, string service, string? organization, string parameter)
    {
        var settings = new CloudMCConnectionSettings
        {
            ApiKey = key is null ? null : SecretValue.FromPlainText(key),
            EnvironmentName = environment,
            ServiceCode = service,
            OrganizationId = organization,
        };

        Assert.Equal(parameter, Assert.Throws<ArgumentException>(settings.Validate).ParamName);
    }

    [Theory]
    [InlineData(null, "https://portal.coxedge.com/api/v2/")]
    [InlineData("https://cloudmc.example.com", "https://cloudmc.example.com/api/v2/")]
    [InlineData("https://cloudmc.example.com/api/v1", "https://cloudmc.example.com/api/v1/")]
    [InlineData("https://api.cloud.ca/v1/", "https://api.cloud.ca/v1/")]
    public void The_api_root_adds_the_version_prefix_only_to_a_bare_host(string? endpoint, string root)
    {
        var settings = new CloudMCConnectionSettings { Endpoint = endpoint is null ? null : new Uri(endpoint) };

        Assert.Equal(root, settings.ApiRoot.AbsoluteUri);
    }
}
