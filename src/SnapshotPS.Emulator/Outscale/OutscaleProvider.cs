using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SnapshotPS.Emulator.Hosting;
using SnapshotPS.Emulator.Outscale.Api;
using SnapshotPS.Emulator.Outscale.Auth;

namespace SnapshotPS.Emulator.Outscale;

/// <summary>Serves the OUTSCALE API (OAPI) snapshot operations under /outscale/api/v1.</summary>
internal sealed partial class OutscaleProvider(OutscaleFake fake, TimeProvider time) : IProviderFake
{
    private const string DemoSnapshotPrefix = "nightly-";
    private const int DemoVolumeSizeGiB = 10;

    public string Name => "outscale";

    public void MapEndpoints(RouteGroupBuilder group) => OutscaleApi.Map(group, fake, new RequestAuthenticator(fake, time));

    public void MapAdminEndpoints(RouteGroupBuilder adminGroup) => OutscaleAdminEndpoints.Map(adminGroup, fake);

    public Task WriteStatusFaultAsync(HttpContext context, int statusCode, string? errorCode) =>
        OutscaleErrors.Result(OutscaleErrors.GatewayFault(statusCode, errorCode), OutscaleJson.RequestIdOf(context)).ExecuteAsync(context);

    /// <summary>OsuApiKey.SecretKey must never reach the request log; a cut-off value is hidden too.</summary>
    public string? RedactRecordedBody(string? body) => body is null ? null : SecretKeyMember().Replace(body, "$1\"[REDACTED]\"");

    public JsonObject Describe(Uri baseAddress) => new()
    {
        ["endpoint"] = Endpoint(baseAddress).ToString(),
        ["region"] = OutscaleFake.DefaultRegion,
        ["accessKey"] = OutscaleFake.DefaultAccessKey,
        ["secretKey"] = OutscaleFake.DefaultSecretKey,
        ["accountId"] = OutscaleFake.DefaultAccountId,
        ["signatures"] = OutscaleJson.Strings(["OSC4-HMAC-SHA256 (service api)", "AWS4-HMAC-SHA256 (service oapi)"]),
        ["operations"] = OutscaleJson.Strings(OutscaleApi.OperationNames.Select(name => "POST /" + name)),
        ["admin"] = OutscaleJson.Strings(["POST /_emulator/outscale/seed", "PUT /_emulator/outscale/timings", "POST /_emulator/outscale/fail-next"]),
    };

    public IEnumerable<string> DescribeForConsole(Uri baseAddress)
    {
        yield return $"Outscale ({OutscaleFake.DefaultRegion}): Connect-SnapshotProvider -Provider Outscale -Endpoint {Endpoint(baseAddress)} " +
            $"-AccessKey {OutscaleFake.DefaultAccessKey} -SecretKey (ConvertTo-SecureString '{OutscaleFake.DefaultSecretKey}' -AsPlainText -Force) " +
            $"-Region {OutscaleFake.DefaultRegion}";
    }

    /// <summary>One 10 GiB volume with completed snapshots described and tagged Name=nightly-001..N.</summary>
    public IEnumerable<string> SeedDemo(int snapshotCount)
    {
        var volume = fake.AddVolume(DemoVolumeSizeGiB);
        OutscaleAdminEndpoints.SeedNamed(fake, snapshotCount, DemoSnapshotPrefix, volume);
        return [$"  seeded volume: {volume} ({DemoVolumeSizeGiB} GiB) with {snapshotCount} snapshots"];
    }

    /// <summary>BaseAddress + "outscale/api/v1"; clients append "/{Operation}".</summary>
    internal static Uri Endpoint(Uri baseAddress) => new(baseAddress, "outscale" + OutscaleApi.Root);

    [GeneratedRegex("(\"SecretKey\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*(?:\"|\\\\?$)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretKeyMember();
}
