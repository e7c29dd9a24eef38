using System.Collections;
using SnapshotPS.Emulator.Tests.Support;

namespace SnapshotPS.PowerShell.Tests;

/// <summary>Export -Wait, sharing by URL, import and cross-store copy through the real binder, pipeline and streams.</summary>
public sealed class ObjectStoragePipelineTests(StorageCloudsFixture clouds) : IClassFixture<StorageCloudsFixture>
{
    private static Hashtable Vars(params (string Name, object Value)[] values)
    {
        var table = new Hashtable();
        foreach (var (name, value) in values) table[name] = value;
        return table;
    }

    [Fact]
    public void Export_with_Wait_writes_the_object_found_in_the_bucket_after_the_task_progress()
    {
        var id = StorageCloudsFixture.Seed(clouds.CloudA, "ps-export", sizeGiB: 4);
        using var session = clouds.ConnectedSession();

        var result = session.Run("Export-CloudSnapshot -Connection a -Id $id -Bucket $bucket -Prefix ps/ -Wait",
            Vars(("id", id), ("bucket", S3rverFixture.Bucket))).AssertSucceeded();

        var export = Assert.Single(result.Output);
        Assert.Equal("SnapshotPS.Core.Storage.SnapshotExport", export.TypeNames[0]);
        Assert.Equal($"ps/{id}.qcow2", export.Properties["Key"].Value);
        Assert.Equal(S3rverFixture.Bucket, export.Properties["Bucket"].Value);
        Assert.Equal(4096L, export.Properties["SizeBytes"].Value);
        Assert.False(string.IsNullOrEmpty((string)export.Properties["ETag"].Value));
        Assert.Contains(result.Streams.Progress, p => p.Activity.StartsWith("Exporting snapshot " + id, StringComparison.Ordinal));
    }

    [Fact]
    public void An_export_piped_to_Grant_gives_a_url_plain_http_downloads_and_its_expiry()
    {
        var id = StorageCloudsFixture.Seed(clouds.CloudA, "ps-share");
        using var session = clouds.ConnectedSession();

        var result = session.Run(
            "Export-CloudSnapshot -Connection a -Id $id -Bucket $bucket -Wait | Grant-CloudSnapshotPermission -ExpiresIn (New-TimeSpan -Minutes 30)",
            Vars(("id", id), ("bucket", S3rverFixture.Bucket))).AssertSucceeded();

        var shared = Assert.Single(result.Output);
        Assert.Equal("SnapshotPS.Core.Storage.PresignedUrl", shared.TypeNames[0]);
        var expires = (DateTimeOffset)shared.Properties["ExpiresAt"].Value;
        Assert.InRange(expires - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(29), TimeSpan.FromMinutes(30));
        using var http = new HttpClient();
        var bytes = http.GetByteArrayAsync((Uri)shared.Properties["Url"].Value).GetAwaiter().GetResult();
        Assert.Equal(4096, bytes.Length);
        Assert.Equal((byte)'Q', bytes[0]);
    }

