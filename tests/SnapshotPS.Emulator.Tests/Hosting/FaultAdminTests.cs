using System.Text;
using System.Text.Json;

namespace SnapshotPS.Emulator.Tests.Hosting;

/// <summary>POST/GET/DELETE /_emulator/faults with every setting a rule has.</summary>
public sealed class FaultAdminTests : EmulatorTestBase
{
    private HttpClient Admin => field ??= Track(new HttpClient { BaseAddress = Host.BaseAddress });

    private async Task<(int Status, JsonElement Body)> PostRuleAsync(string json)
    {
        using var response = await Admin.PostAsync("_emulator/faults", new StringContent(json, Encoding.UTF8, "application/json"));
        return ((int)response.StatusCode, await JsonAsync(response));
    }

    [Fact]
    public async Task A_posted_rule_reports_its_id_and_seed_and_get_shows_what_it_matched_and_hit()
    {
        var (status, posted) = await PostRuleAsync(
            """{"provider":"scaleway","method":"GET","pathContains":"/snapshots","kind":"Status","statusCode":503,"probability":0.5,"seed":11,"forever":true}""");
        for (var i = 0; i < 20; i++)
        {
            await CallAsync(HttpMethod.Get, InstanceSnapshots);
        }

        var listed = await JsonAsync(await Admin.GetAsync("_emulator/faults"));
        var rule = Assert.Single(listed.GetProperty("rules").EnumerateArray().ToArray());

        Assert.Equal(200, status);
        Assert.Equal(11, posted.GetProperty("seed").GetInt32());
        Assert.Equal(posted.GetProperty("id").GetInt32(), rule.GetProperty("id").GetInt32());
        Assert.Equal(20, rule.GetProperty("matched").GetInt32());
        Assert.InRange(rule.GetProperty("hits").GetInt32(), 1, 19);
        Assert.Equal(rule.GetProperty("hits").GetInt32(), listed.GetProperty("hitsByKind").GetProperty("Status").GetInt32());
    }

    [Fact]
    public async Task Posted_settings_reach_the_rule()
    {
        var (status, _) = await PostRuleAsync(
            """{"kind":"status","statusCode":429,"errorCode":25,"retryAfter":0.5,"afterRun":true,"times":2}""");

        var rule = Assert.Single(Host.Faults.Rules).Rule;
        Assert.Equal(200, status);
        Assert.Equal((FaultKind.Status, 429, "25", "0.5", true, 2), (rule.Kind, rule.StatusCode, rule.ErrorCode, rule.RetryAfterText, rule.AfterRun, rule.Times));
    }

    [Fact]
    public async Task Body_fault_settings_reach_the_rule()
    {
        await PostRuleAsync("""{"kind":"TruncatedBody","sentBytes":7}""");
        await PostRuleAsync("""{"kind":"slowBody","chunkBytes":4,"latencyMs":250}""");
        await PostRuleAsync("""{"kind":"mangledBody","mangle":"wrongTypes"}""");
        await PostRuleAsync("""{"kind":"cannedBody","preset":"emptyObject","statusCode":200}""");

        var rules = Host.Faults.Rules.Select(armed => armed.Rule).ToArray();
        Assert.Equal(7, rules[0].SentBytes);
        Assert.Equal((4, TimeSpan.FromMilliseconds(250)), (rules[1].ChunkBytes, rules[1].Latency));
        Assert.Equal(BodyMangle.WrongTypes, rules[2].Mangle);
        Assert.Equal(("{}", "application/json"), (rules[3].Body, rules[3].ContentType));
    }

    [Fact]
    public async Task A_canned_html_preset_posted_over_http_is_served()
    {
        await PostRuleAsync("""{"provider":"scaleway","kind":"cannedBody","preset":"html","statusCode":503}""");

        using var response = await SendAsync(HttpMethod.Get, InstanceSnapshots);

        Assert.Equal(503, (int)response.StatusCode);
        Assert.Contains("<html>", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("""{"kind":"status","latency":5}""", "'latency'")]
    [InlineData("""{"kind":"status","probability":1.5}""", "Probability")]
    [InlineData("""{"kind":"cannedBody","preset":"xml"}""", "'xml'")]
    [InlineData("""{"kind":"cannedBody","preset":"html","body":"x"}""", "preset")]
    [InlineData("""{"kind":"mangledBody","mangle":"shuffle"}""", "'shuffle'")]
    [InlineData("""{"kind":"status","seed":1.5}""", "'seed'")]
    [InlineData("""{"kind":"1"}""", "'1'")]
    public async Task A_rule_that_cannot_be_armed_is_400_naming_the_problem(string json, string named)
    {
        var (status, body) = await PostRuleAsync(json);

        Assert.Equal(400, status);
        Assert.Contains(named, body.GetProperty("error").GetString());
        Assert.Empty(Host.Faults.Rules);
    }

    [Fact]
    public async Task The_description_lists_the_fault_kinds()
    {
        var described = await JsonAsync(await Admin.GetAsync("_emulator"));

        var kinds = described.GetProperty("admin").GetProperty("faultKinds").EnumerateArray().Select(kind => kind.GetString()).ToArray();
        Assert.Equal(Enum.GetNames<FaultKind>(), kinds);
    }
}
