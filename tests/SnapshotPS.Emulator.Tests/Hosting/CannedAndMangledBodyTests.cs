using System.Text.Json;

namespace SnapshotPS.Emulator.Tests.Hosting;

/// <summary>Bodies a client must not trust: gateway HTML, empty or {} answers, and real answers with ids, types or fields broken.</summary>
public sealed class CannedAndMangledBodyTests : EmulatorTestBase
{
    private string CreateBody => $$"""{"name":"canned","volume_id":"{{AddVolume()}}","project":"{{ScalewayFake.DefaultProjectId}}"}""";

    private async Task<JsonElement> MangledSnapshotAsync(BodyMangle mangle)
    {
        var id = Scaleway.SeedInstanceSnapshots(Zone, 1, "mangled-", AddVolume())[0];
        Host.Faults.Add(new FaultRule { Kind = FaultKind.MangledBody, Mangle = mangle });
        var (status, body) = await CallAsync(HttpMethod.Get, $"{InstanceSnapshots}/{id}");
        Assert.Equal(200, status);
        return body;
    }

    [Fact]
    public async Task Html_preset_answers_a_gateway_error_page_without_running_the_operation()
    {
        var (body, contentType) = CannedBodies.Preset("html")!.Value;
        Host.Faults.Add(new FaultRule { Kind = FaultKind.CannedBody, StatusCode = 502, Body = body, ContentType = contentType });

        using var response = await SendAsync(HttpMethod.Post, InstanceSnapshots, CreateBody);

        Assert.Equal(502, (int)response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("<!DOCTYPE html>", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, Scaleway.InstanceSnapshotCount(Zone));
    }

    [Fact]
    public async Task An_empty_200_has_no_bytes()
    {
        Host.Faults.Add(new FaultRule { Kind = FaultKind.CannedBody });

        using var response = await SendAsync(HttpMethod.Get, InstanceSnapshots);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(0, response.Content.Headers.ContentLength);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_canned_body_after_run_replaces_the_answer_of_an_operation_that_happened()
    {
        Host.Faults.Add(new FaultRule { Kind = FaultKind.CannedBody, Body = "{}", AfterRun = true, Method = "POST" });

        using var response = await SendAsync(HttpMethod.Post, InstanceSnapshots, CreateBody);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("{}", await response.Content.ReadAsStringAsync());
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, Scaleway.InstanceSnapshotCount(Zone));
    }

    [Fact]
    public void A_body_on_a_status_that_cannot_carry_one_is_refused() =>
        Assert.Throws<ArgumentException>(() => Host.Faults.Add(new FaultRule { Kind = FaultKind.CannedBody, StatusCode = 204, Body = "{}" }));

    [Fact]
    public async Task Null_ids_turns_every_id_into_null()
    {
        var body = await MangledSnapshotAsync(BodyMangle.NullIds);

        var snapshot = body.GetProperty("snapshot");
        Assert.Equal(JsonValueKind.Null, snapshot.GetProperty("id").ValueKind);
        Assert.Equal(JsonValueKind.Null, snapshot.GetProperty("base_volume").GetProperty("id").ValueKind);
        Assert.Equal("mangled-001", snapshot.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Wrong_types_swaps_strings_and_numbers()
    {
        var body = await MangledSnapshotAsync(BodyMangle.WrongTypes);

        var snapshot = body.GetProperty("snapshot");
        Assert.Equal(JsonValueKind.Number, snapshot.GetProperty("name").ValueKind);
        Assert.Equal(JsonValueKind.String, snapshot.GetProperty("size").ValueKind);
        Assert.Equal(JsonValueKind.Number, snapshot.GetProperty("id").ValueKind);
    }

    [Fact]
    public async Task Overflow_makes_every_number_too_big_for_64_bits()
    {
        var body = await MangledSnapshotAsync(BodyMangle.Overflow);

        var size = body.GetProperty("snapshot").GetProperty("size");
        Assert.Equal(JsonValueKind.Number, size.ValueKind);
        Assert.False(size.TryGetInt64(out _));
        Assert.False(size.TryGetUInt64(out _));
    }

    [Fact]
    public async Task Missing_fields_keeps_the_wrapper_and_empties_the_snapshot()
    {
        var body = await MangledSnapshotAsync(BodyMangle.MissingFields);

        Assert.Equal("{}", body.GetProperty("snapshot").GetRawText());
    }

    [Fact]
    public async Task Mangled_list_still_ran_and_has_one_entry_per_snapshot()
    {
        Scaleway.SeedInstanceSnapshots(Zone, 3, "listed-");
        Host.Faults.Add(new FaultRule { Kind = FaultKind.MangledBody, Mangle = BodyMangle.MissingFields });

        using var response = await SendAsync(HttpMethod.Get, InstanceSnapshots);
        var body = await JsonAsync(response);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(["{}", "{}", "{}"], body.GetProperty("snapshots").EnumerateArray().Select(item => item.GetRawText()));
        Assert.Equal("3", response.Headers.GetValues("X-Total-Count").Single());
    }
}
