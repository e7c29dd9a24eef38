using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SnapshotPS.Emulator.OpenStack.Cinder;

/// <summary>
/// The query of GET /snapshots[/detail] (reference B.7): paging (limit, offset, marker), sorting (sort, or the
/// legacy sort_key/sort_dir), all_tenants, with_count (3.45+), and the filters each microversion allows.
/// </summary>
internal sealed class ListQuery
{
    public const int MaxLimit = 1000;

    private static readonly HashSet<string> Reserved = ["limit", "offset", "marker", "sort", "sort_key", "sort_dir", "all_tenants"];

    private static readonly HashSet<string> SortKeys =
    [
        "created_at", "updated_at", "id", "name", "display_name", "status", "size", "volume_id", "project_id", "user_id", "description",
        "display_description",
    ];

    public int? Limit { get; private set; }

    public int Offset { get; private set; }

    public string? Marker { get; private set; }

    public List<(string Key, bool Descending)> Sort { get; } = [];

    public bool AllTenants { get; private set; }

    public bool WithCount { get; private set; }

    public List<Func<CinderSnapshot, bool>> Filters { get; } = [];

    /// <summary>The page size: the limit capped at 1000, which is also the size without one.</summary>
    public int PageSize => Math.Min(Limit ?? MaxLimit, MaxLimit);

    public static ListQuery? Parse(CinderCall call, out OpenStackReply? error)
    {
        error = null;
        var query = new ListQuery();
        var parameters = call.Http.Request.Query;
        string? Value(string name) => parameters.TryGetValue(name, out var values) ? values[^1] : null;

        if (Value("limit") is { } limit && (error = Integer("limit", limit, out var limitValue)) is null) query.Limit = limitValue;
        if (error is null && Value("offset") is { } offset && (error = Integer("offset", offset, out var offsetValue)) is null) query.Offset = offsetValue;
        error ??= query.ReadSort(call.Version, Value("sort"), Value("sort_key"), Value("sort_dir"));
        if (error is not null) return null;

        query.Marker = Value("marker");
        query.AllTenants = call.IsAdmin && IsTrue(Value("all_tenants"));
        foreach (var (name, values) in parameters)
        {
            if (Reserved.Contains(name)) continue;
            if (name == "with_count" && call.Version >= 45)
            {
                query.WithCount = IsTrue(values[^1]);
                continue;
            }

            var filter = Filter(name, values[^1] ?? "", call.Version, out error);
            if (error is not null) return null;
            if (filter is not null) query.Filters.Add(filter);
            else if (call.Version >= 31 && !call.IsAdmin)
            {
                error = CinderErrors.BadRequest($"Invalid filters {name} are found in query options.");
                return null;
            }
        }

        return query;
    }

    public bool Matches(CinderSnapshot snapshot) => Filters.TrueForAll(filter => filter(snapshot));

    /// <summary>Keys and directions are the default created_at, id in one direction: the store's order serves the page.</summary>
    public bool IsStoreOrder => Sort.Count == 2 && Sort[0].Key == "created_at" && Sort[1].Key == "id" && Sort[0].Descending == Sort[1].Descending;

    private OpenStackReply? ReadSort(int version, string? sort, string? sortKey, string? sortDir)
    {
        if (sort is not null && (sortKey is not null || sortDir is not null))
        {
            return CinderErrors.BadRequest("The 'sort_key' and 'sort_dir' parameters are deprecated and cannot be used with the 'sort' parameter.");
        }

        var requested = sort is not null
            ? sort.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(part => part.Split(':', 2)).ToList()
            : sortKey is not null
                ? sortKey.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(key => new[] { key, sortDir ?? "desc" }).ToList()
                : [];
        foreach (var part in requested)
        {
            var key = part[0] == "display_name" || (part[0] == "name" && version >= 30) ? "name" : part[0];
            var direction = part.Length > 1 ? part[1].Trim().ToLowerInvariant() : sortDir ?? "desc";
            if (direction is not ("asc" or "desc")) return CinderErrors.BadRequest("Invalid input received: Unknown sort direction, must be 'desc' or 'asc'");
            if (!SortKeys.Contains(key) || (key == "name" && part[0] == "name" && version < 30)) return CinderErrors.BadRequest("Invalid input received: Invalid sort key");
            Sort.Add((key, direction == "desc"));
        }

        var firstDescending = Sort.Count == 0 || Sort[0].Descending;
        if (!Sort.Exists(item => item.Key == "created_at")) Sort.Add(("created_at", firstDescending));
        if (!Sort.Exists(item => item.Key == "id")) Sort.Add(("id", firstDescending));
        return null;
    }

    /// <summary>The filter for an allowed name, null for one this microversion does not know (the caller decides), or an error.</summary>
    private static Func<CinderSnapshot, bool>? Filter(string name, string value, int version, out OpenStackReply? error)
    {
        error = null;
        switch (name)
        {
            case "name": return snapshot => snapshot.Name == value;
            case "status": return snapshot => snapshot.Status == value;
            case "volume_id": return snapshot => snapshot.VolumeId == value;
            case "name~" when version >= 34: return snapshot => snapshot.Name?.Contains(value, StringComparison.OrdinalIgnoreCase) == true;
            case "status~" when version >= 34: return snapshot => snapshot.Status.Contains(value, StringComparison.OrdinalIgnoreCase);
            case "volume_id~" when version >= 34: return snapshot => snapshot.VolumeId.Contains(value, StringComparison.OrdinalIgnoreCase);
            case "consumes_quota" when version >= 65: return _ => IsTrue(value);
            case "availability_zone" when version >= 65: return _ => value == "nova";
            case "metadata" when version >= 22:
                var wanted = MetadataFilter(value);
                if (wanted is null)
                {
                    // UNVERIFIED: the reply to a metadata filter that is not a dict literal.
                    error = CinderErrors.BadRequest($"Invalid input received: Invalid metadata filter {value}");
                    return null;
                }

                return snapshot => wanted.All(pair => snapshot.Metadata.TryGetValue(pair.Key, out var has) && has == pair.Value);
            default:
                return null;
        }
    }

    /// <summary>A dict literal such as {'key':'v3'}; JSON's double quotes are accepted too.</summary>
    private static Dictionary<string, string>? MetadataFilter(string value)
    {
        foreach (var text in new[] { value, value.Replace('\'', '"') })
        {
            try
            {
                if (JsonNode.Parse(text) is JsonObject pairs && pairs.All(pair => CinderJson.Text(pair.Value) is not null))
                {
                    return pairs.ToDictionary(pair => pair.Key, pair => CinderJson.Text(pair.Value)!, StringComparer.Ordinal);
                }
            }
            catch (JsonException)
            {
            }
        }

        return null;
    }

    private static OpenStackReply? Integer(string name, string text, out int value)
    {
        if (!int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            return CinderErrors.BadRequest($"{name} param must be an integer");
        }

        return value < 0 ? CinderErrors.BadRequest($"{name} param must be positive") : null;
    }

    private static bool IsTrue(string? value) => value?.Trim().ToLowerInvariant() is "1" or "true" or "yes" or "on" or "y" or "t";
}
