using System.Text.Json.Nodes;

namespace SnapshotPS.Emulator.Hosting;

/// <summary>One fake cloud, served under "/{Name}" and administered under "/_emulator/{Name}".</summary>
internal interface IProviderFake
{
    string Name { get; }

    void MapEndpoints(RouteGroupBuilder group);

    void MapAdminEndpoints(RouteGroupBuilder adminGroup);

    /// <summary>Answers an injected status fault the way this cloud's gateway would; errorCode replaces the usual code.</summary>
    Task WriteStatusFaultAsync(HttpContext context, int statusCode, string? errorCode);

    /// <summary>The body as the request log keeps it: secrets a request may carry are hidden.</summary>
    string? RedactRecordedBody(string? body) => body;

    JsonObject Describe(Uri baseAddress);

    IEnumerable<string> DescribeForConsole(Uri baseAddress);

    /// <summary>Seeds demo data for the console entry; returns lines that tell what was created.</summary>
    IEnumerable<string> SeedDemo(int snapshotCount);
}
