using System.Text;

namespace SnapshotPS.Emulator.Tests.Outscale;

public sealed class OutscaleRoutingTests : OutscaleTestBase
{
    [Fact]
    public void Endpoint_is_the_base_address_plus_outscale_api_v1()
    {
        Assert.Equal(Host.BaseAddress + "outscale/api/v1", Host.OutscaleEndpoint.ToString());
    }

    [Fact]
    public async Task Success_is_200_json_with_a_fresh_request_id_each_time()
    {
        using var content = new StringContent("{}", Encoding.UTF8, "application/json");
        using var first = await Osc.PostAsync("ReadSnapshots", content);
        var second = await OkAsync("ReadSnapshots");
        var firstBody = await JsonAsync(first);

        Assert.Equal(200, (int)first.StatusCode);
        Assert.Equal("application/json", first.Content.Headers.ContentType!.MediaType);
        AssertRequestId(firstBody);
        Assert.NotEqual(
            firstBody.GetProperty("ResponseContext").GetProperty("RequestId").GetString(),
            second.GetProperty("ResponseContext").GetProperty("RequestId").GetString());
    }

    [Fact]
    public async Task Empty_body_reads_as_an_empty_object()
    {
        Outscale.SeedSnapshots(2);
        using var content = new ByteArrayContent([]);
        content.Headers.ContentType = new("application/json");

        using var response = await Osc.PostAsync("ReadSnapshots", content);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(2, (await JsonAsync(response)).GetProperty("Snapshots").GetArrayLength());
    }

    [Fact]
    public async Task Unknown_operation_is_the_errors_pages_generic_400_code_0()
    {
        var (status, body) = await OscAsync("ReadVolumesOfTheMoon");

        AssertError(status, body, 400, "0", "DefaultError");
    }

    [Fact]
    public async Task Unknown_path_under_the_prefix_is_the_errors_pages_generic_400_code_0()
    {
        using var client = Track(new HttpClient());

        using var response = await client.GetAsync(new Uri(Host.BaseAddress, "outscale/nothing/here"));

        AssertError((int)response.StatusCode, await JsonAsync(response), 400, "0", "DefaultError");
    }

    [Fact]
    public async Task Get_on_an_operation_is_the_errors_pages_generic_400_code_0_which_lists_no_405_any_more()
    {
        using var response = await Osc.GetAsync("ReadSnapshots");

        AssertError((int)response.StatusCode, await JsonAsync(response), 400, "0", "DefaultError");
    }

    [Theory]
    [InlineData("ReadSnapshots", """{"Filters":null}""", "Filters")]
    [InlineData("ReadSnapshots", """{"Filters":{"SnapshotIds":null}}""", "Filters.SnapshotIds")]
    [InlineData("DeleteSnapshot", """{"SnapshotId":null}""", "SnapshotId")]
    [InlineData("CreateSnapshot", """{"VolumeId":"vol-12345678","Description":null}""", "Description")]
    public async Task A_null_member_is_a_wrong_type_4110_as_no_member_of_the_spec_is_nullable(string operation, string json, string member)
    {
        var (status, body) = await OscAsync(operation, json);

        AssertError(status, body, 400, "4110", "InvalidParameterValue");
        Assert.Contains(member, body.GetProperty("Errors")[0].GetProperty("Details").GetString());
    }

    [Fact]
    public async Task Body_that_is_not_a_json_object_is_400_code_4110()
    {
        await AssertErrorAsync("ReadSnapshots", "[1,2]", 400, "4110", "InvalidParameterValue");
        await AssertErrorAsync("ReadSnapshots", "{\"Filters\":", 400, "4110", "InvalidParameterValue");
    }
}
