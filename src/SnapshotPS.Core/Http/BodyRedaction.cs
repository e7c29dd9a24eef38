using System;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SnapshotPS.Core.Http;

/// <summary>
/// A request or response body fit for -Debug: JSON with every secret replaced by "***" (members named like a
/// password, secret, token, key or credential, the id of a Keystone token, the signature and credential of a
/// pre-signed URL); anything that is not JSON is described, never shown.
/// </summary>
public static class BodyRedaction
{
    public const string Mask = "***";

    /// <summary>The most of a body shown; the rest is counted.</summary>
    public const int MaxShownCharacters = 64 * 1024;

    private static readonly Regex SecretName = new(
        @"password|passwd|secret|token|credential|signature|authorization|apikey|api_key|accesskey|access_key|private",
        RegexOptions.IgnoreCase | RegexOptions.Compiled);

    // Tokens that are no secret and help most when reading a trace: idempotency and paging tokens.
    private static readonly Regex PlainToken = new(
        @"^(?:client_?token|next_?page_?token|page_?token|idempotency_?key)$",
        RegexOptions.IgnoreCase | RegexOptions.Compiled);

    // Shown to a person, never put in HTML: '&' in a URL stays '&'.
    private static readonly JsonWriterOptions Readable = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Describe(ReadOnlyMemory<byte> body, string? mediaType)
    {
        if (body.Length == 0) return "(no body)";
        var isJson = mediaType is null || mediaType.IndexOf("json", StringComparison.OrdinalIgnoreCase) >= 0;
        if (!isJson) return $"({body.Length} bytes of {mediaType ?? "unknown type"}, not shown)";
        try
        {
            using var document = JsonDocument.Parse(body);
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, Readable))
            {
                Write(writer, document.RootElement, secret: false);
            }
            // Cut only after masking, so no secret is ever split out of reach of the mask.
            var text = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
            return text.Length <= MaxShownCharacters ? text : text.Substring(0, MaxShownCharacters) + $"... ({text.Length - MaxShownCharacters} more characters)";
        }
        catch (JsonException)
        {
            return $"({body.Length} bytes that are not JSON, not shown)";
        }
    }

    /// <summary>True for a JSON member whose value is a secret.</summary>
    public static bool IsSecretName(string name) => SecretName.IsMatch(name) && !PlainToken.IsMatch(name);

    private static void Write(Utf8JsonWriter writer, JsonElement element, bool secret)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var member in element.EnumerateObject())
                {
                    writer.WritePropertyName(member.Name);
                    var named = IsSecretName(member.Name);
                    // {"token": {"id": "..."}} (Keystone) and {"application_credential": {"id", "secret"}}: inside a
                    // secret-named object, its id is secret too; any other member keeps its own rule.
                    var isSecret = named || (secret && string.Equals(member.Name, "id", StringComparison.OrdinalIgnoreCase));
                    if (isSecret && member.Value.ValueKind is not JsonValueKind.Object and not JsonValueKind.Array) writer.WriteStringValue(Mask);
                    else Write(writer, member.Value, named);
                }
                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    if (secret && item.ValueKind is not JsonValueKind.Object and not JsonValueKind.Array) writer.WriteStringValue(Mask);
                    else Write(writer, item, secret);
                }
                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(RedactUrl(element.GetString()!));
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }

    /// <summary>A string that is a URL loses the secrets of its query (a pre-signed URL's signature) and user info.</summary>
    private static string RedactUrl(string text) =>
        text.IndexOf("://", StringComparison.Ordinal) > 0 && Uri.TryCreate(text, UriKind.Absolute, out var url) ? HttpTrace.Redact(url) : text;
}
