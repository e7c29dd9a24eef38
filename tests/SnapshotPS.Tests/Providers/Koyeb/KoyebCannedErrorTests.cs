using System.Net;
using System.Text;
using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Http;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers.Koyeb;

namespace SnapshotPS.Tests.Providers.Koyeb;

/// <summary>Error bodies answered by a canned transport: per-field messages, numbers sent as strings, unreadable bodies.</summary>
public class KoyebCannedErrorTests
{
    private sealed class CannedTransport(int status, string body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            response.Headers.Add("X-Request-Id", "req-koyeb-1");
            return Task.FromResult(response);
        }
    }

    private static KoyebProvider Canned(int status, string body) => new(new KoyebConnectionSettings
    {
        Token = SecretValue.FromPlainText("canned-token"), Http = new HttpPipelineOptions { MaxRetries = 0 },
    }, "canned", new CannedTransport(status, body));

    private static readonly SnapshotLocator Some = new("8d3e2f41-6b7a-4c9d-8e15-3a2b1c0d9f87");

    [Theory]
    [InlineData(400, """{"status":400,"code":"invalid_argument","message":"Invalid argument","fields":[{"field":"parent_volume_id","description":"cannot be blank"},{"field":"name","description":"too short"}]}""",
        CloudErrorKind.InvalidArgument, "invalid_argument", "Invalid argument: Field parent_volume_id: cannot be blank; Field name: too short")]
    [InlineData(404, """{"status":404,"code":"unknown_resource","message":"Snapshot not found"}""", CloudErrorKind.NotFound, "unknown_resource", "Koyeb: Snapshot not found")]
    [InlineData(403, """{"status":403,"code":"authentication_required","message":"Forbidden"}""", CloudErrorKind.PermissionDenied, "authentication_required", "Forbidden")]
    [InlineData(500, """{"status":500,"code":"api_error","message":"Internal error"}""", CloudErrorKind.ServerError, "api_error", "Internal error")]
    [InlineData(409, """{"code":6,"message":"snapshot already exists","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo"}]}""", CloudErrorKind.Conflict, "6", "ALREADY_EXISTS")]
    [InlineData(402, """{"code":9,"message":"request failed","details":[]}""", CloudErrorKind.Conflict, "9", "FAILED_PRECONDITION")]
    [InlineData(502, "<html>Bad Gateway</html>", CloudErrorKind.ServerError, null, "Bad Gateway")]
    public async Task EveryErrorShapeBecomesTheTypedException(int status, string body, CloudErrorKind kind, string? code, string inMessage)
    {
        using var provider = Canned(status, body);

        var failure = await Assert.ThrowsAsync<CloudApiException>(() => provider.GetSnapshotAsync(Some, CancellationToken.None));

        Assert.Equal(CloudProvider.Koyeb, failure.Provider);
        Assert.Equal(kind, failure.Kind);
        Assert.Equal(status, failure.StatusCode);
        Assert.Equal(code, failure.ErrorCode);
        Assert.Contains(inMessage, failure.Message);
        Assert.Equal("req-koyeb-1", failure.RequestId);
    }

    [Fact]
    public async Task IntegersSentAsStringsAndAZeroDeletedAtAreRead()
    {
        using var provider = Canned(200, """
            {"snapshot":{"id":"8d3e2f41-6b7a-4c9d-8e15-3a2b1c0d9f87","name":"db","size":"10","created_at":"2025-03-04T10:15:22.481233Z",
             "updated_at":"2025-03-04T10:21:02.100412Z","deleted_at":"0001-01-01T00:00:00Z","organization_id":"c402bcad-d06d-4fd6-8af2-08b790c0e249",
             "parent_volume_id":"0b6a4c1e-3f7d-4a35-9a8e-2d1f5c7b9e10","region":"fra","status":"SNAPSHOT_STATUS_MIGRATING","type":"SNAPSHOT_TYPE_LOCAL"}}
            """);

        var snapshot = await provider.GetSnapshotAsync(Some, CancellationToken.None);

        Assert.Equal(10_000_000_000, snapshot.SizeBytes);
        Assert.Equal(SnapshotState.Pending, snapshot.State);
        Assert.Equal(new DateTimeOffset(2025, 3, 4, 10, 15, 22, 481, TimeSpan.Zero).AddTicks(2330), snapshot.CreatedAt);
    }

    [Theory]
    [InlineData("SNAPSHOT_STATUS_CREATING", "SNAPSHOT_TYPE_LOCAL", SnapshotState.Pending)]
    [InlineData("SNAPSHOT_STATUS_MIGRATING", "SNAPSHOT_TYPE_LOCAL", SnapshotState.Pending)]
    [InlineData("SNAPSHOT_STATUS_AVAILABLE", "SNAPSHOT_TYPE_LOCAL", SnapshotState.Pending)]
    [InlineData("SNAPSHOT_STATUS_AVAILABLE", "SNAPSHOT_TYPE_REMOTE", SnapshotState.Available)]
    [InlineData("SNAPSHOT_STATUS_AVAILABLE", "SNAPSHOT_TYPE_INVALID", SnapshotState.Available)]
    [InlineData("SNAPSHOT_STATUS_DELETING", "SNAPSHOT_TYPE_REMOTE", SnapshotState.Deleting)]
    [InlineData("SNAPSHOT_STATUS_DELETED", "SNAPSHOT_TYPE_REMOTE", SnapshotState.Deleted)]
    [InlineData("SNAPSHOT_STATUS_INVALID", "SNAPSHOT_TYPE_INVALID", SnapshotState.Unknown)]
    [InlineData("SNAPSHOT_STATUS_FROM_THE_FUTURE", null, SnapshotState.Unknown)]
    public void StatusesAndTypesAreNormalized(string status, string? type, SnapshotState expected) =>
        Assert.Equal(expected, KoyebMapping.StateOf(status, type));

    [Fact]
    public async Task AReplyWithoutTheSnapshotIsAnInvalidResponse()
    {
        using var provider = Canned(200, """{"snap":{}}""");

        var failure = await Assert.ThrowsAsync<CloudApiException>(() => provider.GetSnapshotAsync(Some, CancellationToken.None));

        Assert.Equal(CloudErrorKind.InvalidResponse, failure.Kind);
        Assert.Contains("snapshot is missing", failure.Message);
    }
}
