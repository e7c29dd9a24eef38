using System;
using System.Collections.Generic;
using System.Linq;
using SnapshotPS.Core.Connections;
using SnapshotPS.Core.Model;

namespace SnapshotPS.Core.Providers.OpenStack;

/// <summary>
/// Finds Cinder in a token's service catalog (reference A.2): the first service type of
/// block-storage, volumev3, volume (the service-types authority's order, without the v2 API)
/// with an endpoint of the chosen interface in the chosen region.
/// </summary>
internal sealed class OpenStackCatalog
{
    public static readonly string[] BlockStorageTypes = { "block-storage", "volumev3", "volume" };

    private static readonly string[] ProjectPlaceholders = { "{project_id}", "{tenant_id}", "$(project_id)s", "$(tenant_id)s", "%(project_id)s", "%(tenant_id)s" };

    private readonly IReadOnlyList<CatalogEntry> _entries;
    private readonly string? _projectId;

    public OpenStackCatalog(IReadOnlyList<CatalogEntry>? entries, string? projectId)
    {
        _entries = entries ?? new CatalogEntry[0];
        _projectId = projectId;
    }

    /// <summary>The block-storage endpoint for a region (null: the only one there is) and an interface.</summary>
    public (Uri Endpoint, string Region) BlockStorage(string? region, string @interface, bool allowUnencrypted)
    {
        if (region?.Length == 0) region = null;
        var services = BlockStorageTypes
            .Select(type => _entries.Where(e => string.Equals(e.Type, type, StringComparison.OrdinalIgnoreCase)).SelectMany(e => e.Endpoints ?? new List<CatalogEndpoint>()).ToList())
            .Where(endpoints => endpoints.Count > 0)
            .ToList();
        if (services.Count == 0)
            throw new CloudApiException(CloudProvider.OpenStack, CloudErrorKind.NotFound,
                $"The token's catalog has no block-storage service (types {string.Join(", ", BlockStorageTypes)}): this login cannot reach Cinder. " +
                (_entries.Count == 0 ? "The catalog is empty; is the token scoped to a project?" : $"It lists: {string.Join(", ", _entries.Select(e => e.Type).Distinct())}."));

        foreach (var endpoints in services)
        {
            var matching = endpoints.Where(e => string.Equals(e.Interface, @interface, StringComparison.OrdinalIgnoreCase)
                && (region is null || string.Equals(RegionOf(e), region, StringComparison.Ordinal))).ToList();
            var regions = matching.Select(RegionOf).Distinct(StringComparer.Ordinal).ToList();
            if (regions.Count == 1) return (Resolve(matching[0].Url!, allowUnencrypted), regions[0] ?? region ?? "");
            if (regions.Count > 1)
                throw InputValidation.Invalid("Region", $"the catalog has block-storage in several regions ({Join(regions)}): choose one with -Region (or OS_REGION_NAME, region_name).");
        }

        var all = services.SelectMany(e => e).ToList();
        var inInterface = all.Where(e => string.Equals(e.Interface, @interface, StringComparison.OrdinalIgnoreCase)).ToList();
        if (inInterface.Count == 0)
            throw InputValidation.Invalid("Interface", $"the catalog has no {@interface} block-storage endpoint. Interfaces it has: {Join(all.Select(e => e.Interface))}.");
        throw InputValidation.Invalid("Region", $"the catalog has no {@interface} block-storage endpoint in region '{region}'. Regions it has: {Join(inInterface.Select(RegionOf))}.");
    }

    private static string? RegionOf(CatalogEndpoint endpoint) => endpoint.RegionId ?? endpoint.Region;

    private static string Join(IEnumerable<string?> values) =>
        string.Join(", ", values.Where(v => v is not null).Distinct(StringComparer.Ordinal).OrderBy(v => v, StringComparer.Ordinal));

    private Uri Resolve(string template, bool allowUnencrypted)
    {
        var url = template;
        foreach (var placeholder in ProjectPlaceholders)
        {
            if (url.IndexOf(placeholder, StringComparison.Ordinal) < 0) continue;
            if (_projectId is null)
                throw new CloudApiException(CloudProvider.OpenStack, CloudErrorKind.InvalidArgument,
                    $"Cinder's catalog endpoint {template} needs a project id, and the token is not scoped to a project: log in with a project (-ProjectName or -ProjectId).");
            url = url.Replace(placeholder, Uri.EscapeDataString(_projectId));
        }
        if (!Uri.TryCreate(url, UriKind.Absolute, out var endpoint) || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp))
            throw new CloudApiException(CloudProvider.OpenStack, CloudErrorKind.InvalidResponse, $"The catalog's block-storage endpoint '{url}' is not an http(s) URL.");
        if (EndpointPolicy.IsUnencryptedRemote(endpoint) && !allowUnencrypted)
            throw InputValidation.Invalid("AllowUnencryptedEndpoint",
                $"the catalog's block-storage endpoint {endpoint.GetLeftPart(UriPartial.Authority)} is plain http to another machine: tokens would travel unencrypted. Add -AllowUnencryptedEndpoint if you accept that risk.");
        return endpoint.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? endpoint : new Uri(endpoint.AbsoluteUri + "/");
    }
}
