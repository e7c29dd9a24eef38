using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers.Outscale;
using SnapshotPS.Emulator;

namespace SnapshotPS.Tests.Providers.Outscale;

/// <summary>Signature negatives, every error family, Outscale's throttling rule, and bad input before any request.</summary>
public class OutscaleFaultAndValidationTests(EmulatorFixture emulator) : EmulatorFaultTests(emulator)
{
    private string AnySnapshot() => Emulator.Outscale.SeedSnapshots(1)[0];

    private void Inject(FaultKind kind, string operation, int status = 503, int times = 1) =>
        Emulator.Host.Faults.Add(new FaultRule { Provider = "outscale", PathContains = "/" + operation, Kind = kind, StatusCode = status, Times = times });

    [Fact]
    public async Task AWrongSecretKeyIsRefusedAsAuthenticationFailure()
    {
        using var provider = new OutscaleProvider(Emulator.OutscaleSettings(secretKey: "WRONGSECRETWRONGSECRETWRONGSECRETWRONG00"), "bad");
        var failure = await Assert.ThrowsAsync<CloudApiException>(() => provider.GetSnapshotAsync(new SnapshotLocator(AnySnapshot()), CancellationToken.None));
        Assert.Equal(CloudErrorKind.Unauthenticated, failure.Kind);
        Assert.Equal(401, failure.StatusCode);
        Assert.Equal("1", failure.ErrorCode);
        Assert.DoesNotContain("WRONGSECRET", failure.ToString());
    }

    [Fact]
    public async Task AnUnknownAccessKeyIsRefused()
    {
        using var provider = new OutscaleProvider(Emulator.OutscaleSettings(accessKey: "AKUNKNOWN00000000000"), "bad");
        var failure = await Assert.ThrowsAsync<CloudApiException>(() => provider.GetSnapshotAsync(new SnapshotLocator(AnySnapshot()), CancellationToken.None));
        Assert.Equal(CloudErrorKind.Unauthenticated, failure.Kind);
    }

    [Fact]
    public async Task AClockOffByMoreThanTheAllowedSkewIsRefused()
    {
        var settings = Emulator.OutscaleSettings();
        settings.Clock = () => DateTime.UtcNow.AddMinutes(-20);
        using var provider = new OutscaleProvider(settings, "skewed");
        var failure = await Assert.ThrowsAsync<CloudApiException>(() => provider.GetSnapshotAsync(new SnapshotLocator(AnySnapshot()), CancellationToken.None));
        Assert.Equal(CloudErrorKind.Unauthenticated, failure.Kind);
    }

    [Fact]
    public async Task AClockOffByLessThanTheSkewIsAccepted()
    {
        var settings = Emulator.OutscaleSettings();
        settings.Clock = () => DateTime.UtcNow.AddMinutes(-5);
        using var provider = new OutscaleProvider(settings, "slightly-skewed");
        var id = AnySnapshot();
        Assert.Equal(id, (await provider.GetSnapshotAsync(new SnapshotLocator(id), CancellationToken.None)).Id);
    }

    [Fact]
    public async Task ABodyTamperedAfterSigningIsRefused()
    {
        var settings = Emulator.OutscaleSettings();
        using var provider = new OutscaleProvider(settings, "tampered", new TamperingHandler());
        var failure = await Assert.ThrowsAsync<CloudApiException>(() => provider.GetSnapshotAsync(new SnapshotLocator(AnySnapshot()), CancellationToken.None));
        Assert.Equal(CloudErrorKind.Unauthenticated, failure.Kind);
    }

