using System.Collections;
using SnapshotPS.Emulator;

namespace SnapshotPS.PowerShell.Tests.OpenStack;

/// <summary>Connect-SnapshotProvider -Provider OpenStack in a real runspace: the parameter sets resolve, the binder refuses what it should, no secret shows.</summary>
public sealed class OpenStackConnectParameterTests(PowerShellFixture fixture) : IClassFixture<PowerShellFixture>
{
    private Hashtable Variables() => new()
    {
        ["auth"] = fixture.Emulator.OpenStackAuthUrl,
        ["credential"] = new System.Management.Automation.PSCredential(OpenStackFake.DemoUserName, Secure(OpenStackFake.DemoPassword)),
        ["secret"] = Secure(OpenStackFake.DemoApplicationCredentialSecret),
        ["appId"] = OpenStackFake.DemoApplicationCredentialId,
        ["volume"] = fixture.Emulator.OpenStack.AddVolume(name: "ps-" + Guid.NewGuid().ToString("N")[..6]),
    };

    private static System.Security.SecureString Secure(string text)
    {
        var secure = new System.Security.SecureString();
        foreach (var c in text) secure.AppendChar(c);
        return secure;
    }

    [Fact]
    public void The_Credential_set_connects_with_a_password_and_the_SecretKey_set_with_an_application_credential()
    {
        using var session = fixture.NewSession();

        session.Run("Connect-SnapshotProvider OpenStack -Name pw -Endpoint $auth -Credential $credential -UserDomain Default -ProjectName demo -ProjectDomain default -Region RegionOne", Variables()).AssertSucceeded();
        session.Run("Connect-SnapshotProvider OpenStack -Name app -Endpoint $auth -ApplicationCredentialId $appId -SecretKey $secret -Region RegionTwo -Interface public", Variables()).AssertSucceeded();
        var made = session.Run("New-CloudSnapshot -Connection pw -VolumeId $volume -Name from-ps -Wait -Timeout 30", Variables()).AssertSucceeded();

        var connections = session.Run("Get-SnapshotProvider | Sort-Object Name").AssertSucceeded().Output;
        Assert.Equal(new[] { "RegionTwo", "RegionOne" }, connections.Select(c => (string)c.Properties["Location"].Value));
        Assert.Equal("Available", Assert.Single(made.Output).Properties["State"].Value.ToString());
        Assert.DoesNotContain(OpenStackFake.DemoPassword, string.Join("\n", session.Run("Get-SnapshotProvider | Format-List * | Out-String").AllText()));
    }

    [Theory]
    [InlineData("Connect-SnapshotProvider OpenStack -Cloud prod -Credential $credential", "AmbiguousParameterSet")]
    [InlineData("Connect-SnapshotProvider OpenStack -Endpoint $auth -Credential $credential -Interface outside", "ParameterArgumentValidationError")]
    [InlineData("Connect-SnapshotProvider OpenStack -Endpoint $auth -Credential $credential -ProjectName ''", "ParameterArgumentValidationError")]
    public void The_binder_refuses_conflicting_or_invalid_OpenStack_parameters(string script, string errorId)
    {
        using var session = fixture.NewSession();

        BindingScripts.AssertBindingError(session.Run(script, Variables()), errorId, "ConnectSnapshotProviderCommand");
    }

    [Fact]
    public void Cloud_is_another_name_for_Profile_and_a_missing_cloud_is_an_invalid_argument_naming_it()
    {
        using var session = fixture.NewSession();

        var result = session.Run("Connect-SnapshotProvider OpenStack -Cloud no-such-cloud-here", Variables());

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("ConnectSnapshotProviderInvalidArgument", error.FullyQualifiedErrorId);
        Assert.Contains("no-such-cloud-here", error.Exception.Message);
    }

    [Fact]
    public void A_scope_with_an_application_credential_is_refused_before_any_request()
    {
        using var session = fixture.NewSession();
        var before = fixture.RequestCount("openstack");

        var result = session.Run("Connect-SnapshotProvider OpenStack -Endpoint $auth -ApplicationCredentialId $appId -SecretKey $secret -ProjectName demo", Variables());

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("ConnectSnapshotProviderInvalidArgument", error.FullyQualifiedErrorId);
        Assert.Contains("-ProjectName", error.Exception.Message);
        Assert.Equal(before, fixture.RequestCount("openstack"));
        Assert.DoesNotContain(OpenStackFake.DemoApplicationCredentialSecret, string.Join("\n", result.AllText()));
    }
}
