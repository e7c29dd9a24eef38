using System.Net.Http.Headers;
using System.Text;

namespace SnapshotPS.Emulator.Tests.Outscale;

public sealed class OutscaleAuthTests : OutscaleTestBase
{
    private const string UnknownAccessKey = "AKUNKNOWN00000000000";

    [Theory]
    [InlineData(OutscaleSignatureKind.Aws4)]
    [InlineData(OutscaleSignatureKind.Osc4)]
    public async Task Valid_signature_of_either_dialect_is_accepted(OutscaleSignatureKind kind)
    {
        Outscale.SeedSnapshots(1);
        var client = NewOutscaleClient(kind: kind);

        var (status, body) = await OscAsync(client, "ReadSnapshots");

        Assert.Equal(200, status);
        Assert.Equal(1, body.GetProperty("Snapshots").GetArrayLength());
    }

    [Fact]
    public async Task Scope_region_other_than_the_endpoint_region_is_tolerated()
    {
        var client = NewOutscaleClient(region: "cloudgouv-eu-west-1");

        var (status, _) = await OscAsync(client, "ReadSnapshots");

        Assert.Equal(200, status);
    }

    [Fact]
    public async Task Wrong_secret_key_is_401_code_1()
    {
        var client = NewOutscaleClient(secretKey: "SKWRONG0000000000000000000000000000000000");

        var (status, body) = await OscAsync(client, "ReadSnapshots");

        AssertError(status, body, 401, "1", "AccessDenied");
    }

    [Fact]
    public async Task Unknown_access_key_is_401_code_1()
    {
        var (status, body) = await OscAsync(NewOutscaleClient(accessKey: UnknownAccessKey), "ReadSnapshots");

        AssertError(status, body, 401, "1", "AccessDenied");
    }

    [Fact]
    public async Task Body_changed_after_signing_is_401_code_1_and_does_not_execute()
    {
        var volume = Outscale.AddVolume(10);
        var signer = new OutscaleTestSigner(OutscaleFake.DefaultAccessKey, OutscaleFake.DefaultSecretKey, OutscaleSignatureKind.Aws4);
        using var request = JsonRequest("CreateSnapshot", $$"""{"VolumeId":"{{volume}}","Description":"signed"}""");
        signer.Sign(request, Encoding.UTF8.GetBytes($$"""{"VolumeId":"{{volume}}","Description":"signed"}"""), Clock.GetUtcNow());
        request.Content = Json($$"""{"VolumeId":"{{volume}}","Description":"tampered"}""");

        using var plain = Track(new HttpClient());
        using var response = await plain.SendAsync(request);

        AssertError((int)response.StatusCode, await JsonAsync(response), 401, "1", "AccessDenied");
        Assert.Equal(0, Outscale.SnapshotCount());
    }

    [Theory]
    [InlineData(16)]
    [InlineData(-16)]
    public async Task Date_header_beyond_the_allowed_skew_is_401_code_1(int offsetMinutes)
    {
        var client = NewOutscaleClient(clockOffset: TimeSpan.FromMinutes(offsetMinutes));

        var (status, body) = await OscAsync(client, "ReadSnapshots");

        AssertError(status, body, 401, "1", "AccessDenied");
    }

    [Fact]
    public async Task Date_header_within_the_allowed_skew_is_accepted_and_the_limit_is_configurable()
    {
        var client = NewOutscaleClient(clockOffset: TimeSpan.FromMinutes(14));

        var (within, _) = await OscAsync(client, "ReadSnapshots");
        Outscale.AllowedClockSkew = TimeSpan.FromMinutes(5);
        var (beyondNewLimit, _) = await OscAsync(client, "ReadSnapshots");

        Assert.Equal(200, within);
        Assert.Equal(401, beyondNewLimit);
    }

    [Fact]
    public async Task Missing_authorization_header_is_401_code_1()
    {
        using var plain = Track(new HttpClient());
        using var response = await plain.SendAsync(JsonRequest("ReadSnapshots", "{}"));

        AssertError((int)response.StatusCode, await JsonAsync(response), 401, "1", "AccessDenied");
    }

    [Theory]
    [InlineData("content-type;host")]
    [InlineData("content-type;x-amz-date")]
    public async Task Signature_that_leaves_out_host_or_the_date_header_is_refused(string signedHeaders)
    {
        var signer = new OutscaleTestSigner(OutscaleFake.DefaultAccessKey, OutscaleFake.DefaultSecretKey, OutscaleSignatureKind.Aws4);
        using var request = JsonRequest("ReadSnapshots", "{}");
        signer.Sign(request, "{}"u8.ToArray(), Clock.GetUtcNow(), signedHeaders.Split(';'));

        using var plain = Track(new HttpClient());
        using var response = await plain.SendAsync(request);

        AssertError((int)response.StatusCode, await JsonAsync(response), 401, "1", "AccessDenied");
    }

    [Fact]
    public async Task Signature_over_the_path_without_the_outscale_prefix_is_refused()
    {
        var signer = new OutscaleTestSigner(OutscaleFake.DefaultAccessKey, OutscaleFake.DefaultSecretKey, OutscaleSignatureKind.Osc4);
        using var signedFor = new HttpRequestMessage(HttpMethod.Post, new Uri(Host.BaseAddress, "api/v1/ReadSnapshots")) { Content = Json("{}") };
        signer.Sign(signedFor, "{}"u8.ToArray(), Clock.GetUtcNow());
        using var request = JsonRequest("ReadSnapshots", "{}");
        request.Headers.TryAddWithoutValidation("X-Osc-Date", signedFor.Headers.GetValues("X-Osc-Date"));
        request.Headers.TryAddWithoutValidation("Authorization", signedFor.Headers.GetValues("Authorization"));

        using var plain = Track(new HttpClient());
        using var response = await plain.SendAsync(request);

        Assert.Equal(401, (int)response.StatusCode);
    }

    [Fact]
    public async Task Four_unknown_access_keys_in_a_row_lock_authentication_with_code_13_for_a_minute()
    {
        var unknown = NewOutscaleClient(accessKey: UnknownAccessKey);
        for (var i = 0; i < 4; i++)
        {
            await OscAsync(unknown, "ReadSnapshots");
        }

        var (locked, lockedBody) = await OscAsync("ReadSnapshots");
        Clock.Advance(TimeSpan.FromMinutes(1));
        var (unlocked, _) = await OscAsync("ReadSnapshots");

        AssertError(locked, lockedBody, 401, "13", "AccessDenied");
        Assert.Equal(200, unlocked);
    }

    [Fact]
    public async Task A_success_resets_the_count_of_unknown_access_keys()
    {
        var unknown = NewOutscaleClient(accessKey: UnknownAccessKey);
        for (var i = 0; i < 3; i++)
        {
            await OscAsync(unknown, "ReadSnapshots");
        }

        await OkAsync("ReadSnapshots");
        var (status, body) = await OscAsync(unknown, "ReadSnapshots");

        AssertError(status, body, 401, "1", "AccessDenied");
    }

    private HttpRequestMessage JsonRequest(string operation, string json) =>
        new(HttpMethod.Post, new Uri(Host.OutscaleEndpoint + "/" + operation)) { Content = Json(json) };

    private static StringContent Json(string json)
    {
        var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json; charset=utf-8");
        return content;
    }
}
