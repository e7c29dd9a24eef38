using System.Text.Json;
using Microsoft.AspNetCore.Http;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers.OpenStack;

namespace SnapshotPS.Tests.Providers.OpenStack;

/// <summary>What the client sends Cinder and how it reads every fault shape (reference B.7-B.9), against scripted answers.</summary>
public class CinderWireTests
{
    private const string Id = "2c228773-50eb-422d-be7e-b5c6ced0c7a9";
    private const string Volume = "5aa119a8-d25b-45a7-8d1b-88e127885635";

    private static Task Fault(HttpContext context, int status, string body, string? retryAfter = null)
    {
        context.Response.Headers["x-openstack-request-id"] = "req-cinder-1";
        context.Response.Headers["x-compute-request-id"] = "req-cinder-1";
        if (retryAfter is not null) context.Response.Headers["Retry-After"] = retryAfter;
        return StubServer.JsonAsync(context, body, status);
    }

    [Theory]
    [InlineData(404, """{"itemNotFound": {"code": 404, "message": "Snapshot 2c22 could not be found."}}""", CloudErrorKind.NotFound, "itemNotFound", "could not be found")]
    [InlineData(400, """{"badRequest": {"code": 400, "message": "Invalid input for field/attribute snapshot."}}""", CloudErrorKind.InvalidArgument, "badRequest", "Invalid input")]
    [InlineData(403, """{"forbidden": {"code": 403, "message": "Policy doesn't allow volume:get_snapshot to be performed."}}""", CloudErrorKind.PermissionDenied, "forbidden", "Policy")]
    [InlineData(409, """{"conflictingRequest": {"code": 409, "message": "Busy."}}""", CloudErrorKind.Conflict, "conflictingRequest", "Busy")]
    [InlineData(406, """{"computeFault": {"code": 406, "message": "Version 3.99 is not supported by the API."}}""", CloudErrorKind.InvalidArgument, "computeFault", "not supported")]
    [InlineData(413, """{"overLimit": {"code": 413, "message": "SnapshotLimitExceeded: Maximum number of snapshots allowed (10) exceeded", "retryAfter": "0"}}""", CloudErrorKind.QuotaExceeded, "overLimit", "SnapshotLimitExceeded")]
    public async Task Cinder_faults_become_typed_errors_with_the_key_the_message_and_the_request_id(int status, string body, CloudErrorKind kind, string key, string text)
    {
        await using var stub = await StubOpenStack.StartAsync((context, _) => Fault(context, status, body, status == 413 ? "0" : null));
        using var provider = new OpenStackProvider(stub.Settings(), "os");

        var failure = await Assert.ThrowsAsync<CloudApiException>(() => provider.GetSnapshotAsync(new SnapshotLocator(Id), CancellationToken.None));

        Assert.Equal((kind, status, key, "req-cinder-1"), (failure.Kind, failure.StatusCode, failure.ErrorCode, failure.RequestId));
        Assert.Contains(text, failure.Message);
        Assert.Single(stub.CinderRequests); // none of these is retried
    }

