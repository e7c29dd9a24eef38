using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers;
using Case = SnapshotPS.Reliability.MalformedInputMatrix.Case;

namespace SnapshotPS.Reliability;

/// <summary>The malformed inputs, per provider, from the references' id formats and limits.</summary>
public static class MalformedInputs
{
    private const string Uuid = "0e4ac9d0-5b5c-4c4b-9c3e-7d1f2a3b4c5d";

    private static readonly string[] ScalewayIds =
    [
        "", " ", "abc", Uuid[..35], Uuid + "d", Uuid + "\n", " " + Uuid, Uuid + " ", "{" + Uuid + "}", Uuid.Replace("-", "", StringComparison.Ordinal),
        "zzzzzzzz" + Uuid[8..], "../../etc/passwd", Uuid + "/x", Uuid[..34] + "%2F", "snap-1234abcd",
    ];

    private static readonly string[] OutscaleSnapshotIds =
    [
        "", " ", "snap-", "snap-1234567", "snap-123456789", "SNAP-1234abcd", "snap-1234ABCD", "snap-1234abcg", "snap-1234abcd\n",
        " snap-1234abcd", "snap-1234abcd ", "vol-1234abcd", "snap-export-1234abcd", "snap_1234abcd", "snap-1234\u00e9bcd", "snap-1234abcd/../x",
    ];

    private static readonly string[] OutscaleVolumeIds =
        ["", "vol-", "vol-1234567", "VOL-1234abcd", "vol-1234ABCD", "vol-1234abcd\n", "snap-1234abcd", "vol-1234abcg"];

    private static readonly (string What, Action<ConnectionSettings> Adjust)[] Settings =
    [
        ("MaxRetries -1", s => s.Http.MaxRetries = -1),
        ("MaxRetries 1000", s => s.Http.MaxRetries = 1000),
        ("AttemptTimeout 0", s => s.Http.AttemptTimeout = TimeSpan.Zero),
        ("AttemptTimeout -1 s", s => s.Http.AttemptTimeout = TimeSpan.FromSeconds(-1)),
        ("TotalTimeout 0", s => s.Http.TotalTimeout = TimeSpan.Zero),
        ("BaseDelay -1 ms", s => s.Http.BaseDelay = TimeSpan.FromMilliseconds(-1)),
        ("MaxRetryAfter -1 s", s => s.Http.MaxRetryAfter = TimeSpan.FromSeconds(-1)),
        ("PollInterval 0", s => s.PollInterval = TimeSpan.Zero),
        ("PollInterval -1 s", s => s.PollInterval = TimeSpan.FromSeconds(-1)),
    ];

    public static IReadOnlyList<Case> For(MatrixTarget target, string volume, string existing)
    {
        var outscale = target.Name == "outscale";
        var location = target.Location;
        var cases = new List<Case>();
        var badIds = outscale ? OutscaleSnapshotIds : ScalewayIds;
        foreach (var id in badIds)
        {
            var shown = Show(id);
            cases.Add(new($"get {shown}", (p, t) => p.GetSnapshotAsync(new SnapshotLocator(id, location), t)));
            cases.Add(new($"delete {shown}", (p, t) => p.DeleteSnapshotAsync(new SnapshotLocator(id, location), t)));
            cases.Add(new($"rename {shown}", (p, t) => p.UpdateSnapshotAsync(new UpdateSnapshotRequest(new SnapshotLocator(id, location)) { Name = "x" }, t)));
            if (outscale)
            {
                cases.Add(new($"copy {shown}", (p, t) => p.CopySnapshotAsync(new CopySnapshotRequest(new SnapshotLocator(id)), t)));
                cases.Add(new($"share {shown}", (p, t) => p.ChangePermissionsAsync(new SnapshotLocator(id), new PermissionChange(true, ["123456789012"], false), t)));
            }
        }

        string[] badLocations = outscale
            ? ["eu-west-9", "EU-WEST-2", "eu-west-2 ", "eu-west-2\n", "us-east-2", ""]
            : ["fr-par-9", "FR-PAR-1", "fr-par-1 ", "fr-par-1\n", "eu-west-2", ""];
        foreach (var bad in badLocations)
        {
            var shown = Show(bad);
            cases.Add(new($"list in {shown}", (p, t) => ListAsync(p, new SnapshotQuery { Location = bad }, t)));
            cases.Add(new($"get in {shown}", (p, t) => p.GetSnapshotAsync(new SnapshotLocator(existing, bad), t)));
            cases.Add(new($"create in {shown}", (p, t) => p.CreateSnapshotAsync(new CreateSnapshotRequest { Location = bad, VolumeId = volume }, t)));
            cases.Add(new($"delete in {shown}", (p, t) => p.DeleteSnapshotAsync(new SnapshotLocator(existing, bad), t)));
        }

        foreach (var bad in outscale ? OutscaleVolumeIds : ScalewayIds.Take(8))
        {
            cases.Add(new($"create of volume {Show(bad)}", (p, t) => p.CreateSnapshotAsync(new CreateSnapshotRequest { Location = location, VolumeId = bad }, t)));
            cases.Add(new($"list of volume {Show(bad)}", (p, t) => ListAsync(p, new SnapshotQuery { Location = location, VolumeId = bad }, t)));
        }

        foreach (var size in new[] { 0, -1, outscale ? 1001 : 101, int.MaxValue, int.MinValue })
        {
            cases.Add(new($"list {size} a page", (p, t) => ListAsync(p, new SnapshotQuery { Location = location, PageSize = size }, t)));
        }

        string[] badNames = outscale ? ["", "   ", new string('n', 256)] : ["", "   ", "\t"];
        foreach (var name in badNames)
        {
            cases.Add(new($"create named {Show(name)}", (p, t) => p.CreateSnapshotAsync(new CreateSnapshotRequest { Location = location, VolumeId = volume, Name = name }, t)));
            cases.Add(new($"rename to {Show(name)}", (p, t) => p.UpdateSnapshotAsync(new UpdateSnapshotRequest(new SnapshotLocator(existing, location)) { Name = name }, t)));
        }

        Dictionary<string, string>[] badTags = outscale
            ? [new() { [""] = "v" }, new() { [new string('k', 256)] = "v" }, new() { ["k"] = new string('v', 256) }]
            : [new() { ["env=prod"] = "x" }, new() { ["a="] = "b" }, new() { ["="] = "" }];
        foreach (var tags in badTags)
        {
            var shown = string.Join(",", tags.Select(tag => $"{Show(tag.Key)}={Show(tag.Value)}"));
            cases.Add(new($"create tagged {shown}", (p, t) => p.CreateSnapshotAsync(new CreateSnapshotRequest { Location = location, VolumeId = volume, Tags = tags }, t)));
            cases.Add(new($"retag with {shown}", (p, t) => p.UpdateSnapshotAsync(new UpdateSnapshotRequest(new SnapshotLocator(existing, location)) { Tags = tags }, t)));
        }

        cases.AddRange(outscale ? OutscaleOnly(volume, existing) : ScalewayOnly(location!, volume, existing));
        foreach (var (what, adjust) in Settings)
        {
            cases.Add(new($"connection with {what}", (p, t) => p.GetSnapshotAsync(new SnapshotLocator(existing, location), t), adjust));
        }

        return cases;
    }

