namespace SnapshotPS.Emulator;

/// <summary>Bodies that real gateways and proxies send instead of the API's JSON, for <see cref="FaultKind.CannedBody"/>.</summary>
public static class CannedBodies
{
    public const string HtmlContentType = "text/html; charset=utf-8";

    public const string JsonContentType = "application/json";

    /// <summary>What a load balancer or proxy answers when the API behind it is down.</summary>
    public const string HtmlErrorPage =
        "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>\n" +
        "<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>\n";

    /// <summary>
    /// The body and content type of a preset name used by the admin surface: html, empty, emptyObject
    /// ({}), emptyArray ([]) or null (the JSON literal). Null when the name is not a preset.
    /// </summary>
    public static (string Body, string ContentType)? Preset(string name) => name.ToLowerInvariant() switch
    {
        "html" => (HtmlErrorPage, HtmlContentType),
        "empty" => ("", JsonContentType),
        "emptyobject" => ("{}", JsonContentType),
        "emptyarray" => ("[]", JsonContentType),
        "null" => ("null", JsonContentType),
        _ => null,
    };

    public const string PresetNames = "html, empty, emptyObject, emptyArray or null";
}
