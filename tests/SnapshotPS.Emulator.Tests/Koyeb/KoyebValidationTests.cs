namespace SnapshotPS.Emulator.Tests.Koyeb;

/// <summary>Auth, ErrorWithFields validation, 404s and injected faults in Koyeb's own error shapes.</summary>
public sealed class KoyebValidationTests : KoyebTestBase
{
    [Theory]
    [InlineData(null)]
    [InlineData("Bearer ")]
    [InlineData("Basic a2V5OnNlY3JldA==")]
    [InlineData("Bearer not-a-known-token")]
    public async Task A_missing_or_unknown_bearer_token_is_401_authentication_error(string? header)
    {
        var client = NewKoyebClient(null);
        if (header is not null) client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", header);

        var (status, body) = await KoyebAsync(HttpMethod.Get, Snapshots, client: client);

        AssertError(401, "authentication_error", status, body);
        Assert.Equal("Request unauthenticated with bearer", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Create_without_volume_or_name_lists_each_field()
    {
        var (status, body) = await KoyebAsync(HttpMethod.Post, Snapshots, "{}");

        AssertField(status, body, "parent_volume_id");
        AssertField(status, body, "name");
        Assert.Equal("cannot be blank", body.GetProperty("fields")[0].GetProperty("description").GetString());
    }

    [Theory]
    [InlineData("""{"parent_volume_id":"vol-1","name":"ok-name"}""", "parent_volume_id")]
    [InlineData("""{"parent_volume_id":"0b6a4c1e-3f7d-4a35-9a8e-2d1f5c7b9e10","name":"x"}""", "name")]
    [InlineData("""{"parent_volume_id":"0b6a4c1e-3f7d-4a35-9a8e-2d1f5c7b9e10","name":42}""", "name")]
    [InlineData("""{"parent_volume_id":"0b6a4c1e-3f7d-4a35-9a8e-2d1f5c7b9e10","name":"ok","project_id":"p"}""", "project_id")]
    [InlineData("[1,2]", "body")]
    public async Task Create_with_a_bad_field_is_400_naming_it(string json, string field)
    {
        var (status, body) = await KoyebAsync(HttpMethod.Post, Snapshots, json);

        AssertField(status, body, field);
    }

    [Fact]
    public async Task A_name_of_64_characters_is_refused_and_63_accepted()
    {
        var volume = Koyeb.AddVolume("db");

        var (tooLong, body) = await KoyebAsync(HttpMethod.Post, Snapshots, $$"""{"parent_volume_id":"{{volume}}","name":"{{new string('a', 64)}}"}""");
        var longest = await CreateAsync(volume, new string('b', 63));

        AssertField(tooLong, body, "name");
        Assert.Equal(63, longest.GetProperty("name").GetString()!.Length);
    }

    [Fact]
    public async Task A_volume_of_another_organization_is_404_unknown_resource()
    {
        const string otherOrganization = "11111111-2222-4333-8444-555555555555";
        Koyeb.AddOrganization("other-token", otherOrganization);
        var foreign = Koyeb.AddVolume("theirs", organizationId: otherOrganization);

        var (status, body) = await KoyebAsync(HttpMethod.Post, Snapshots, $$"""{"parent_volume_id":"{{foreign}}","name":"mine"}""");

        AssertError(404, "unknown_resource", status, body);
    }

    [Fact]
    public async Task Snapshots_of_another_organization_behave_as_missing()
    {
        const string otherOrganization = "11111111-2222-4333-8444-555555555555";
        Koyeb.AddOrganization("other-token", otherOrganization);
        var theirs = Koyeb.SeedSnapshots(1, organizationId: otherOrganization)[0];

        var (get, body) = await KoyebAsync(HttpMethod.Get, $"{Snapshots}/{theirs}");
        var (delete, _) = await KoyebAsync(HttpMethod.Delete, $"{Snapshots}/{theirs}");
        var (_, list) = await KoyebAsync(HttpMethod.Get, Snapshots);
        var (_, theirList) = await KoyebAsync(HttpMethod.Get, Snapshots, client: NewKoyebClient("other-token"));

        AssertError(404, "unknown_resource", get, body);
        Assert.Equal(404, delete);
        Assert.Equal(0, list.GetProperty("snapshots").GetArrayLength());
        Assert.Equal(theirs, theirList.GetProperty("snapshots")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_malformed_id_is_400_on_the_id_field()
    {
        var (status, body) = await KoyebAsync(HttpMethod.Get, $"{Snapshots}/not-a-uuid");

        AssertField(status, body, "id");
    }

    [Fact]
    public async Task An_unknown_path_is_404_in_the_error_shape()
    {
        var (status, body) = await KoyebAsync(HttpMethod.Get, "v1/volumes-of-nothing");

        AssertError(404, "unknown_resource", status, body);
    }

    [Theory]
    [InlineData(401, "authentication_error")]
    [InlineData(403, "authorization_required")]
    [InlineData(404, "unknown_resource")]
    [InlineData(429, "rate_limit_error")]
    [InlineData(500, "api_error")]
    [InlineData(503, "api_error")]
    public async Task Injected_statuses_have_the_error_shape(int injected, string code)
    {
        Host.Faults.Add(new FaultRule { Provider = "koyeb", Kind = FaultKind.Status, StatusCode = injected });

        var (status, body) = await KoyebAsync(HttpMethod.Get, Snapshots);

        AssertError(injected, code, status, body);
    }

    [Fact]
    public async Task An_injected_400_is_an_error_with_fields()
    {
        Host.Faults.Add(new FaultRule { Provider = "koyeb", Kind = FaultKind.Status, StatusCode = 400 });

        var (status, body) = await KoyebAsync(HttpMethod.Get, Snapshots);

        AssertError(400, "invalid_argument", status, body);
        Assert.Equal(System.Text.Json.JsonValueKind.Array, body.GetProperty("fields").ValueKind);
    }

    [Theory]
    [InlineData(502, 14)]
    [InlineData(504, 4)]
    [InlineData(402, 9)]
    public async Task Other_injected_statuses_are_google_rpc_status_bodies(int injected, int rpcCode)
    {
        Host.Faults.Add(new FaultRule { Provider = "koyeb", Kind = FaultKind.Status, StatusCode = injected });

        var (status, body) = await KoyebAsync(HttpMethod.Get, Snapshots);

        Assert.Equal(injected, status);
        Assert.Equal(rpcCode, body.GetProperty("code").GetInt32());
        Assert.False(body.TryGetProperty("status", out _));
        Assert.Equal(System.Text.Json.JsonValueKind.Array, body.GetProperty("details").ValueKind);
    }
}
