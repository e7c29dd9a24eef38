using System.Text;
using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Providers.Outscale;

namespace SnapshotPS.Tests.Providers.Outscale;

/// <summary>AWS's published SigV4 test suite (credentials AKIDEXAMPLE, 2015-08-30T12:36:00Z, us-east-1, service "service").</summary>
public class SigV4SignerTests
{
    private static readonly SigV4Signer Example = new("AKIDEXAMPLE", SecretValue.FromPlainText("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"), "us-east-1", "service");
    private static readonly DateTime SignedAt = new(2015, 8, 30, 12, 36, 0, DateTimeKind.Utc);
    private const string Prefix = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, ";

    private static Dictionary<string, string> HostAndDate() => new() { ["Host"] = "example.amazonaws.com", ["X-Amz-Date"] = "20150830T123600Z" };

    [Theory]
    [InlineData("get-vanilla", "GET", "https://example.amazonaws.com/", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")]
    [InlineData("get-vanilla-query-order-key-case", "GET", "https://example.amazonaws.com/?Param2=value2&Param1=value1", "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500")]
    [InlineData("post-vanilla", "POST", "https://example.amazonaws.com/", "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b")]
    public void SignsLikeTheAwsTestSuite(string vector, string method, string url, string signature)
    {
        var authorization = Example.Authorize(method, new Uri(url), HostAndDate(), Array.Empty<byte>(), SignedAt);
        Assert.True(authorization == Prefix + "SignedHeaders=host;x-amz-date, Signature=" + signature, vector + ": " + authorization);
    }

    [Fact]
    public void SignsABodyLikeTheAwsTestSuitePostXWwwFormUrlencoded()
    {
        var headers = HostAndDate();
        headers["Content-Type"] = "application/x-www-form-urlencoded";
        var authorization = Example.Authorize("POST", new Uri("https://example.amazonaws.com/"), headers, Encoding.UTF8.GetBytes("Param1=value1"), SignedAt);
        Assert.Equal(Prefix + "SignedHeaders=content-type;host;x-amz-date, Signature=ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a", authorization);
    }

    [Fact]
    public void AChangedBodyChangesTheSignature()
    {
        var a = Example.Authorize("POST", new Uri("https://example.amazonaws.com/"), HostAndDate(), Encoding.UTF8.GetBytes("{}"), SignedAt);
        var b = Example.Authorize("POST", new Uri("https://example.amazonaws.com/"), HostAndDate(), Encoding.UTF8.GetBytes("{ }"), SignedAt);
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void TheSecretNeverAppearsInTheHeader() =>
        Assert.DoesNotContain("wJalrXUtnFEMI", Example.Authorize("GET", new Uri("https://example.amazonaws.com/"), HostAndDate(), Array.Empty<byte>(), SignedAt));
}
