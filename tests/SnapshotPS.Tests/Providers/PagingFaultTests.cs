using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Http;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers;
using SnapshotPS.Core.Providers.Outscale;
using SnapshotPS.Core.Providers.Scaleway;
using SnapshotPS.Emulator;

namespace SnapshotPS.Tests.Providers;

/// <summary>Paging that stops making progress ends the listing with a typed error, never a loop.</summary>
public class PagingFaultTests
{
    private static HttpPipelineOptions Http() => new() { MaxRetries = 1, BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(10) };

    private static async Task<List<string>> ListAll(ISnapshotProvider provider, SnapshotQuery query, List<string> seen)
    {
        await foreach (var snapshot in provider.ListSnapshotsAsync(query, CancellationToken.None)) seen.Add(snapshot.Id);
        return seen;
    }

    [Fact]
    public async Task AnOutscaleReplyRepeatingItsNextPageTokenEndsWithATypedError()
    {
        await using var stub = await StubServer.StartAsync((context, n) => StubServer.JsonAsync(context,
            $$$"""{"Snapshots":[{"SnapshotId":"snap-{{{n:x8}}}","State":"completed"}],"NextPageToken":"c2FtZQ==","ResponseContext":{"RequestId":"r"}}"""));
        using var provider = new OutscaleProvider(new OutscaleConnectionSettings
        {
            Endpoint = new Uri(stub.BaseAddress, "api/v1/"),
            AccessKey = OutscaleFake.DefaultAccessKey,
            SecretKey = SecretValue.FromPlainText(OutscaleFake.DefaultSecretKey),
            Http = Http(),
        }, "stub");

        var seen = new List<string>();
        // Any owner: the stub answers snapshot pages only, and the account id is not what this is about.
        var failure = await Assert.ThrowsAsync<CloudApiException>(() => ListAll(provider, new SnapshotQuery { Owner = SnapshotOwner.Any }, seen));

        Assert.Equal(CloudErrorKind.InvalidResponse, failure.Kind);
        Assert.Contains("next-page token", failure.Message);
        Assert.Equal(2, stub.Requests);
        Assert.Equal(2, seen.Distinct().Count());
    }

    [Fact]
    public async Task ScalewayFullPagesWithoutATotalThatNeverEndEndWithATypedError()
    {
        var page = string.Join(",", Enumerable.Range(0, 10).Select(i => $$"""{"id":"00000000-0000-4000-8000-{{i:D12}}","state":"available"}"""));
        await using var stub = await StubServer.StartAsync((context, _) => StubServer.JsonAsync(context, $$"""{"snapshots":[{{page}}]}"""));
        using var provider = new ScalewayProvider(new ScalewayConnectionSettings
        {
            Endpoint = stub.BaseAddress,
            SecretKey = SecretValue.FromPlainText(ScalewayFake.DefaultSecretKey),
            ProjectId = ScalewayFake.DefaultProjectId,
            Http = Http(),
        }, "stub");

        var seen = new List<string>();
        var failure = await Assert.ThrowsAsync<CloudApiException>(() => ListAll(provider, new SnapshotQuery { Location = "it-mil-1", PageSize = 10 }, seen));

        Assert.Equal(CloudErrorKind.InvalidResponse, failure.Kind);
        Assert.Contains("not advancing", failure.Message);
        Assert.Equal(10, seen.Distinct().Count());
        Assert.Equal(10, seen.Count);
        Assert.Equal(4, stub.Requests);
    }

    [Fact]
    public async Task AScalewaySnapshotSeenThroughBothApisIsListedOnce()
    {
        const string id = "00000000-0000-4000-8000-000000000042";
        await using var stub = await StubServer.StartAsync((context, _) =>
        {
            if (context.Request.Path.Value!.Contains("/block/"))
                return StubServer.JsonAsync(context, $$"""{"snapshots":[{"id":"{{id}}","status":"available"}],"total_count":1}""");
            context.Response.Headers["X-Total-Count"] = "1";
            return StubServer.JsonAsync(context, $$"""{"snapshots":[{"id":"{{id}}","state":"available"}]}""");
        });
        using var provider = new ScalewayProvider(new ScalewayConnectionSettings
        {
            Endpoint = stub.BaseAddress,
            SecretKey = SecretValue.FromPlainText(ScalewayFake.DefaultSecretKey),
            ProjectId = ScalewayFake.DefaultProjectId,
            Http = Http(),
        }, "stub");

        var seen = await ListAll(provider, new SnapshotQuery { Location = "fr-par-1" }, new List<string>());

        Assert.Equal(new[] { id }, seen);
        Assert.Equal(2, stub.Requests);
    }
}
