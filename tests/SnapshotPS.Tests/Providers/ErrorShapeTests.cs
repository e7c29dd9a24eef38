using System.Net;
using System.Text;
using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Http;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers.Outscale;
using SnapshotPS.Core.Providers.Scaleway;

namespace SnapshotPS.Tests.Providers;

/// <summary>
/// Every error body of the references (Scaleway §6, Outscale §8), answered by a canned transport,
/// becomes the one typed exception with the right kind, code, message and request id.
/// </summary>
public class ErrorShapeTests
{
    private sealed class CannedTransport : HttpMessageHandler
    {
        private readonly HttpStatusCode _status;
        private readonly string _body;

        public CannedTransport(int status, string body)
        {
            _status = (HttpStatusCode)status;
            _body = body;
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = new HttpResponseMessage(_status) { Content = new StringContent(_body, Encoding.UTF8, _body.StartsWith("{") ? "application/json" : "text/html") };
            response.Headers.Add("X-Request-Id", "req-123");
            return Task.FromResult(response);
        }
    }

    private static HttpPipelineOptions NoRetries() => new() { MaxRetries = 0 };

    [Theory]
    [InlineData(404, """{"type": "not_found", "message": "resource is not found", "resource": "instance_snapshot", "resource_id": "71722f74-0a72-4fad-801c-1b61b9b19aa0"}""", CloudErrorKind.NotFound, "not_found", "resource is not found (instance_snapshot 71722f74")]
    [InlineData(400, """{"type": "invalid_arguments", "message": "invalid argument(s)", "details": [{"argument_name": "volume_id", "reason": "required", "help_message": "required key not provided"}]}""", CloudErrorKind.InvalidArgument, "invalid_arguments", "volume_id: required (required key not provided)")]
    [InlineData(401, """{"message":"authentication is denied","method":"api_key","reason":"not_found","type":"denied_authentication"}""", CloudErrorKind.Unauthenticated, "denied_authentication", "authentication is denied")]
    [InlineData(403, """{"details":[{"action":"read","resource":"snapshot"}],"message":"insufficient permissions","type":"permissions_denied"}""", CloudErrorKind.PermissionDenied, "permissions_denied", "insufficient permissions")]
    [InlineData(409, """{"current_state":"snapshotting","message":"resource is in a transient state","resource":"instance_snapshot","resource_id":"x","type":"transient_state"}""", CloudErrorKind.Conflict, "transient_state", "current state: snapshotting")]
    [InlineData(412, """{"help_message":"detach it first","message":"precondition is not respected","precondition":"resource_still_in_use","type":"precondition_failed"}""", CloudErrorKind.Conflict, "precondition_failed", "precondition: resource_still_in_use")]
    [InlineData(403, """{"type":"quotas_exceeded","message":"quota(s) exceeded for this resource","details":[{"resource":"snapshots","quota":10,"current":10}]}""", CloudErrorKind.QuotaExceeded, "quotas_exceeded", "quota(s) exceeded")]
    [InlineData(400, """{"type":"invalid_request_error","message":"The provided QCOW2 file is encrypted"}""", CloudErrorKind.InvalidArgument, "invalid_request_error", "QCOW2 file is encrypted")]
    [InlineData(404, """{"type":"unknown_resource","message":"\"71722f74\" not found"}""", CloudErrorKind.NotFound, "unknown_resource", "not found")]
    [InlineData(429, "", CloudErrorKind.Throttled, "rate_limited", "Too Many Requests")]
    [InlineData(502, "<html>Bad Gateway</html>", CloudErrorKind.ServerError, null, "Bad Gateway")]
    public async Task ScalewayErrorBodies(int status, string body, CloudErrorKind kind, string? code, string inMessage)
    {
        var settings = new ScalewayConnectionSettings
        {
            SecretKey = SecretValue.FromPlainText("11111111-1111-4111-8111-111111111111"), ProjectId = "22222222-2222-4222-8222-222222222222",
            Http = NoRetries(),
        };
        using var provider = new ScalewayProvider(settings, "canned", new CannedTransport(status, body));

        var failure = await Assert.ThrowsAsync<CloudApiException>(() => provider.UpdateSnapshotAsync(
            new UpdateSnapshotRequest(new SnapshotLocator("71722f74-0a72-4fad-801c-1b61b9b19aa0", "fr-par-1", new ScalewayInstanceSnapshot())) { Name = "x" },
            CancellationToken.None));

        Assert.Equal(kind, failure.Kind);
        Assert.Equal(status, failure.StatusCode);
        Assert.Equal(code, failure.ErrorCode);
        Assert.Contains(inMessage, failure.Message);
        Assert.Equal("req-123", failure.RequestId);
        Assert.Equal(kind is CloudErrorKind.Throttled or CloudErrorKind.ServerError, failure.IsRetryable);
    }

