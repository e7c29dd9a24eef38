using System.Globalization;

namespace SnapshotPS.Emulator.Outscale.Api;

/// <summary>
/// FiltersSnapshot (reference 4.3): values inside one filter are OR-ed, filters are AND-ed (UNVERIFIED but
/// standard for OAPI); exact matches, no wildcards. An empty list is taken as no filter (UNVERIFIED). The fake
/// knows no account aliases, so a non-empty AccountAliases filter matches nothing.
/// </summary>
internal sealed class SnapshotFilters
{
    private const string Member = "Filters";

    private List<string>? _accountAliases;
    private List<string>? _accountIds;
    private List<string>? _clientTokens;
    private List<string>? _descriptions;
    private string? _fromCreationDateText;
    private string? _toCreationDateText;
    private DateTimeOffset? _fromCreationDate;
    private DateTimeOffset? _toCreationDate;
    private List<string>? _permittedAccountIds;
    private bool? _globalPermission;
    private List<long>? _progresses;
    private List<string>? _snapshotIds;
    private List<string>? _states;
    private List<string>? _tagKeys;
    private List<string>? _tagValues;
    private List<string>? _tags;
    private List<string>? _volumeIds;
    private List<long>? _volumeSizes;

    /// <summary>Asks for every member of Filters, so that unknown ones can be told apart.</summary>
    public static SnapshotFilters Read(OutscaleRequest body)
    {
        var filters = new SnapshotFilters();
        if (body.Object(Member) is not { } json)
        {
            return filters;
        }

        filters._accountAliases = json.Strings("AccountAliases");
        filters._accountIds = json.Strings("AccountIds");
        filters._clientTokens = json.Strings("ClientTokens");
        filters._descriptions = json.Strings("Descriptions");
        filters._fromCreationDateText = json.String("FromCreationDate");
        filters._toCreationDateText = json.String("ToCreationDate");
        filters._permittedAccountIds = json.Strings("PermissionsToCreateVolumeAccountIds");
        filters._globalPermission = json.Boolean("PermissionsToCreateVolumeGlobalPermission");
        filters._progresses = json.Integers("Progresses");
        filters._snapshotIds = json.Strings("SnapshotIds");
        filters._states = json.Strings("States");
        filters._tagKeys = json.Strings("TagKeys");
        filters._tagValues = json.Strings("TagValues");
        filters._tags = json.Strings("Tags");
        filters._volumeIds = json.Strings("VolumeIds");
        filters._volumeSizes = json.Integers("VolumeSizes");
        return filters;
    }

    /// <summary>The dates must be ISO 8601 (UNVERIFIED: 4047 otherwise). Unknown or malformed IDs just match nothing.</summary>
    public OutscaleError? Validate()
    {
        if (!TryParseDate(_fromCreationDateText, out _fromCreationDate))
        {
            return OutscaleErrors.InvalidValue($"{Member}.FromCreationDate", "must be an ISO 8601 date-time.");
        }

        return TryParseDate(_toCreationDateText, out _toCreationDate)
            ? null
            : OutscaleErrors.InvalidValue($"{Member}.ToCreationDate", "must be an ISO 8601 date-time.");
    }

    // UNVERIFIED: FromCreationDate and ToCreationDate are both inclusive.
    public bool Match(OutscaleSnapshot snapshot, SnapshotStatus status) =>
        IsEmpty(_accountAliases) &&
        Any(_accountIds, snapshot.AccountId) &&
        Any(_clientTokens, snapshot.ClientToken) &&
        Any(_descriptions, snapshot.Description) &&
        (_fromCreationDate is not { } from || snapshot.CreatedAt >= from) &&
        (_toCreationDate is not { } to || snapshot.CreatedAt <= to) &&
        (IsEmpty(_permittedAccountIds) || _permittedAccountIds!.Any(snapshot.SharedWith.Contains)) &&
        (_globalPermission is not { } global || snapshot.IsPublic == global) &&
        (IsEmpty(_progresses) || _progresses!.Contains(status.Progress)) &&
        Any(_snapshotIds, snapshot.Id) &&
        Any(_states, status.State) &&
        (IsEmpty(_tagKeys) || snapshot.Tags.All.Any(tag => _tagKeys!.Contains(tag.Key))) &&
        (IsEmpty(_tagValues) || snapshot.Tags.All.Any(tag => _tagValues!.Contains(tag.Value))) &&
        (IsEmpty(_tags) || _tags!.Any(pair => HasTag(snapshot, pair))) &&
        Any(_volumeIds, snapshot.VolumeId) &&
        (IsEmpty(_volumeSizes) || _volumeSizes!.Contains(snapshot.VolumeSize));

    /// <summary>"KEY=VALUE", split at the first '='; UNVERIFIED: a bare "KEY" matches the key with any value.</summary>
    private static bool HasTag(OutscaleSnapshot snapshot, string pair)
    {
        var equals = pair.IndexOf('=', StringComparison.Ordinal);
        return equals < 0
            ? snapshot.Tags.All.Any(tag => tag.Key == pair)
            : snapshot.Tags.All.Any(tag => tag.Key == pair[..equals] && tag.Value == pair[(equals + 1)..]);
    }

    private static bool Any(List<string>? values, string? actual) =>
        IsEmpty(values) || (actual is not null && values!.Contains(actual, StringComparer.Ordinal));

    private static bool IsEmpty<T>(List<T>? values) => values is null || values.Count == 0;

    private static bool TryParseDate(string? text, out DateTimeOffset? date)
    {
        date = null;
        if (text is null)
        {
            return true;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return false;
        }

        date = parsed;
        return true;
    }
}
