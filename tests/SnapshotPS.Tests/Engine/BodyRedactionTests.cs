using System.Text;
using SnapshotPS.Core.Http;

namespace SnapshotPS.Tests.Engine;

/// <summary>What -Debug shows of a body: JSON with each kind of secret masked, and nothing of a body that is not JSON.</summary>
public sealed class BodyRedactionTests
{
    private static string Shown(string json, string? mediaType = "application/json") => BodyRedaction.Describe(Encoding.UTF8.GetBytes(json), mediaType);

    [Theory]
    [InlineData("Keystone password", """{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"demo","domain":{"name":"Default"},"password":"s3cr3t-pw"}}}}}""", "s3cr3t-pw")]
    [InlineData("Keystone application credential", """{"auth":{"identity":{"methods":["application_credential"],"application_credential":{"id":"appid-1","secret":"app-s3cr3t"}}}}""", "app-s3cr3t")]
    [InlineData("Keystone token", """{"auth":{"identity":{"methods":["token"],"token":{"id":"gAAAAABtokenvalue"}}}}""", "gAAAAABtokenvalue")]
    [InlineData("Outscale OsuApiKey", """{"SnapshotId":"snap-1","OsuExport":{"OsuBucket":"b","OsuApiKey":{"ApiKeyId":"AKBUCKETKEY","SecretKey":"osu-s3cr3t"}}}""", "osu-s3cr3t")]
    [InlineData("an access token", """{"access_token":"eyJhbGciOi.payload.sig","expires_in":3600}""", "eyJhbGciOi")]
    [InlineData("an API key", """{"api_key":"k-123456","name":"x"}""", "k-123456")]
    [InlineData("a secret key", """{"secret_key":"scw-s3cr3t","access_key":"SCWACCESS"}""", "scw-s3cr3t")]
    [InlineData("a pre-signed URL's signature", """{"FileLocation":"https://b.example/disk?X-Amz-Credential=AKID%2F1&X-Amz-Signature=abcdef0123&X-Amz-Expires=60"}""", "abcdef0123")]
    [InlineData("a legacy pre-signed URL", """{"url":"https://b.example/disk?AWSAccessKeyId=AKLEGACY&Signature=legacysig%3D&Expires=1"}""", "legacysig")]
    [InlineData("a URL's user info", """{"endpoint":"https://user:pa55word@host.example/v1"}""", "pa55word")]
    public void Each_kind_of_secret_is_masked(string kind, string json, string secret)
    {
        var shown = Shown(json);

        Assert.DoesNotContain(secret, shown, StringComparison.Ordinal);
        Assert.Contains(BodyRedaction.Mask, shown, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(kind));
    }

    [Fact]
    public void What_is_no_secret_stays_readable()
    {
        var shown = Shown("""{"Snapshots":[{"SnapshotId":"snap-1","Tags":[{"Key":"env","Value":"prod"}]}],"NextPageToken":"page-2","ClientToken":"ct-1","url":"https://h.example/a?b=1&c=2"}""");

        Assert.Equal("""{"Snapshots":[{"SnapshotId":"snap-1","Tags":[{"Key":"env","Value":"prod"}]}],"NextPageToken":"page-2","ClientToken":"ct-1","url":"https://h.example/a?b=1&c=2"}""", shown);
    }

    [Theory]
    [InlineData("password=hunter2&user=x", "application/x-www-form-urlencoded")]
    [InlineData("<Secret>hunter2</Secret>", "application/xml")]
    [InlineData("not json: hunter2", "application/json")]
    public void A_body_that_is_not_JSON_is_described_not_shown(string body, string mediaType)
    {
        var shown = Shown(body, mediaType);

        Assert.DoesNotContain("hunter2", shown, StringComparison.Ordinal);
        Assert.Contains("not shown", shown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_body_is_masked_whole_then_cut_and_the_rest_counted()
    {
        var items = string.Join(",", Enumerable.Range(1, 3_000).Select(i => "{\"id\":\"snap-" + i.ToString("D8", System.Globalization.CultureInfo.InvariantCulture) + "\",\"name\":\"nightly\"}"));
        var shown = Shown("{\"items\":[" + items + "],\"auth\":{\"password\":\"late-s3cr3t\"}}");

        Assert.Equal(BodyRedaction.MaxShownCharacters, shown.IndexOf("... (", StringComparison.Ordinal));
        Assert.Matches(@"\.\.\. \(\d+ more characters\)$", shown);
        Assert.DoesNotContain("late-s3cr3t", shown, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_body_says_so() => Assert.Equal("(no body)", BodyRedaction.Describe(ReadOnlyMemory<byte>.Empty, "application/json"));
}
