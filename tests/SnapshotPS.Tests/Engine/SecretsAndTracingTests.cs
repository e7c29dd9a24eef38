using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Http;

namespace SnapshotPS.Tests.Engine;

public class SecretsAndTracingTests
{
    [Fact]
    public void ASecretNeverShowsItselfAsText()
    {
        var secret = SecretValue.FromPlainText("11111111-1111-4111-8111-111111111111");
        Assert.DoesNotContain("1111", secret.ToString());
        Assert.DoesNotContain("1111", $"{secret}");
    }

    [Fact]
    public void ASecretFromASecureStringKeepsItsValue()
    {
        using var secure = new System.Security.SecureString();
        foreach (var c in "s3cr3t") secure.AppendChar(c);
        Assert.Equal("s3cr3t", SecretValue.FromSecureString(secure).Reveal());
    }

    [Fact]
    public void AnEmptySecretIsRefused() => Assert.Throws<ArgumentException>(() => SecretValue.FromPlainText(""));

    [Theory]
    [InlineData("https://h/x?token=abc&page=2", "https://h/x?token=***&page=2")]
    [InlineData("https://h/x?X-Amz-Signature=abc&X-Amz-Credential=AK%2F1", "https://h/x?X-Amz-Signature=***&X-Amz-Credential=***")]
    [InlineData("https://user:pass@h/x?page=1", "https://***@h/x?page=1")]
    [InlineData("https://h/snapshots?page=1&per_page=100", "https://h/snapshots?page=1&per_page=100")]
    public void RedactsCredentialsFromUrls(string url, string expected) => Assert.Equal(expected, HttpTrace.Redact(new Uri(url)));

    [Fact]
    public async Task TraceLinesGoToTheSinkOfTheCallingFlowOnly()
    {
        var mine = new List<string>();
        using (HttpTrace.Use(mine.Add))
        {
            HttpTrace.Write("inside");
            await Task.Run(() => HttpTrace.Write("child task"));
        }
        HttpTrace.Write("outside");
        Assert.Equal(new[] { "inside", "child task" }, mine);
    }
}
