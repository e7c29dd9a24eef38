using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SnapshotPS.Emulator.Hosting;
using SnapshotPS.Emulator.OpenStack.Cinder;
using SnapshotPS.Emulator.OpenStack.Identity;

namespace SnapshotPS.Emulator.OpenStack;

/// <summary>Serves Keystone v3 under /openstack/identity and Cinder v3 under /openstack/{region}/volume/v3/{project_id}.</summary>
internal sealed partial class OpenStackProvider(OpenStackFake fake) : IProviderFake
{
    private const int DemoVolumeSizeGiB = 10;

    public string Name => "openstack";

    public void MapEndpoints(RouteGroupBuilder group)
    {
        KeystoneEndpoints.Map(group.MapGroup("/identity"), fake);
        CinderEndpoints.Map(group, fake);
    }

    public void MapAdminEndpoints(RouteGroupBuilder adminGroup) => OpenStackAdminEndpoints.Map(adminGroup, fake);

    /// <summary>Keystone's error body under /openstack/identity, Cinder's fault body (errorCode: its top-level key) elsewhere.</summary>
    public Task WriteStatusFaultAsync(HttpContext context, int statusCode, string? errorCode)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/" + Name + "/identity", StringComparison.OrdinalIgnoreCase))
        {
            var phrase = KeystoneErrors.Title(statusCode);
            return KeystoneErrors.Error(statusCode, phrase + ".", ServiceCatalog.IdentityUrl(OpenStackRequests.BaseAddressOf(context))).ExecuteAsync(context);
        }

        var retryAfter = context.Response.Headers.RetryAfter.ToString();
        return CinderErrors.Fault(statusCode, CinderErrors.InjectedMessage(statusCode, errorCode), errorCode,
            retryAfter.Length > 0 ? retryAfter : null).ExecuteAsync(context);
    }

    /// <summary>Passwords and application-credential secrets never reach the request log; a cut-off value is hidden too.</summary>
    public string? RedactRecordedBody(string? body) => body is null ? null : SecretMember().Replace(body, "$1\"[REDACTED]\"");

    public JsonObject Describe(Uri baseAddress) => new()
    {
        ["endpoint"] = AuthUrl(baseAddress),
        ["authUrl"] = AuthUrl(baseAddress),
        ["regions"] = new JsonArray(OpenStackFake.Regions.Select(region => (JsonNode)region).ToArray()),
        ["domain"] = OpenStackFake.DefaultDomainName,
        ["project"] = OpenStackFake.DemoProjectName,
        ["projectId"] = OpenStackFake.DemoProjectId,
        ["user"] = OpenStackFake.DemoUserName,
        ["password"] = OpenStackFake.DemoPassword,
        ["adminUser"] = OpenStackFake.AdminUserName,
        ["adminPassword"] = OpenStackFake.AdminPassword,
        ["applicationCredentialId"] = OpenStackFake.DemoApplicationCredentialId,
        ["applicationCredentialSecret"] = OpenStackFake.DemoApplicationCredentialSecret,
        ["volumeEndpoint"] = ServiceCatalog.VolumeUrl(baseAddress, OpenStackFake.RegionOne, "public", OpenStackFake.DemoProjectId),
        ["admin"] = new JsonArray(OpenStackAdminEndpoints.Routes.Select(route => (JsonNode)route).ToArray()),
    };

    public IEnumerable<string> DescribeForConsole(Uri baseAddress)
    {
        yield return $"OpenStack ({OpenStackFake.RegionOne}, {OpenStackFake.RegionTwo}): Connect-SnapshotProvider -Provider OpenStack " +
            $"-Endpoint {AuthUrl(baseAddress)} -Credential (New-Object PSCredential '{OpenStackFake.DemoUserName}', " +
            $"(ConvertTo-SecureString '{OpenStackFake.DemoPassword}' -AsPlainText -Force)) -UserDomain Default " +
            $"-ProjectName {OpenStackFake.DemoProjectName} -ProjectDomain Default -Region {OpenStackFake.RegionOne}";
    }

    /// <summary>One 10 GiB volume of the demo project in RegionOne with snapshots nightly-0001..N.</summary>
    public IEnumerable<string> SeedDemo(int snapshotCount)
    {
        var volume = fake.AddVolume(OpenStackFake.DemoProjectId, OpenStackFake.RegionOne, "data-volume", DemoVolumeSizeGiB);
        fake.SeedSnapshots(volume, snapshotCount, "nightly-");
        return [$"  seeded volume: {volume} ({DemoVolumeSizeGiB} GiB, {OpenStackFake.RegionOne}, project demo) with {snapshotCount} snapshots"];
    }

    /// <summary>The auth URL as OS_AUTH_URL usually gives it: the identity root plus /v3.</summary>
    internal static string AuthUrl(Uri baseAddress) => ServiceCatalog.IdentityUrl(baseAddress) + "/v3";

    [GeneratedRegex("(\"(?:password|secret)\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*(?:\"|\\\\?$)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretMember();
}