    [Theory]
    [InlineData(401, "1", "AccessDenied", CloudErrorKind.Unauthenticated)]
    [InlineData(401, "13", "AccessDenied", CloudErrorKind.Unauthenticated)]
    [InlineData(401, "5", "AccessDenied", CloudErrorKind.PermissionDenied)]
    [InlineData(503, "6", "AccessDenied", CloudErrorKind.Throttled)]
    [InlineData(429, "24", "AccessDenied", CloudErrorKind.Throttled)]
    [InlineData(429, "25", "AccessDenied", CloudErrorKind.Throttled)]
    [InlineData(400, "3001", "InvalidParameter", CloudErrorKind.InvalidArgument)]
    [InlineData(400, "3002", "InvalidParameter", CloudErrorKind.InvalidArgument)]
    [InlineData(400, "4069", "InvalidParameterValue", CloudErrorKind.InvalidArgument)]
    [InlineData(400, "4104", "InvalidParameterValue", CloudErrorKind.InvalidArgument)]
    [InlineData(400, "4105", "InvalidParameterValue", CloudErrorKind.InvalidArgument)]
    [InlineData(400, "4110", "InvalidParameterValue", CloudErrorKind.InvalidArgument)]
    [InlineData(400, "5054", "InvalidResource", CloudErrorKind.NotFound)]
    [InlineData(400, "5064", "InvalidResource", CloudErrorKind.NotFound)]
    [InlineData(400, "5058", "InvalidResource", CloudErrorKind.NotFound)]
    [InlineData(409, "6003", "InvalidState", CloudErrorKind.Conflict)]
    [InlineData(400, "7000", "MissingParameter", CloudErrorKind.InvalidArgument)]
    [InlineData(400, "8019", "OperationNotSupported", CloudErrorKind.InvalidArgument)]
    [InlineData(409, "9002", "ResourceConflict", CloudErrorKind.Conflict)]
    [InlineData(400, "10026", "TooManyResources (QuotaExceded)", CloudErrorKind.QuotaExceeded)]
    [InlineData(424, "1000", "DependencyProblem", CloudErrorKind.Unknown)]
    [InlineData(500, "0", "DefaultError", CloudErrorKind.ServerError)]
    public async Task OutscaleErrorCodes(int status, string code, string type, CloudErrorKind kind)
    {
        var body = "{\"Errors\": [{\"Code\": \"" + code + "\", \"Type\": \"" + type + "\", \"Details\": \"details of " + code + "\"}], "
            + "\"ResponseContext\": {\"RequestId\": \"0475ca1e-d0c5-441d-712a-da55a4175157\"}}";
        var settings = new OutscaleConnectionSettings { AccessKey = "AK", SecretKey = SecretValue.FromPlainText("SK"), Http = NoRetries() };
        using var provider = new OutscaleProvider(settings, "canned", new CannedTransport(status, body));

        var failure = await Assert.ThrowsAsync<CloudApiException>(() => provider.DeleteSnapshotAsync(new SnapshotLocator("snap-1a2b3c4d"), CancellationToken.None));

        Assert.Equal(kind, failure.Kind);
        Assert.Equal(code, failure.ErrorCode);
        Assert.Equal(status, failure.StatusCode);
        Assert.Contains($"details of {code}", failure.Message);
        Assert.Contains(type, failure.Message);
        Assert.Equal("0475ca1e-d0c5-441d-712a-da55a4175157", failure.RequestId);
    }

    [Fact]
    public async Task AnOutscaleGatewayBodyThatIsNotAnErrorResponseStillGivesATypedError()
    {
        var settings = new OutscaleConnectionSettings { AccessKey = "AK", SecretKey = SecretValue.FromPlainText("SK"), Http = NoRetries() };
        using var provider = new OutscaleProvider(settings, "canned", new CannedTransport(502, """{"__type": "InternalFailure"}"""));
        var failure = await Assert.ThrowsAsync<CloudApiException>(() => provider.DeleteSnapshotAsync(new SnapshotLocator("snap-1a2b3c4d"), CancellationToken.None));
        Assert.Equal(CloudErrorKind.ServerError, failure.Kind);
    }
}