    [Fact]
    public void An_ExpiresIn_beyond_seven_days_is_an_argument_error_before_any_request()
    {
        using var session = clouds.ConnectedSession();
        clouds.CloudA.Requests.Clear();

        var result = session.Run($"Grant-CloudSnapshotPermission -Connection a -Bucket {S3rverFixture.Bucket} -Key any.qcow2 -ExpiresIn (New-TimeSpan -Days 8)");

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("GrantCloudSnapshotPermissionInvalidArgument,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("-ExpiresIn", error.Exception.Message);
        Assert.Empty(clouds.CloudA.Requests.Snapshot());
    }

    [Fact]
    public void An_export_piped_to_New_CloudSnapshot_binds_by_value_and_imports_back()
    {
        var id = StorageCloudsFixture.Seed(clouds.CloudA, "ps-import", sizeGiB: 6);
        using var session = clouds.ConnectedSession();

        var result = session.Run("Export-CloudSnapshot -Connection a -Id $id -Bucket $bucket -Wait | New-CloudSnapshot -Name ps-imported -Wait",
            Vars(("id", id), ("bucket", S3rverFixture.Bucket))).AssertSucceeded();

        var imported = Assert.Single(result.Output);
        Assert.Equal("ps-imported", imported.Properties["Name"].Value);
        Assert.Equal("a", imported.Properties["Connection"].Value);
        Assert.Equal(6L << 30, imported.Properties["SizeBytes"].Value);
        Assert.Equal("Available", imported.Properties["State"].Value.ToString());
    }

    [Fact]
    public void Copy_to_another_store_keeps_name_and_size_with_one_progress_bar()
    {
        var id = StorageCloudsFixture.Seed(clouds.CloudA, "ps-copy", sizeGiB: 9);
        using var session = clouds.ConnectedSession();

        var result = session.Run("Get-CloudSnapshot -Connection a -Id $id | Copy-CloudSnapshot -Destination b -Bucket $bucket -DestinationBucket $bucket",
            Vars(("id", id), ("bucket", S3rverFixture.Bucket))).AssertSucceeded();

        var copy = Assert.Single(result.Output);
        Assert.Equal(("ps-copy", "b", 9L << 30), ((string)copy.Properties["Name"].Value, (string)copy.Properties["Connection"].Value, (long)copy.Properties["SizeBytes"].Value));
        var bar = result.Streams.Progress.Where(p => p.Activity.Contains(id, StringComparison.Ordinal)).ToList();
        Assert.Single(bar.Select(p => p.ActivityId).Distinct());
        Assert.Equal(ProgressRecordType.Completed, bar[^1].RecordType);
        Assert.Contains(bar, p => p.StatusDescription.StartsWith("Step 3 of 5, ", StringComparison.Ordinal) || p.StatusDescription.StartsWith("Step 3 of 5:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_copy_failing_at_a_step_is_one_error_record_naming_the_step_and_what_it_left()
    {
        var first = StorageCloudsFixture.Seed(clouds.CloudA, "ps-copy-fails");
        var second = StorageCloudsFixture.Seed(clouds.CloudA, "ps-copy-fails");
        using var session = clouds.ConnectedSession();

        var result = session.Run("Get-CloudSnapshot -Connection a -Name ps-copy-fails | Copy-CloudSnapshot -Destination b -Bucket $bucket -DestinationBucket missing-bucket",
            Vars(("bucket", S3rverFixture.Bucket)));

        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, e =>
        {
            Assert.StartsWith("CopyCloudSnapshotNoSuchBucket,", e.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Equal(ErrorCategory.ObjectNotFound, e.CategoryInfo.Category);
            Assert.StartsWith("Step 3 of 5, copying", e.Exception.Message, StringComparison.Ordinal);
            Assert.Contains("Left behind: exported object", e.Exception.Message);
        });
        Assert.Contains(result.Errors, e => e.Exception.Message.Contains(first, StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Exception.Message.Contains(second, StringComparison.Ordinal));
        Assert.Empty(result.Output);
    }

    [Fact]
    public void Copy_WhatIf_names_the_snapshot_once_and_sends_nothing()
    {
        var id = StorageCloudsFixture.Seed(clouds.CloudA, "ps-whatif");
        var host = new ScriptedHost();
        using var session = clouds.ConnectedSession(host);
        var snapshot = session.Run("Get-CloudSnapshot -Connection a -Id $id", Vars(("id", id))).AssertSucceeded().Output.Single();
        clouds.CloudA.Requests.Clear();
        clouds.CloudB.Requests.Clear();

        var result = session.Run("$s | Copy-CloudSnapshot -Destination b -Bucket $bucket -DestinationBucket $bucket -WhatIf",
            Vars(("s", snapshot), ("bucket", S3rverFixture.Bucket))).AssertSucceeded();

        var line = Assert.Single(host.Lines, l => l.StartsWith("What if:", StringComparison.Ordinal));
        Assert.Contains($"\"ps-whatif ({id}) on a\"", line);
        Assert.Empty(result.Output);
        Assert.Empty(clouds.CloudA.Requests.Snapshot());
        Assert.Empty(clouds.CloudB.Requests.Snapshot());
    }

    [Fact]
    public void Get_SnapshotProvider_shows_the_storage_endpoint_and_no_stream_shows_a_storage_secret()
    {
        var id = StorageCloudsFixture.Seed(clouds.CloudA, "ps-secrets");
        using var session = clouds.ConnectedSession();

        var result = session.Run("""
            $VerbosePreference = 'Continue'; $DebugPreference = 'Continue'
            Get-SnapshotProvider -Name a | Format-List * | Out-String
            $other = [pscredential]::new('OTHERKEY', (ConvertTo-SecureString 'distinct-storage-secret-42' -AsPlainText -Force))
            Connect-SnapshotProvider -Provider Outscale -Name c -Region eu-west-2 -Credential ([pscredential]::new('AKEMULATOR0000000001', (ConvertTo-SecureString $secret -AsPlainText -Force))) -StorageEndpoint http://127.0.0.1:9/ -StorageCredential $other -PassThru -Verbose | Format-List * | Out-String
            Export-CloudSnapshot -Connection a -Id $id -Bucket $bucket -Wait -Debug | Grant-CloudSnapshotPermission | Out-String
            Copy-CloudSnapshot -Connection a -Id $id -Destination b -Bucket $bucket -DestinationBucket $bucket -Debug | Out-String
            """, Vars(("id", id), ("bucket", S3rverFixture.Bucket), ("secret", SnapshotPS.Emulator.OutscaleFake.DefaultSecretKey))).AssertSucceeded();

        Assert.Contains("OTHERKEY", string.Join("\n", result.Output));
        Assert.Matches($@"StorageEndpoint\s+: {System.Text.RegularExpressions.Regex.Escape(clouds.StoreA.ServiceUrl.ToString())}", string.Join("\n", result.Output));
        // s3rver's secret key equals its access key, which pre-signed URLs name by design: the distinct secret of "c" stands for it.
        SecretScan.AssertAbsent(result, "distinct-storage-secret-42", SnapshotPS.Emulator.OutscaleFake.DefaultSecretKey);
    }

    [Fact]
    public void An_export_table_fits_80_columns()
    {
        var id = StorageCloudsFixture.Seed(clouds.CloudA, "ps-view");
        using var session = clouds.ConnectedSession();
        var exports = session.Run("Export-CloudSnapshot -Connection a -Id $id -Bucket $bucket -Prefix nightly/ -Wait",
            Vars(("id", id), ("bucket", S3rverFixture.Bucket))).AssertSucceeded().Output;

        var rendered = session.Render(exports, width: 80);

        RenderedView.AssertNothingTruncated(rendered, width: 80);
        Assert.Contains("Connection", rendered);
        Assert.Contains(S3rverFixture.Bucket, RenderedView.LineWith(rendered, "nightly/"));
    }

    [Fact]
    public void New_CloudSnapshot_with_neither_a_volume_nor_an_import_names_both_before_any_request()
    {
        using var session = clouds.ConnectedSession();
        clouds.CloudA.Requests.Clear();

        var result = session.Run("New-CloudSnapshot -Name lonely -Connection a");

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("NewCloudSnapshotInvalidArgument,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains("-VolumeId", error.Exception.Message);
        Assert.Contains("-Bucket", error.Exception.Message);
        Assert.Empty(clouds.CloudA.Requests.Snapshot());
    }

    [Fact]
    public void Export_with_Wait_reports_the_task_until_it_completes_then_writes_the_object()
    {
        clouds.CloudA.Outscale.Timings.ExportDelay = TimeSpan.FromSeconds(3);
        try
        {
            var id = StorageCloudsFixture.Seed(clouds.CloudA, "ps-progress");
            using var session = clouds.ConnectedSession();

            var result = session.Run("Export-CloudSnapshot -Connection a -Id $id -Bucket $bucket -Wait",
                Vars(("id", id), ("bucket", S3rverFixture.Bucket))).AssertSucceeded();

            Assert.Equal($"{id}.qcow2", result.Output.Single().Properties["Key"].Value);
            var records = result.Streams.Progress.Where(p => p.Activity.StartsWith("Exporting snapshot " + id, StringComparison.Ordinal)).ToList();
            Assert.Contains(records, r => r.RecordType == ProgressRecordType.Processing && !r.StatusDescription.StartsWith("Completed", StringComparison.Ordinal));
            Assert.Contains(records, r => r.RecordType == ProgressRecordType.Processing && r.StatusDescription.StartsWith("Completed", StringComparison.Ordinal));
            Assert.Equal(ProgressRecordType.Completed, records[^1].RecordType);
        }
        finally
        {
            clouds.CloudA.Outscale.Timings.ExportDelay = TimeSpan.Zero;
        }
    }
}
