namespace SnapshotPS.Emulator.Outscale.Api;

/// <summary>CreateTags and DeleteTags on snapshots, export tasks and volumes the caller owns (reference 4.8).</summary>
internal static class TagOperations
{
    private const int MaxLength = 255;

    private sealed record TagChange(string? Key, string? Value);

    public static OperationOutcome Create(OutscaleCall call) => Change(call, valueRequired: true, (tags, tag) => tags.Set(tag.Key!, tag.Value!));

    /// <summary>UNVERIFIED: as in EC2, Value is optional here; when given, only a tag with exactly that value goes.</summary>
    public static OperationOutcome Delete(OutscaleCall call) => Change(call, valueRequired: false, (tags, tag) => tags.Remove(tag.Key!, tag.Value));

    private static OperationOutcome Change(OutscaleCall call, bool valueRequired, Action<OutscaleTags, TagChange> apply)
    {
        var resourceIds = call.Body.Strings("ResourceIds");
        var tagReaders = call.Body.Objects("Tags");
        var tags = tagReaders?.Select(tag => new TagChange(tag.String("Key"), tag.String("Value"))).ToList();
        if (call.SchemaError() is { } schema)
        {
            return schema;
        }

        if (resourceIds is null or { Count: 0 } || tags is null or { Count: 0 })
        {
            return OutscaleErrors.Missing(resourceIds is null or { Count: 0 } ? "ResourceIds" : "Tags");
        }

        for (var i = 0; i < tags.Count; i++)
        {
            if (tags[i].Key is null || (valueRequired && tags[i].Value is null))
            {
                return OutscaleErrors.Missing(tagReaders![i].PathOf(tags[i].Key is null ? "Key" : "Value"));
            }
        }

        if ((CheckTagValues(tags, tagReaders!) ?? CheckIdFormats(resourceIds)) is { } malformed)
        {
            return malformed;
        }

        var store = call.Store;
        lock (store.Gate)
        {
            var resources = new List<ITaggable>();
            foreach (var id in resourceIds)
            {
                if (Find(call, id, out var resource) is { } missing)
                {
                    return missing;
                }

                resources.Add(resource!);
            }

            if (!call.DryRun)
            {
                foreach (var (resource, tag) in resources.SelectMany(resource => tags.Select(tag => (resource, tag))))
                {
                    apply(resource.Tags, tag);
                }
            }

            return OperationOutcome.Empty;
        }
    }

    private static OutscaleError? CheckTagValues(List<TagChange> tags, List<OutscaleRequest> readers)
    {
        for (var i = 0; i < tags.Count; i++)
        {
            if (tags[i].Key!.Length is 0 or > MaxLength)
            {
                return OutscaleErrors.InvalidTagKey(readers[i].PathOf("Key"));
            }

            if (tags[i].Value?.Length > MaxLength)
            {
                return OutscaleErrors.InvalidTagValue(readers[i].PathOf("Value"));
            }
        }

        return null;
    }

    /// <summary>snap-export- is tested before snap- because it starts with it.</summary>
    private static OutscaleError? CheckIdFormats(List<string> resourceIds)
    {
        for (var i = 0; i < resourceIds.Count; i++)
        {
            var id = resourceIds[i];
            var path = $"ResourceIds[{i}]";
            var error = PrefixOf(id) is { } prefix
                ? OutscaleIds.Check(path, id, prefix)
                : OutscaleErrors.InvalidIdPrefix(path, id, $"{OutscaleIds.Snapshot}, {OutscaleIds.ExportTask} or {OutscaleIds.Volume}");
            if (error is not null)
            {
                return error;
            }
        }

        return null;
    }

    private static string? PrefixOf(string id) =>
        new[] { OutscaleIds.ExportTask, OutscaleIds.Snapshot, OutscaleIds.Volume }
            .FirstOrDefault(prefix => id.StartsWith(prefix, StringComparison.Ordinal));

    private static OutscaleError? Find(OutscaleCall call, string id, out ITaggable? resource)
    {
        switch (PrefixOf(id))
        {
            case OutscaleIds.ExportTask:
                resource = call.Store.OwnExportTask(call.Account, id);
                return resource is null ? OutscaleErrors.NoSuchTask(id) : null;
            case OutscaleIds.Snapshot:
                resource = call.Store.OwnSnapshot(call.Account, id);
                return resource is null ? OutscaleErrors.NoSuchSnapshot(id) : null;
            default:
                resource = call.Store.OwnVolume(call.Account, id);
                return resource is null ? OutscaleErrors.NoSuchVolume(id) : null;
        }
    }
}
