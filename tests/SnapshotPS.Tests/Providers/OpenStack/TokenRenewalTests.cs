using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers.OpenStack;

namespace SnapshotPS.Tests.Providers.OpenStack;

/// <summary>The token is renewed shortly before it expires, and once, never in a loop, when Cinder refuses it.</summary>
public class TokenRenewalTests
{
    private const string Id = "2c228773-50eb-422d-be7e-b5c6ced0c7a9";

    private static Task ShowAsync(OpenStackProvider provider) => provider.GetSnapshotAsync(new SnapshotLocator(Id), CancellationToken.None);

    [Fact]
    public async Task A_token_is_kept_while_valid_and_renewed_a_few_minutes_before_it_expires()
    {
        var now = DateTimeOffset.UtcNow;
        await using var stub = await StubOpenStack.StartAsync((context, _) => StubServer.JsonAsync(context, $$"""{"snapshot": {{StubOpenStack.Snapshot(Id)}}}"""));
        using var provider = new OpenStackProvider(stub.Settings(() => now), "os");

        await ShowAsync(provider);
        now += TimeSpan.FromMinutes(50);
        await ShowAsync(provider);
        Assert.Equal(1, stub.TokensIssued);

        now += TimeSpan.FromMinutes(6); // 56 minutes into a 60-minute token: inside the 5-minute margin
        await ShowAsync(provider);

        Assert.Equal(2, stub.TokensIssued);
        Assert.Equal(3, stub.CinderRequests.Count);
    }

    [Fact]
    public async Task A_short_token_is_renewed_halfway_through_its_life()
    {
        var now = DateTimeOffset.UtcNow;
        await using var stub = await StubOpenStack.StartAsync((context, _) => StubServer.JsonAsync(context, $$"""{"snapshot": {{StubOpenStack.Snapshot(Id)}}}"""));
        stub.TokenLifetime = TimeSpan.FromMinutes(4);
        using var provider = new OpenStackProvider(stub.Settings(() => now), "os");

        await ShowAsync(provider);
        now += TimeSpan.FromMinutes(1.5);
        await ShowAsync(provider);
        now += TimeSpan.FromMinutes(1);
        await ShowAsync(provider);

        Assert.Equal(2, stub.TokensIssued);
    }

    [Fact]
    public async Task A_401_from_Cinder_renews_the_token_once_and_the_request_succeeds()
    {
        await using var stub = await StubOpenStack.StartAsync((context, token) => token == "tok-1"
            ? StubOpenStack.UnauthorizedAsync(context)
            : StubServer.JsonAsync(context, $$"""{"snapshot": {{StubOpenStack.Snapshot(Id)}}}"""));
        using var provider = new OpenStackProvider(stub.Settings(), "os");

        var snapshot = await provider.GetSnapshotAsync(new SnapshotLocator(Id), CancellationToken.None);

        Assert.Equal(Id, snapshot.Id);
        Assert.Equal(2, stub.TokensIssued);
        Assert.Equal(2, stub.CinderRequests.Count);
    }

    [Fact]
    public async Task A_Cinder_that_keeps_answering_401_gets_one_renewal_and_then_an_unauthenticated_error_not_a_loop()
    {
        await using var stub = await StubOpenStack.StartAsync((context, _) => StubOpenStack.UnauthorizedAsync(context));
        using var provider = new OpenStackProvider(stub.Settings(), "os");

        var failure = await Assert.ThrowsAsync<CloudApiException>(() => ShowAsync(provider));

        Assert.Equal(CloudErrorKind.Unauthenticated, failure.Kind);
        Assert.Equal("error", failure.ErrorCode);
        Assert.Contains("requires authentication", failure.Message);
        Assert.Equal(2, stub.TokensIssued);
        Assert.Equal(2, stub.CinderRequests.Count);
    }

    [Fact]
    public async Task Requests_refused_together_share_one_renewal()
    {
        await using var stub = await StubOpenStack.StartAsync((context, token) => token == "tok-1"
            ? StubOpenStack.UnauthorizedAsync(context)
            : StubServer.JsonAsync(context, $$"""{"snapshot": {{StubOpenStack.Snapshot(Id)}}}"""));
        using var provider = new OpenStackProvider(stub.Settings(), "os");
        await provider.Session.GetAsync(CancellationToken.None);

        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => ShowAsync(provider)));

        Assert.Equal(2, stub.TokensIssued);
    }

    [Fact]
    public async Task The_password_never_shows_in_errors_or_in_the_settings()
    {
        await using var stub = await StubOpenStack.StartAsync((context, _) => StubOpenStack.UnauthorizedAsync(context));
        var settings = stub.Settings();
        using var provider = new OpenStackProvider(settings, "os");

        var failure = await Assert.ThrowsAsync<CloudApiException>(() => ShowAsync(provider));

        Assert.Contains(StubOpenStack.Password, stub.TokenBodies.First()); // it was sent to Keystone, and only there
        Assert.DoesNotContain(StubOpenStack.Password, failure.ToString());
        Assert.DoesNotContain("tok-", failure.ToString());
        Assert.DoesNotContain(StubOpenStack.Password, settings.Password!.ToString());
    }

    [Fact]
    public async Task A_renewal_that_Keystone_refuses_is_reported_as_Keystones_refusal_not_as_a_network_fault()
    {
        await using var stub = await StubOpenStack.StartAsync((context, _) => StubOpenStack.UnauthorizedAsync(context));
        stub.RefuseLoginsFrom = 2;
        using var provider = new OpenStackProvider(stub.Settings(), "os");

        var failure = await Assert.ThrowsAsync<CloudApiException>(() => ShowAsync(provider));

        Assert.Equal((CloudErrorKind.Unauthenticated, "req-keystone-refused"), (failure.Kind, failure.RequestId));
        Assert.Contains("Keystone", failure.Message);
        Assert.Contains("refused the login of user 'alice'", failure.Message);
        Assert.Single(stub.CinderRequests);
    }

    [Fact]
    public async Task A_renewal_due_by_the_clock_that_Keystone_refuses_is_Keystones_refusal_too()
    {
        var now = DateTimeOffset.UtcNow;
        await using var stub = await StubOpenStack.StartAsync((context, _) => StubServer.JsonAsync(context, $$"""{"snapshot": {{StubOpenStack.Snapshot(Id)}}}"""));
        using var provider = new OpenStackProvider(stub.Settings(() => now), "os");
        await ShowAsync(provider);
        stub.RefuseLoginsFrom = 2;
        now += TimeSpan.FromHours(2);

        var failure = await Assert.ThrowsAsync<CloudApiException>(() => ShowAsync(provider));

        Assert.Equal(CloudErrorKind.Unauthenticated, failure.Kind);
        Assert.Contains("refused the login", failure.Message);
    }
}