    [Fact]
    public async Task A_quota_413_on_create_is_not_retried()
    {
        await using var stub = await StubOpenStack.StartAsync((context, _) => context.Request.Method == "POST"
            ? Fault(context, 413, """{"overLimit": {"code": 413, "message": "VolumeSizeExceedsAvailableQuota: Requested volume or snapshot exceeds allowed gigabytes quota.", "retryAfter": "0"}}""", "0")
            : StubServer.JsonAsync(context, """{"snapshots": []}"""));
        using var provider = new OpenStackProvider(stub.Settings(), "os");

        var failure = await Assert.ThrowsAsync<CloudApiException>(() => provider.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = Volume }, CancellationToken.None));

        Assert.Equal(CloudErrorKind.QuotaExceeded, failure.Kind);
        Assert.False(failure.IsRetryable);
        Assert.Equal(1, stub.CinderRequests.Count(r => r.StartsWith("POST", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_rate_limiters_413_is_retried_after_Retry_After_even_for_a_create()
    {
        var posts = 0;
        await using var stub = await StubOpenStack.StartAsync((context, _) =>
            context.Request.Method == "POST" && Interlocked.Increment(ref posts) == 1
                ? Fault(context, 413, """{"overLimitFault": {"code": 413, "message": "This request was rate-limited.", "details": "Only 10 POST request(s) can be made to * every minute."}}""", "1")
                : StubServer.JsonAsync(context, $$"""{"snapshot": {{StubOpenStack.Snapshot(Id, "creating")}}}""", 202));
        using var provider = new OpenStackProvider(stub.Settings(), "os");
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var created = await provider.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = Volume }, CancellationToken.None);

        Assert.Equal(Id, created.Id);
        Assert.Equal(2, posts);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"waited {clock.Elapsed}"); // Retry-After: 1 honoured, not the 10 ms backoff
    }

    [Fact]
    public async Task A_429_from_a_proxy_is_retried()
    {
        var gets = 0;
        await using var stub = await StubOpenStack.StartAsync((context, _) => Interlocked.Increment(ref gets) == 1
            ? StubServer.JsonAsync(context, "<html>slow down</html>", 429, "text/html")
            : StubServer.JsonAsync(context, $$"""{"snapshot": {{StubOpenStack.Snapshot(Id)}}}"""));
        using var provider = new OpenStackProvider(stub.Settings(), "os");

        Assert.Equal(Id, (await provider.GetSnapshotAsync(new SnapshotLocator(Id), CancellationToken.None)).Id);
        Assert.Equal(2, gets);
    }

    [Fact]
    public async Task A_create_sends_the_volume_force_name_description_and_metadata_with_a_hidden_marker()
    {
        string? body = null;
        await using var stub = await StubOpenStack.StartAsync(async (context, _) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            body = await reader.ReadToEndAsync();
            await StubServer.JsonAsync(context, $$$"""{"snapshot": {"id": "{{{Id}}}", "name": "nightly", "description": "Daily backup", "status": "creating", "size": 10, "metadata": {"team": "db", "snapshotps:client-token": "x"}, "volume_id": "{{{Volume}}}", "created_at": "2025-03-04T10:24:34.469003", "updated_at": null}}""", 202);
        });
        using var provider = new OpenStackProvider(stub.Settings(), "os");

        var created = await provider.CreateSnapshotAsync(new CreateSnapshotRequest
        {
            VolumeId = Volume, Name = "nightly", Description = "Daily backup", Tags = new Dictionary<string, string> { ["team"] = "db" },
        }, CancellationToken.None);

        var snapshot = JsonDocument.Parse(body!).RootElement.GetProperty("snapshot");
        Assert.Equal(Volume, snapshot.GetProperty("volume_id").GetString());
        Assert.True(snapshot.GetProperty("force").GetBoolean());
        Assert.Equal("nightly", snapshot.GetProperty("name").GetString());
        Assert.Equal("Daily backup", snapshot.GetProperty("description").GetString());
        Assert.Equal("db", snapshot.GetProperty("metadata").GetProperty("team").GetString());
        Assert.True(snapshot.GetProperty("metadata").TryGetProperty("snapshotps:client-token", out _));
        Assert.Equal(new[] { "description", "force", "metadata", "name", "volume_id" }, snapshot.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(new Dictionary<string, string> { ["team"] = "db" }, created.Tags);
        Assert.Equal((SnapshotState.Pending, "creating", 10L << 30), (created.State, created.ProviderState, created.SizeBytes!.Value));
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 10, 24, 34, 469, TimeSpan.Zero).AddTicks(30), created.CreatedAt);
    }

    [Fact]
    public async Task Listing_follows_next_links_by_marker_over_more_than_a_thousand_snapshots()
    {
        var all = Enumerable.Range(0, 2_345).Select(i => new Guid(i, 0, 0, new byte[8]).ToString()).ToList();
        await using var stub = await StubOpenStack.StartAsync((context, _) =>
        {
            var limit = int.Parse(context.Request.Query["limit"]!);
            var marker = context.Request.Query["marker"].ToString();
            var start = marker.Length == 0 ? 0 : all.IndexOf(marker) + 1;
            var page = all.Skip(start).Take(limit).ToList();
            var next = page.Count == limit ? $$""", "snapshots_links": [{"rel": "next", "href": "http://x/snapshots/detail?limit={{limit}}&marker={{page[^1]}}"}]""" : "";
            return StubServer.JsonAsync(context, $$"""{"snapshots": [{{string.Join(",", page.Select(id => StubOpenStack.Snapshot(id)))}}]{{next}}}""");
        });
        using var provider = new OpenStackProvider(stub.Settings(), "os");

        var listed = new List<string>();
        await foreach (var snapshot in provider.ListSnapshotsAsync(new SnapshotQuery { PageSize = 100 }, CancellationToken.None)) listed.Add(snapshot.Id);

        Assert.Equal(all, listed);
        Assert.Equal(24, stub.CinderRequests.Count);
        Assert.All(stub.CinderRequests, r => Assert.Contains("/snapshots/detail?limit=100", r));
        Assert.DoesNotContain(stub.CinderRequests, r => r.Contains("offset", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Filters_that_fit_go_to_Cinder_and_a_metadata_filter_asks_for_microversion_3_22()
    {
        string? version = null;
        await using var stub = await StubOpenStack.StartAsync((context, _) =>
        {
            version = context.Request.Headers["OpenStack-API-Version"].ToString();
            return StubServer.JsonAsync(context, """{"snapshots": []}""");
        });
        using var provider = new OpenStackProvider(stub.Settings(), "os");

        await foreach (var _ in provider.ListSnapshotsAsync(new SnapshotQuery
        {
            Names = new[] { "nightly" }, VolumeId = Volume, States = new[] { SnapshotState.Available },
            Tags = new Dictionary<string, string> { ["team"] = "db", ["keyonly"] = "" },
        }, CancellationToken.None)) { }

        var query = Uri.UnescapeDataString(Assert.Single(stub.CinderRequests));
        Assert.Contains("name=nightly", query);
        Assert.Contains($"volume_id={Volume}", query);
        Assert.Contains("status=available", query);
        Assert.Contains("metadata={'team': 'db'}", query);
        Assert.DoesNotContain("keyonly", query);
        Assert.Equal("volume 3.22", version);
    }

    [Theory]
    [InlineData("not-a-uuid", "Id")]
    [InlineData("snap-123", "Id")]
    public async Task A_malformed_snapshot_id_is_refused_before_any_request(string id, string parameter)
    {
        await using var stub = await StubOpenStack.StartAsync((context, _) => StubServer.JsonAsync(context, "{}"));
        using var provider = new OpenStackProvider(stub.Settings(), "os");

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => provider.GetSnapshotAsync(new SnapshotLocator(id), CancellationToken.None));

        Assert.Equal(parameter, refused.ParamName);
        Assert.Contains("UUID", refused.Message);
        Assert.Equal(0, stub.TokensIssued);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("no/slash")]
    [InlineData("snapshotps:client-token")]
    public async Task A_bad_metadata_key_is_refused_before_any_request_naming_Tag(string key)
    {
        await using var stub = await StubOpenStack.StartAsync((context, _) => StubServer.JsonAsync(context, "{}"));
        using var provider = new OpenStackProvider(stub.Settings(), "os");
        var tags = new Dictionary<string, string> { [key] = "v" };

        var refused = Assert.Throws<ArgumentException>(() => provider.Validate(new UpdateSnapshotRequest(new SnapshotLocator(Id)) { Tags = tags }));
        await Assert.ThrowsAsync<ArgumentException>(() => provider.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = Volume, Tags = tags }, CancellationToken.None));

        Assert.Equal("Tag", refused.ParamName);
        Assert.Equal(0, stub.TokensIssued);
    }

    [Fact]
    public async Task Export_copy_and_permissions_are_refused_naming_what_Cinder_offers_instead()
    {
        await using var stub = await StubOpenStack.StartAsync((context, _) => StubServer.JsonAsync(context, "{}"));
        using var provider = new OpenStackProvider(stub.Settings(), "os");
        var snapshot = new SnapshotLocator(Id);

        var export = Assert.Throws<ProviderCapabilityException>(() => provider.Validate(new ExportSnapshotRequest(snapshot, "bucket")));
        var copy = Assert.Throws<ProviderCapabilityException>(() => provider.Validate(new CopySnapshotRequest(snapshot)));
        var share = Assert.Throws<ProviderCapabilityException>(() => provider.Validate(snapshot, new PermissionChange(grant: true, new[] { "someone" }, false)));
        var import = Assert.Throws<ProviderCapabilityException>(() => provider.Validate(new CreateSnapshotRequest { ImportUri = new Uri("https://x/y.qcow2"), SizeBytes = 1 }));

        Assert.Contains("volume backup create --snapshot", export.Message);
        Assert.Contains("volume create --snapshot", copy.Message);
        Assert.Contains("volume transfer", share.Message);
        Assert.Contains("Glance", import.Message);
        Assert.Equal(0, stub.TokensIssued);
    }
}