    /// <summary>Changes the body after the signer has hashed it, as a man in the middle would.</summary>
    private sealed class TamperingHandler : DelegatingHandler
    {
        public TamperingHandler() => InnerHandler = new HttpClientHandler();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = await request.Content!.ReadAsStringAsync(cancellationToken);
            var contentType = request.Content.Headers.ContentType;
            request.Content = new StringContent(body.Replace("{", "{ "), System.Text.Encoding.UTF8);
            request.Content.Headers.ContentType = contentType;
            return await base.SendAsync(request, cancellationToken);
        }
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task ThrottlingIsRetriedEvenForACreateBecauseTheServerRefusedIt(int status)
    {
        var volume = Emulator.Outscale.AddVolume(1);
        using var provider = Emulator.OutscaleProvider();
        var before = Emulator.Outscale.SnapshotCount();
        var calls = Emulator.OutscaleCalls("CreateSnapshot");
        Inject(FaultKind.Status, "CreateSnapshot", status);

        await provider.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volume }, CancellationToken.None);

        Assert.Equal(calls + 2, Emulator.OutscaleCalls("CreateSnapshot"));
        Assert.Equal(before + 1, Emulator.Outscale.SnapshotCount());
    }

    [Fact]
    public async Task AServerErrorOnACreateIsRetriedUnderItsClientTokenAndMakesOneSnapshot()
    {
        var volume = Emulator.Outscale.AddVolume(1);
        using var provider = Emulator.OutscaleProvider();
        var calls = Emulator.OutscaleCalls("CreateSnapshot");
        Inject(FaultKind.Status, "CreateSnapshot", 500);

        var made = await provider.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volume }, CancellationToken.None);

        Assert.Equal(volume, made.VolumeId);
        Assert.Equal(calls + 2, Emulator.OutscaleCalls("CreateSnapshot"));
        Assert.Single(provider.ListSnapshotsAsync(new SnapshotQuery { VolumeId = volume }, CancellationToken.None).ToBlockingEnumerable());
    }

    [Fact]
    public async Task ReadsAreRetriedOnServerErrorsAndDroppedConnections()
    {
        var id = AnySnapshot();
        using var provider = Emulator.OutscaleProvider();
        Inject(FaultKind.Status, "ReadSnapshots", 500);
        Emulator.Host.Faults.Add(new FaultRule { Provider = "outscale", PathContains = "/ReadSnapshots", Kind = FaultKind.DropConnection, Times = 1 });

        Assert.Equal(id, (await provider.GetSnapshotAsync(new SnapshotLocator(id), CancellationToken.None)).Id);
    }

    [Fact]
    public async Task PersistentThrottlingEndsInATypedThrottledError()
    {
        var id = AnySnapshot();
        using var provider = Emulator.OutscaleProvider();
        Inject(FaultKind.Status, "ReadSnapshots", 429, int.MaxValue);

        var failure = await Assert.ThrowsAsync<CloudApiException>(() => provider.GetSnapshotAsync(new SnapshotLocator(id), CancellationToken.None));

        Assert.Equal(CloudErrorKind.Throttled, failure.Kind);
        Assert.Equal("24", failure.ErrorCode);
        Assert.True(failure.IsRetryable);
        Assert.NotNull(failure.RequestId);
    }

    [Fact]
    public async Task AnotherAccountsSnapshotIsNotFoundWhenDeleting()
    {
        Emulator.Outscale.AddAccount("AKOTHERACCOUNT000001", "SKOTHER0000000000000000000000000000000001", "999999999999");
        var theirs = Emulator.Outscale.SeedSnapshots(1, accountId: "999999999999")[0];
        using var provider = Emulator.OutscaleProvider();

        var failure = await Assert.ThrowsAsync<CloudApiException>(() => provider.DeleteSnapshotAsync(new SnapshotLocator(theirs), CancellationToken.None));

        Assert.Equal(CloudErrorKind.NotFound, failure.Kind);
        Assert.Equal("5054", failure.ErrorCode);
        Assert.True(Emulator.Outscale.SnapshotExists(theirs));
    }

    private async Task AssertRefusedBeforeAnyRequest(string parameter, string rule, Func<OutscaleProvider, Task> call)
    {
        using var provider = Emulator.OutscaleProvider();
        var before = Emulator.Host.Requests.Snapshot().Count(r => r.Provider == "outscale");
        var failure = await Assert.ThrowsAnyAsync<ArgumentException>(() => call(provider));
        Assert.Equal(parameter, failure.ParamName);
        Assert.Contains(rule, failure.Message);
        Assert.Equal(before, Emulator.Host.Requests.Snapshot().Count(r => r.Provider == "outscale"));
    }

    [Fact]
    public Task AMalformedSnapshotId() =>
        AssertRefusedBeforeAnyRequest("Id", "snap- and 8 lowercase hex digits", p => p.GetSnapshotAsync(new SnapshotLocator("snap-123456"), CancellationToken.None));

    [Fact]
    public Task AVolumeAndAnImportTogether() =>
        AssertRefusedBeforeAnyRequest("ImportUri", "not both", p => p.CreateSnapshotAsync(new CreateSnapshotRequest
        {
            VolumeId = "vol-12345678", ImportUri = new Uri("https://oos.example/b/k?Signature=x"), SizeBytes = 1 << 30,
        }, CancellationToken.None));

    [Fact]
    public Task ASizeWithoutAnImport() =>
        AssertRefusedBeforeAnyRequest("SizeBytes", "-ImportUri only", p => p.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = "vol-12345678", SizeBytes = 1 << 30 }, CancellationToken.None));

    [Fact]
    public Task AnImportWithoutASize() =>
        AssertRefusedBeforeAnyRequest("SizeBytes", "needs the size", p => p.CreateSnapshotAsync(new CreateSnapshotRequest { ImportUri = new Uri("https://oos.example/b/k") }, CancellationToken.None));

    [Theory]
    [InlineData(0L)]
    [InlineData(-5L)]
    [InlineData(20_000L << 30)]
    public Task ASizeNotAllowed(long size) =>
        AssertRefusedBeforeAnyRequest("SizeBytes", "is not allowed", p => p.CreateSnapshotAsync(new CreateSnapshotRequest { ImportUri = new Uri("https://oos.example/b/k"), SizeBytes = size }, CancellationToken.None));

    [Fact]
    public Task AnUnknownSourceRegion() =>
        AssertRefusedBeforeAnyRequest("SourceRegion", "not an Outscale region", p => p.CopySnapshotAsync(new CopySnapshotRequest(new SnapshotLocator("snap-12345678")) { SourceRegion = "mars-1" }, CancellationToken.None));

    [Fact]
    public Task AMalformedAccountId() =>
        AssertRefusedBeforeAnyRequest("AccountId", "12 digits", p => p.ChangePermissionsAsync(new SnapshotLocator("snap-12345678"), new PermissionChange(true, new[] { "12-34" }, false), CancellationToken.None));

    [Fact]
    public Task APageSizeOver1000() =>
        AssertRefusedBeforeAnyRequest("PageSize", "1 to 1000", p => Task.FromResult(p.ListSnapshotsAsync(new SnapshotQuery { PageSize = 1001 }, CancellationToken.None)));

    [Fact]
    public Task AMalformedExportTaskId() =>
        AssertRefusedBeforeAnyRequest("Id", "snap-export-", p => p.GetExportTaskAsync("snap-export-1", CancellationToken.None));

    [Fact]
    public void AnUnknownRegionIsRefusedWhenConnecting()
    {
        var settings = Emulator.OutscaleSettings();
        settings.Region = "eu-west-9";
        Assert.Equal("Region", Assert.ThrowsAny<ArgumentException>(() => new OutscaleProvider(settings, "x")).ParamName);
    }

    [Fact]
    public void AMissingSecretKeyIsRefusedWhenConnecting()
    {
        var settings = Emulator.OutscaleSettings();
        settings.SecretKey = null;
        Assert.Equal("SecretKey", Assert.ThrowsAny<ArgumentException>(() => new OutscaleProvider(settings, "x")).ParamName);
    }
}
