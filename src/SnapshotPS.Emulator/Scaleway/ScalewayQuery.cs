using System.Globalization;
using System.Text.Json.Nodes;

namespace SnapshotPS.Emulator.Scaleway;

/// <summary>Query-string readers that collect invalid_arguments details; empty values count as absent.</summary>
internal sealed class ScalewayQuery(IQueryCollection query, ScalewayApi api)
{
    private readonly List<JsonObject> _problems = [];

    public string? String(string name) => query[name].FirstOrDefault(value => !string.IsNullOrEmpty(value));

    public IReadOnlyList<string> All(string name) =>
        query[name].Where(value => !string.IsNullOrEmpty(value)).Select(value => value!).ToArray();

    public int? Integer(string name, int min, int max)
    {
        var text = String(name);
        if (text is null)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            Problem(name, "format", "must be an integer");
            return null;
        }

        if (value < min || value > max)
        {
            Problem(name, "constraint", max == int.MaxValue ? $"must be at least {min}" : $"must be between {min} and {max}");
            return null;
        }

        return value;
    }

    public string? Uuid(string name)
    {
        var text = String(name);
        if (text is null)
        {
            return null;
        }

        var id = ScalewayIds.Normalize(text);
        if (id is null)
        {
            Problem(name, "format", "must be a valid UUID");
        }

        return id;
    }

    public bool? Boolean(string name)
    {
        var text = String(name);
        if (text is null)
        {
            return null;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        Problem(name, "format", "must be true or false");
        return null;
    }

    public string? OneOf(string name, IReadOnlyList<string> allowed)
    {
        var text = String(name);
        if (text is not null && !allowed.Contains(text))
        {
            Problem(name, "constraint", "must be one of " + string.Join(", ", allowed));
            return null;
        }

        return text;
    }

    public IResult? ProblemsResult() => _problems.Count == 0 ? null : ScalewayErrors.InvalidArguments(api, _problems);

    private void Problem(string argument, string reason, string help) => _problems.Add(ScalewayErrors.Detail(argument, reason, help));
}
