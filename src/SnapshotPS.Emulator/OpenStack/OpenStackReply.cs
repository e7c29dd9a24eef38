using System.Text.Json.Nodes;
using SnapshotPS.Emulator.Hosting;

namespace SnapshotPS.Emulator.OpenStack;

/// <summary>
/// A reply from a Python service: JSON spaced as json.dumps writes it, an x-openstack-request-id on every
/// reply, the same id in x-compute-request-id on Cinder errors, and any extra headers.
/// </summary>
internal sealed class OpenStackReply(int statusCode, JsonNode? body, bool computeRequestId = false, IReadOnlyDictionary<string, string>? headers = null)
    : IResult
{
    public const string RequestIdHeader = "x-openstack-request-id";
    public const string ComputeRequestIdHeader = "x-compute-request-id";

    public int StatusCode { get; } = statusCode;

    public JsonNode? Body { get; } = body;

    public static OpenStackReply Empty(int statusCode, IReadOnlyDictionary<string, string>? headers = null) => new(statusCode, null, false, headers);

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var responseHeaders = httpContext.Response.Headers;
        var requestId = RequestIdOf(httpContext);
        if (computeRequestId) responseHeaders[ComputeRequestIdHeader] = requestId;
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            responseHeaders[name] = value;
        }

        return new WireJsonResult(StatusCode, Body, JsonStyle.Spaced).ExecuteAsync(httpContext);
    }

    /// <summary>The request's id, set on the response the first time it is asked for.</summary>
    public static string RequestIdOf(HttpContext context)
    {
        var headers = context.Response.Headers;
        if (headers[RequestIdHeader].ToString() is { Length: > 0 } existing) return existing;
        var id = OpenStackIds.NewRequestId();
        headers[RequestIdHeader] = id;
        return id;
    }
}
