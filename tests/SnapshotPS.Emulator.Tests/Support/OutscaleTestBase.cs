using System.Text;
using System.Text.Json;

namespace SnapshotPS.Emulator.Tests.Support;

/// <summary>The emulator on a manual clock with HttpClients that sign OUTSCALE calls; paths are operation names.</summary>
public abstract class OutscaleTestBase : EmulatorTestBase
{
    protected const string SecondAccessKey = "AKEMULATOR0000000002";
    protected const string SecondSecretKey = "SKEMULATOR00000000000000000000000000000002";
    protected const string SecondAccountId = "987654321098";
    protected const string UnknownSnapshotId = "snap-0badf00d";

    protected OutscaleFake Outscale => Host.Outscale;

    /// <summary>The default account, AWS4 dialect.</summary>
    protected HttpClient Osc => field ??= NewOutscaleClient();

    /// <summary>A client signing as the given key, in the given dialect, with a date header offset from the fake's clock.</summary>
    protected HttpClient NewOutscaleClient(string accessKey = OutscaleFake.DefaultAccessKey, string secretKey = OutscaleFake.DefaultSecretKey,
        OutscaleSignatureKind kind = OutscaleSignatureKind.Aws4, TimeSpan clockOffset = default, string region = OutscaleFake.DefaultRegion) =>
        NewOutscaleClient(new OutscaleTestSigner(accessKey, secretKey, kind, region), clockOffset);

    protected HttpClient NewOutscaleClient(OutscaleTestSigner signer, TimeSpan clockOffset = default) =>
        Track(new HttpClient(new OutscaleSigningHandler(signer, () => Clock.GetUtcNow() + clockOffset))
        {
            BaseAddress = new Uri(Host.OutscaleEndpoint + "/"),
            Timeout = TimeSpan.FromSeconds(30),
        });

    /// <summary>A client for a second account, registered on first use.</summary>
    protected HttpClient SecondAccount()
    {
        Outscale.AddAccount(SecondAccessKey, SecondSecretKey, SecondAccountId);
        return NewOutscaleClient(SecondAccessKey, SecondSecretKey);
    }

    protected Task<(int Status, JsonElement Body)> OscAsync(string operation, string json = "{}") => OscAsync(Osc, operation, json);

    protected static async Task<(int Status, JsonElement Body)> OscAsync(HttpClient client, string operation, string json = "{}")
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(operation, content);
        return ((int)response.StatusCode, await JsonAsync(response));
    }

    /// <summary>A successful call: 200 and a ResponseContext with a UUID RequestId.</summary>
    protected async Task<JsonElement> OkAsync(string operation, string json = "{}", HttpClient? client = null)
    {
        var (status, body) = await OscAsync(client ?? Osc, operation, json);
        Assert.True(status == 200, $"{operation} answered {status}: {body}");
        AssertRequestId(body);
        return body;
    }

    protected static void AssertRequestId(JsonElement body) =>
        Assert.True(Guid.TryParse(body.GetProperty("ResponseContext").GetProperty("RequestId").GetString(), out _));

    /// <summary>One error with this status, code and type, some details, and a RequestId.</summary>
    protected static void AssertError(int status, JsonElement body, int expectedStatus, string code, string type)
    {
        Assert.True(status == expectedStatus, $"expected {expectedStatus}, got {status}: {body}");
        var error = Assert.Single(body.GetProperty("Errors").EnumerateArray().ToArray());
        Assert.Equal(code, error.GetProperty("Code").GetString());
        Assert.Equal(type, error.GetProperty("Type").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("Details").GetString()));
        AssertRequestId(body);
    }

    protected async Task AssertErrorAsync(string operation, string json, int expectedStatus, string code, string type, HttpClient? client = null)
    {
        var (status, body) = await OscAsync(client ?? Osc, operation, json);
        AssertError(status, body, expectedStatus, code, type);
    }

    /// <summary>CreateSnapshot from a volume (a fresh 10 GiB one when null); returns the snapshot as answered.</summary>
    protected async Task<JsonElement> CreateSnapshotAsync(string? volumeId = null, string extra = "", HttpClient? client = null)
    {
        var volume = volumeId ?? Outscale.AddVolume(10);
        var body = await OkAsync("CreateSnapshot", "{\"VolumeId\":\"" + volume + "\"" + extra + "}", client);
        return body.GetProperty("Snapshot");
    }

    /// <summary>ReadSnapshots filtered on one ID; the snapshot, or an Undefined element when it is not listed.</summary>
    protected async Task<JsonElement> ReadSnapshotAsync(string snapshotId, HttpClient? client = null)
    {
        var body = await OkAsync("ReadSnapshots", $$$"""{"Filters":{"SnapshotIds":["{{{snapshotId}}}"]}}""", client);
        var snapshots = body.GetProperty("Snapshots");
        return snapshots.GetArrayLength() == 0 ? default : snapshots[0];
    }

    protected async Task<string[]> ReadSnapshotIdsAsync(string json = "{}", HttpClient? client = null)
    {
        var body = await OkAsync("ReadSnapshots", json, client);
        return Ids(body.GetProperty("Snapshots"));
    }

    /// <summary>ReadSnapshots with this body lists exactly these IDs, in this order.</summary>
    protected async Task AssertListedAsync(IEnumerable<string> expected, string json, HttpClient? client = null) =>
        Assert.Equal(expected, await ReadSnapshotIdsAsync(json, client));

    /// <summary>An UpdateSnapshot body: {"SnapshotId", "PermissionsToCreateVolume": {change: permission}}.</summary>
    protected static string UpdateBody(string snapshotId, string change, string permission) =>
        $$"""{"SnapshotId":"{{snapshotId}}","PermissionsToCreateVolume":{"{{change}}":{{permission}}""" + "}}";

    /// <summary>{"AccountIds":[ids]}.</summary>
    protected static string Accounts(params string[] accountIds) =>
        "{\"AccountIds\":[" + string.Join(',', accountIds.Select(id => $"\"{id}\"")) + "]}";

    protected static string[] Ids(JsonElement snapshots) =>
        snapshots.EnumerateArray().Select(snapshot => snapshot.GetProperty("SnapshotId").GetString()!).ToArray();

    protected static string State(JsonElement resource) => resource.GetProperty("State").GetString()!;

    protected static int Progress(JsonElement resource) => resource.GetProperty("Progress").GetInt32();
}
