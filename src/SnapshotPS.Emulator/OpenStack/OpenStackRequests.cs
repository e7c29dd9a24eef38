using System.Text.Json;
using System.Text.Json.Nodes;

namespace SnapshotPS.Emulator.OpenStack;

internal static class OpenStackRequests
{
    public const string AuthTokenHeader = "X-Auth-Token";
    public const string SubjectTokenHeader = "X-Subject-Token";

    public static Uri BaseAddressOf(HttpContext context) =>
        new($"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}/");

    /// <summary>The body as JSON: null when empty, and ok false when it is not JSON.</summary>
    public static async Task<(bool Ok, JsonNode? Body)> ReadJsonAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        if (string.IsNullOrWhiteSpace(text)) return (true, null);
        try
        {
            return (true, JsonNode.Parse(text));
        }
        catch (JsonException)
        {
            return (false, null);
        }
    }

    public static string? Header(HttpContext context, string name) =>
        context.Request.Headers[name].ToString() is { Length: > 0 } value ? value.Trim() : null;
}
