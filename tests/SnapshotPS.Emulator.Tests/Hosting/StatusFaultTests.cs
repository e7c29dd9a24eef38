namespace SnapshotPS.Emulator.Tests.Hosting;

/// <summary>Status faults: Outscale's throttling codes and a 503 that is not throttling, fractional Retry-After, answers replaced after the operation ran.</summary>
public sealed class StatusFaultTests : OutscaleTestBase
{
    [Fact]
    public async Task Outscale_429_with_code_25_is_per_call_throttling()
    {
        var volume = Outscale.AddVolume(10);
        Host.Faults.Add(new FaultRule { Provider = "outscale", Kind = FaultKind.Status, StatusCode = 429, ErrorCode = "25" });

        var (status, body) = await OscAsync("CreateSnapshot", $$"""{"VolumeId":"{{volume}}"}""");

        AssertError(status, body, 429, "25", "AccessDenied");
        Assert.Equal("Request rate exceeded.", body.GetProperty("Errors")[0].GetProperty("Details").GetString());
        Assert.Equal(0, Outscale.SnapshotCount());
    }

    [Fact]
    public async Task Outscale_503_with_another_code_is_not_throttling()
    {
        Host.Faults.Add(new FaultRule { Provider = "outscale", Kind = FaultKind.Status, StatusCode = 503, ErrorCode = "0" });

        var (status, body) = await OscAsync("ReadSnapshots");

        AssertError(status, body, 503, "0", "DefaultError");
        Assert.Equal("Service Unavailable.", body.GetProperty("Errors")[0].GetProperty("Details").GetString());
    }

    [Fact]
    public async Task Status_after_run_answers_the_error_although_the_snapshot_was_created()
    {
        var volume = Outscale.AddVolume(10);
        Host.Faults.Add(new FaultRule { Provider = "outscale", Kind = FaultKind.Status, StatusCode = 504, AfterRun = true, PathContains = "/CreateSnapshot" });

        var (status, body) = await OscAsync("CreateSnapshot", $$"""{"VolumeId":"{{volume}}"}""");

        AssertError(status, body, 504, "0", "DefaultError");
        Assert.Equal(1, Outscale.SnapshotCount());
    }

    [Theory]
    [InlineData("0.5")]
    [InlineData("1.25")]
    [InlineData("Wed, 21 Oct 2015 07:28:00 GMT")]
    public async Task Retry_after_text_is_sent_exactly_as_written(string retryAfter)
    {
        Host.Faults.Add(new FaultRule { Provider = "scaleway", Kind = FaultKind.Status, StatusCode = 429, RetryAfterText = retryAfter });

        using var response = await SendAsync(HttpMethod.Get, InstanceSnapshots);

        Assert.Equal(429, (int)response.StatusCode);
        Assert.Equal(retryAfter, Assert.Single(response.Headers.NonValidated["Retry-After"]));
    }

    [Fact]
    public async Task Scaleway_status_with_an_error_code_names_it_as_the_type()
    {
        Host.Faults.Add(new FaultRule { Provider = "scaleway", Kind = FaultKind.Status, StatusCode = 429, ErrorCode = "too_many_requests" });

        var (status, body) = await CallAsync(HttpMethod.Get, InstanceSnapshots);

        Assert.Equal(429, status);
        Assert.Equal("too_many_requests", body.GetProperty("type").GetString());
    }

    [Fact]
    public void Retry_after_text_must_be_a_header_value() =>
        Assert.Throws<ArgumentException>(() => Host.Faults.Add(new FaultRule { Kind = FaultKind.Status, RetryAfterText = "1\r\nX-Evil: 1" }));
}
