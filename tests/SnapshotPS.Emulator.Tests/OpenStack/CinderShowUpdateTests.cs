using System.Text.Json;

namespace SnapshotPS.Emulator.Tests.OpenStack;

/// <summary>GET and PUT /snapshots/{id}: the detail view with the extended attributes, updates of name and description, 404s.</summary>
public sealed class CinderShowUpdateTests : OpenStackTestBase
{
    [Fact]
    public async Task Show_has_the_extended_attributes()
    {
        var session = await CinderSessionAsync();
        var id = OpenStack.SeedSnapshots(OpenStack.AddVolume(), 1, "shown-")[0];

        var answer = await CinderAsync(session, HttpMethod.Get, "/snapshots/" + id, version: "3.41");

        Assert.Equal(200, answer.Status);
        var snapshot = answer.Body.GetProperty("snapshot");
        Assert.Equal("shown-0001", snapshot.GetProperty("name").GetString());
        Assert.Equal(OpenStackFake.DemoProjectId, snapshot.GetProperty("os-extended-snapshot-attributes:project_id").GetString());
        Assert.Equal("100%", snapshot.GetProperty("os-extended-snapshot-attributes:progress").GetString());
        Assert.Equal(OpenStackFake.DemoUserId, snapshot.GetProperty("user_id").GetString());
        Assert.False(snapshot.TryGetProperty("consumes_quota", out _));
    }

    [Fact]
    public async Task Unknown_or_another_projects_snapshot_gives_404_itemNotFound()
    {
        var session = await CinderSessionAsync();
        var foreign = OpenStack.SeedSnapshots(OpenStack.AddVolume(OpenStackFake.AdminProjectId), 1)[0];

        AssertCinderFault(await CinderAsync(session, HttpMethod.Get, "/snapshots/" + foreign), 404, "itemNotFound", $"Snapshot {foreign} could not be found.");
        AssertCinderFault(await CinderAsync(session, HttpMethod.Get, "/snapshots/nope"), 404, "itemNotFound", "Snapshot nope could not be found.");
    }

    [Fact]
    public async Task Update_name_and_description_answers_200_with_detail_view_and_updated_at()
    {
        var session = await CinderSessionAsync();
        var id = OpenStack.SeedSnapshots(OpenStack.AddVolume(), 1)[0];

        var answer = await CinderAsync(session, HttpMethod.Put, "/snapshots/" + id, """{"snapshot": {"name": "renamed", "description": "kept for audit"} }""");
        var shown = await CinderAsync(session, HttpMethod.Get, "/snapshots/" + id);

        Assert.Equal(200, answer.Status);
        var snapshot = answer.Body.GetProperty("snapshot");
        Assert.Equal("renamed", snapshot.GetProperty("name").GetString());
        Assert.Equal("kept for audit", snapshot.GetProperty("description").GetString());
        Assert.Equal("2026-03-01T12:00:00.000000", snapshot.GetProperty("updated_at").GetString());
        Assert.False(snapshot.TryGetProperty("os-extended-snapshot-attributes:project_id", out _));
        Assert.Equal("renamed", shown.Body.GetProperty("snapshot").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Update_with_display_names_and_null_description()
    {
        var session = await CinderSessionAsync();
        var id = OpenStack.SeedSnapshots(OpenStack.AddVolume(), 1)[0];

        var answer = await CinderAsync(session, HttpMethod.Put, "/snapshots/" + id, """{"snapshot": {"display_name": "legacy", "description": null} }""");

        Assert.Equal("legacy", answer.Body.GetProperty("snapshot").GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, answer.Body.GetProperty("snapshot").GetProperty("description").ValueKind);
    }

    [Theory]
    [InlineData("""{"snapshot": {} }""")]
    [InlineData("""{"snapshot": {"status": "available"} }""")]
    [InlineData("""{"snapshot": {"name": 5} }""")]
    [InlineData("""{"name": "x"}""")]
    public async Task Update_with_nothing_to_change_or_other_keys_gives_400(string body)
    {
        var session = await CinderSessionAsync();
        var id = OpenStack.SeedSnapshots(OpenStack.AddVolume(), 1)[0];

        AssertCinderFault(await CinderAsync(session, HttpMethod.Put, "/snapshots/" + id, body), 400, "badRequest");
    }

    [Fact]
    public async Task Unsupported_method_gives_405_badMethod()
    {
        var session = await CinderSessionAsync();

        AssertCinderFault(await CinderAsync(session, HttpMethod.Delete, "/snapshots"), 405, "badMethod");
    }
}