    private static IEnumerable<Case> OutscaleOnly(string volume, string existing)
    {
        foreach (var account in new[] { "12345678901", "1234567890123", "abcdefghijkl", "123456789012\n", "" })
        {
            yield return new($"share with account {Show(account)}", (p, t) => p.ChangePermissionsAsync(new SnapshotLocator(existing), new PermissionChange(true, [account], false), t));
        }

        yield return new("share with nobody", (p, t) => p.ChangePermissionsAsync(new SnapshotLocator(existing), new PermissionChange(true, [], false), t));
        foreach (var size in new[] { 0L, -1L, long.MaxValue })
        {
            yield return new($"import of {size} bytes", (p, t) => p.CreateSnapshotAsync(new CreateSnapshotRequest { ImportUri = new Uri("https://oos.example/b/k.qcow2"), SizeBytes = size }, t));
        }

        foreach (var uri in new[] { "ftp://oos.example/b/k.qcow2", "file:///etc/passwd" })
        {
            yield return new($"import from {uri}", (p, t) => p.CreateSnapshotAsync(new CreateSnapshotRequest { ImportUri = new Uri(uri), SizeBytes = 1 << 30 }, t));
        }

        yield return new("import and volume together", (p, t) => p.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = volume, ImportUri = new Uri("https://oos.example/b/k"), SizeBytes = 1 << 30 }, t));
        yield return new("copy from region eu-west-9", (p, t) => p.CopySnapshotAsync(new CopySnapshotRequest(new SnapshotLocator(existing)) { SourceRegion = "eu-west-9" }, t));
    }

    private static IEnumerable<Case> ScalewayOnly(string zone, string volume, string existing)
    {
        yield return new("copy (not supported)", (p, t) => p.CopySnapshotAsync(new CopySnapshotRequest(new SnapshotLocator(existing, zone)), t));
        yield return new("share (not supported)", (p, t) => p.ChangePermissionsAsync(new SnapshotLocator(existing, zone), new PermissionChange(true, ["123456789012"], false), t));
        foreach (var bucket in new[] { "Bucket", "b", "bucket_1", "-bucket", "10.0.0.1", "bucket..x", new string('b', 64) })
        {
            yield return new($"export to bucket {Show(bucket)}", (p, t) => p.ExportSnapshotAsync(new ExportSnapshotRequest(new SnapshotLocator(existing, zone), bucket), t));
        }

        yield return new("export as raw (not offered)", (p, t) => p.ExportSnapshotAsync(new ExportSnapshotRequest(new SnapshotLocator(existing, zone), "bucket") { Format = DiskImageFormat.Raw }, t));
        yield return new("export with a key of 1,025 bytes", (p, t) => p.ExportSnapshotAsync(new ExportSnapshotRequest(new SnapshotLocator(existing, zone), "bucket") { Key = new string('k', 1025) }, t));
        yield return new("import of 1,000 bytes (not a multiple of 512)", (p, t) => p.CreateSnapshotAsync(new CreateSnapshotRequest { Location = zone, ImportBucket = "bucket", ImportKey = "k.qcow2", SizeBytes = 1000 }, t));
        yield return new("create with a description (not supported)", (p, t) => p.CreateSnapshotAsync(new CreateSnapshotRequest { Location = zone, VolumeId = volume, Description = "d" }, t));
        yield return new("import from a URL (Scaleway imports from a bucket)", (p, t) => p.CreateSnapshotAsync(new CreateSnapshotRequest { Location = zone, ImportUri = new Uri("https://s3.example/b/k"), SizeBytes = 1 << 30 }, t));
    }

    private static async Task ListAsync(ISnapshotProvider provider, SnapshotQuery query, CancellationToken token)
    {
        await foreach (var _ in provider.ListSnapshotsAsync(query, token))
        {
        }
    }

    private static string Show(string value) => value.Length > 40 ? $"'{value[..12]}...' ({value.Length} chars)" : "'" + value.Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal) + "'";
}
