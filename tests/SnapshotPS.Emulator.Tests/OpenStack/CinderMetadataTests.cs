namespace SnapshotPS.Emulator.Tests.OpenStack;

/// <summary>/snapshots/{id}/metadata: show, merge, replace, and one key's show, set and delete, with the reference's refusals.</summary>
public sealed class CinderMetadataTests : OpenStackTestBase
{
    private async Task<(CinderSession Session, string Id)> SnapshotWithMetadataAsync()
    {
        var session = await CinderSessionAsync();
        var id = OpenStack.SeedSnapshots(OpenStack.AddVolume(), 1, metadata: new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" })[0];
        return (session, id);
    }

    [Fact]
    public async Task Show_all_returns_the_metadata_object()
    {
        var (session, id) = await SnapshotWithMetadataAsync();

        var answer = await CinderAsync(session, HttpMethod.Get, $"/snapshots/{id}/metadata");

        Assert.Equal(200, answer.Status);
        Assert.Equal("""{"a":"1","b":"2"}""", System.Text.Json.JsonSerializer.Serialize(answer.Body.GetProperty("metadata")));
    }

    [Fact]
    public async Task Post_merges_and_returns_every_key()
    {
        var (session, id) = await SnapshotWithMetadataAsync();

        var answer = await CinderAsync(session, HttpMethod.Post, $"/snapshots/{id}/metadata", """{"metadata": {"b": "20", "c": "3"} }""");

        Assert.Equal(200, answer.Status);
        Assert.Equal("""{"a":"1","b":"20","c":"3"}""", System.Text.Json.JsonSerializer.Serialize(answer.Body.GetProperty("metadata")));
    }

    [Fact]
    public async Task Put_replaces_everything()
    {
        var (session, id) = await SnapshotWithMetadataAsync();

        var answer = await CinderAsync(session, HttpMethod.Put, $"/snapshots/{id}/metadata", """{"metadata": {"only": "this"}, "tolerated": true}""");
        var shown = await CinderAsync(session, HttpMethod.Get, $"/snapshots/{id}");

        Assert.Equal(200, answer.Status);
        Assert.Equal("""{"only":"this"}""", System.Text.Json.JsonSerializer.Serialize(shown.Body.GetProperty("snapshot").GetProperty("metadata")));
    }

    [Fact]
    public async Task One_key_show_set_and_delete()
    {
        var (session, id) = await SnapshotWithMetadataAsync();

        var shown = await CinderAsync(session, HttpMethod.Get, $"/snapshots/{id}/metadata/a");
        var set = await CinderAsync(session, HttpMethod.Put, $"/snapshots/{id}/metadata/new%20key", """{"meta": {"new key": "v"} }""");
        var deleted = await CinderAsync(session, HttpMethod.Delete, $"/snapshots/{id}/metadata/a");
        var all = await CinderAsync(session, HttpMethod.Get, $"/snapshots/{id}/metadata");

        Assert.Equal("1", shown.Body.GetProperty("meta").GetProperty("a").GetString());
        Assert.Equal(200, set.Status);
        Assert.Equal("v", set.Body.GetProperty("meta").GetProperty("new key").GetString());
        Assert.Equal(200, deleted.Status);
        Assert.Equal(default, deleted.Body.ValueKind);
        Assert.Equal("""{"b":"2","new key":"v"}""", System.Text.Json.JsonSerializer.Serialize(all.Body.GetProperty("metadata")));
    }

    [Fact]
    public async Task Missing_key_gives_404_on_show_and_delete()
    {
        var (session, id) = await SnapshotWithMetadataAsync();

        AssertCinderFault(await CinderAsync(session, HttpMethod.Get, $"/snapshots/{id}/metadata/zz"), 404, "itemNotFound", $"Snapshot {id} has no metadata with key zz.");
        AssertCinderFault(await CinderAsync(session, HttpMethod.Delete, $"/snapshots/{id}/metadata/zz"), 404, "itemNotFound");
    }

    [Theory]
    [InlineData("""{"meta": {"other": "v"} }""", "Request body and URI mismatch")]
    [InlineData("""{"meta": {"k": "v", "l": "w"} }""", "Request body contains too many items")]
    [InlineData("""{"metadata": {"k": "v"} }""", "Malformed request body")]
    public async Task Set_one_key_refusals(string body, string message)
    {
        var (session, id) = await SnapshotWithMetadataAsync();

        AssertCinderFault(await CinderAsync(session, HttpMethod.Put, $"/snapshots/{id}/metadata/k", body), 400, "badRequest", message);
    }

    [Theory]
    [InlineData("""{"metadata": {"": "v"} }""")]
    [InlineData("""{"metadata": {"slash/key": "v"} }""")]
    [InlineData("""{"metadata": {"k": 5} }""")]
    [InlineData("""{"metadata": ["k"]}""")]
    [InlineData("""{"meta": {"k": "v"} }""")]
    public async Task Bad_metadata_bodies_give_400(string body)
    {
        var (session, id) = await SnapshotWithMetadataAsync();

        AssertCinderFault(await CinderAsync(session, HttpMethod.Post, $"/snapshots/{id}/metadata", body), 400, "badRequest");
    }

    [Fact]
    public async Task Metadata_is_not_checked_against_status()
    {
        var session = await CinderSessionAsync();
        var id = OpenStack.SeedSnapshots(OpenStack.AddVolume(), 1, status: "creating")[0];

        Assert.Equal(200, (await CinderAsync(session, HttpMethod.Post, $"/snapshots/{id}/metadata", """{"metadata": {"k": "v"} }""")).Status);
    }
}
