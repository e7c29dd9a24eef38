using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Model;
using SnapshotPS.Core.Providers;
using SnapshotPS.Pipeline;

namespace SnapshotPS.Operations;

public sealed class SetSnapshotRequest
{
    public SnapshotTarget Target { get; init; } = new();
    public string? Name { get; init; }
    public string? Description { get; init; }

    /// <summary>Replaces every tag.</summary>
    public IDictionary? Tags { get; init; }
    public IDictionary? AddTags { get; init; }
    public IReadOnlyList<string>? RemoveTags { get; init; }
    public bool PassThru { get; init; }
}

/// <summary>Set-CloudSnapshot: renames and retags; -AddTag/-RemoveTag merge with the snapshot's current tags.</summary>
public sealed class SetSnapshotOperation : SnapshotOperation
{
    public SetSnapshotOperation(ConnectionRegistry connections, ICmdletContext context)
        : base(connections, context, "SetCloudSnapshot")
    {
    }

    public Task ProcessAsync(SetSnapshotRequest request, CancellationToken cancellationToken) =>
        ForItemAsync(request.Target.InputObject ?? (object?)request.Target.Id, async () =>
        {
            var changesTags = request.AddTags is not null || request.RemoveTags is not null;
            if (request.Tags is not null && changesTags)
                throw InputValidation.Invalid("Tag", "use -Tag to replace every tag, or -AddTag and -RemoveTag to change some, not both.");
            if (request.Name is null && request.Description is null && request.Tags is null && !changesTags)
                throw InputValidation.Invalid("Name", "nothing to change: give -Name, -Description, -Tag, -AddTag or -RemoveTag.");

            var tags = TagConversion.From(request.Tags, "Tag");
            var addTags = TagConversion.From(request.AddTags, "AddTag");
            var (connection, provider, locator) = request.Target.Resolve(Connections);
            if (request.Name is not null) provider.Require(ProviderCapabilities.Rename);
            if (request.Tags is not null || changesTags) provider.Require(ProviderCapabilities.Tags);
            if (request.Description is not null) provider.Require(ProviderCapabilities.Description);
            provider.Validate(new UpdateSnapshotRequest(locator) { Name = request.Name, Description = request.Description, Tags = tags });
            if (!Context.ShouldProcess(request.Target.Describe(connection.Name), "Update snapshot")) return;

            if (changesTags)
            {
                var current = await provider.GetSnapshotAsync(locator, cancellationToken);
                locator = SnapshotLocator.From(current);
                tags = Merge(current.Tags, addTags, request.RemoveTags);
            }
            var updated = await provider.UpdateSnapshotAsync(
                new UpdateSnapshotRequest(locator) { Name = request.Name, Description = request.Description, Tags = tags },
                cancellationToken);
            if (request.PassThru) Context.WriteObject(updated);
        }, cancellationToken);

    private static IReadOnlyDictionary<string, string> Merge(
        IReadOnlyDictionary<string, string> current, IReadOnlyDictionary<string, string>? add, IReadOnlyList<string>? remove)
    {
        var merged = current.ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
        foreach (var key in remove ?? new string[0]) merged.Remove(key);
        foreach (var tag in add ?? new Dictionary<string, string>()) merged[tag.Key] = tag.Value;
        return merged;
    }
}
