using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Core.Providers.Koyeb;

/// <summary>
/// Snapshot references as the koyeb CLI takes them: a UUID is the id itself; anything else is looked up
/// by listing, first as a short id (the start of one id, 8 characters or more), then as a name.
/// </summary>
public sealed partial class KoyebProvider
{
    private async Task<string> ResolveIdAsync(SnapshotLocator snapshot, CancellationToken cancellationToken)
    {
        if (snapshot.ProviderObject is KoyebSnapshot known) return known.Id;
        var reference = snapshot.Id;
        // The CLI takes only UUIDv4 as full ids; any UUID is taken here, as no short id or name can look like one.
        if (KoyebIds.IsUuid(reference)) return reference;

        var byShortId = new List<CloudSnapshot>();
        var byName = new List<CloudSnapshot>();
        var shortId = KoyebIds.IsShortId(reference);
        await foreach (var candidate in ReadAllAsync(null, null, MaxPerPage, null, cancellationToken).ConfigureAwait(false))
        {
            if (shortId && candidate.Id.StartsWith(reference, StringComparison.OrdinalIgnoreCase)) byShortId.Add(candidate);
            if (string.Equals(candidate.Name, reference, StringComparison.Ordinal)) byName.Add(candidate);
        }

        var matches = byShortId.Count > 0 ? byShortId : byName;
        if (matches.Count == 1) return matches[0].Id;
        if (matches.Count == 0)
            throw new CloudApiException(CloudProvider.Koyeb, CloudErrorKind.NotFound,
                $"Koyeb has no snapshot whose id, short id or name is '{reference}'.", errorCode: "unknown_resource");
        throw InputValidation.Invalid("Id",
            $"'{reference}' names {matches.Count} Koyeb snapshots ({string.Join(", ", matches.Select(m => m.Id))}); give the full id.");
    }
}
